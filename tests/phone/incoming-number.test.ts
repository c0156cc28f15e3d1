import { describe, expect, it } from 'vitest';
import { readIncomingNumber, type Reading } from '../../api/src/phone/incoming-number.ts';
import { PROFILES, type ProfileName } from './profiles.ts';

/** Expected readings, most plausible first, each written "how +e164" or "how +e164 x<suffix extension>". */
type Row = [input: string, profile: ProfileName, expected: string[]];

const ROWS: Row[] = [
  // Germany, Munich PBX with "0" for an outside line
  ['+4989123456789', 'MUC', ['international +4989123456789']],
  ['+49 89 12345-678', 'MUC', ['international +498912345678']],
  ['+49 (0)89 12345678', 'DE', ['international +498912345678']],
  ['00498912345678', 'MUC', ['international +498912345678']],
  ['089 12345678', 'DE', ['national +498912345678']],
  ['12345678', 'MUC', ['local +498912345678']],
  ['12345678', 'DE', []],
  ['1234', 'MUC', ['local +49891234']],
  ['123', 'MUC', ['extension +4989987654123']],
  ['0', 'MUC', ['extension +49899876540']],
  ['123', 'DE', []],
  ['0089123456', 'MUC', ['outside-line +4989123456']],
  // ambiguous: national as written, or a local number behind the outside-line prefix
  ['08912345678', 'MUC', ['national +498912345678', 'outside-line +49898912345678']],
  // never guessed: a country code without + or 00, and "00" + a country code that does not exist
  ['49891234567', 'DE', []],
  ['00891234567', 'DE', []],
  ['00891234567', 'MUC', ['outside-line +49891234567']],
  // …but an 11-digit local number is still a (valid) Munich number for a Munich PBX
  ['49891234567', 'MUC', ['local +498949891234567']],
  ['tel:+49-89-12345-678', 'MUC', ['international +498912345678']],
  ['tel:+49-89-12345678;ext=9', 'DE', ['international +498912345678 x9']],
  ['tel:12345678;phone-context=+49-89', 'DE', ['international +498912345678']],
  ['TEL:+49.89.12345678', 'DE', ['international +498912345678']],
  // German direct dial beyond the metadata's length, extension of at most 5 digits
  ['+4989123456789012 12', 'DE', ['international +498912345678901212']],
  ['+4989123456789012345678', 'DE', []],
  ['', 'MUC', []],
  ['anonymous', 'MUC', []],
  ['+', 'MUC', []],
  ['0+4989123456', 'MUC', []],

  // Austria, Vienna
  ['+43 1 40400 1234', 'VIE', ['international +431404001234']],
  ['01 404001234', 'VIE', ['national +431404001234']],
  ['404001234', 'VIE', ['local +431404001234']],
  ['1234', 'VIE', ['extension +431404001234']],
  ['00662123456', 'VIE', ['outside-line +43662123456']],
  ['+43 1 5123456789 12345', 'VIE', ['international +431512345678912345']],

  // Switzerland, Zurich (closed plan: an internal extension is a suffix of the main number)
  ['+41446681800', 'ZRH', ['international +41446681800']],
  ['0041 44 668 18 00', 'ZRH', ['international +41446681800']],
  ['0446681800', 'ZRH', ['national +41446681800']],
  ['00446681800', 'ZRH', ['outside-line +41446681800']],
  // closed plan: the area code is always dialled, so there are no local readings
  ['6681800', 'ZRH', []],
  ['123', 'ZRH', ['extension +41446681800 x123']],

  // United Kingdom, London PBX with "9" for an outside line
  ['+442079460958', 'LON', ['international +442079460958']],
  ['tel:+44-20-7946-0958', 'LON', ['international +442079460958']],
  ['02079460958', 'LON', ['national +442079460958']],
  ['79460958', 'LON', ['local +442079460958']],
  ['902079460958', 'LON', ['outside-line +442079460958']],
  ['9004989123456', 'LON', ['outside-line +4989123456']],
  ['0958', 'LON', ['extension +442079460000 x0958']],

  // United States, New York PBX with "9" for an outside line
  ['+12125550142', 'NYC', ['international +12125550142']],
  ['2125550142', 'NYC', ['national +12125550142']],
  ['12125550142', 'NYC', ['national +12125550142']],
  ['(212) 555-0142', 'US', ['national +12125550142']],
  ['5550142', 'NYC', ['local +12125550142']],
  ['5550142', 'US', []],
  ['95550142', 'NYC', ['outside-line +12125550142']],
  ['912125550142', 'NYC', ['outside-line +12125550142']],
  ['92125550142', 'NYC', ['outside-line +12125550142']],
  ['01149891234567', 'NYC', ['international +49891234567']],
  ['0142', 'NYC', ['extension +12125550100 x0142']],
  ['tel:+1-212-555-0142;ext=123', 'NYC', ['international +12125550142 x123']],
  ['(212) 555-0142 x123', 'NYC', ['national +12125550142 x123']],
  ['49891234567', 'NYC', []],

  // France, Paris
  ['+33142685300', 'PAR', ['international +33142685300']],
  ['0033 1 42 68 53 00', 'PAR', ['international +33142685300']],
  ['0142685300', 'PAR', ['national +33142685300']],
  ['01 42 68 53 00', 'PAR', ['national +33142685300']],
  ['42685300', 'PAR', []],
  ['00142685300', 'PAR', ['outside-line +33142685300']],
  ['123', 'PAR', ['extension +33142685300 x123']],

  // Italy, Rome: the 0 belongs to the number
  ['+390648801234', 'ROM', ['international +390648801234']],
  ['0039 06 4880 1234', 'ROM', ['international +390648801234']],
  ['0648801234', 'ROM', ['national +390648801234']],
  ['48801234', 'ROM', []],
  ['3123456789', 'ROM', ['national +393123456789']],
  ['00648801234', 'ROM', ['outside-line +390648801234']],
  ['123', 'ROM', ['extension +390648801234 x123']],

  // Netherlands, Amsterdam
  ['+31201234567', 'AMS', ['international +31201234567']],
  ['0031201234567', 'AMS', ['international +31201234567']],
  ['0201234567', 'AMS', ['national +31201234567']],
  ['1234567', 'AMS', ['local +31201234567']],
  ['00201234567', 'AMS', ['outside-line +31201234567']],
  ['123', 'AMS', ['extension +31201234567 x123']],
];

function show(reading: Reading): string {
  return `${reading.how} ${reading.e164}${reading.extension === null ? '' : ` x${reading.extension}`}`;
}

describe('readIncomingNumber: table', () => {
  it.each(ROWS)('%s (profile %s) → %j', (input, profileName, expected) => {
    expect(readIncomingNumber(input, PROFILES[profileName]).map(show)).toEqual(expected);
  });
});
