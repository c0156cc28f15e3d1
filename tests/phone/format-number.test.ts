import { describe, expect, it } from 'vitest';
import { countryFromAddress } from '../../api/src/phone/country-hint.ts';
import { formatNumber, type NumberStyle } from '../../api/src/phone/format-number.ts';
import { readIncomingNumber } from '../../api/src/phone/incoming-number.ts';
import { normalizeStoredNumber, type StoredNumber } from '../../api/src/phone/stored-number.ts';
import { PROFILES, type ProfileName } from './profiles.ts';

function stored(text: string, profile: ProfileName = 'DE'): StoredNumber {
  const result = normalizeStoredNumber(text, PROFILES[profile]);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.number;
}

/** [stored as, read with profile, style, viewer profile, shown as] */
type Row = [text: string, source: ProfileName, style: NumberStyle, viewer: ProfileName, expected: string];

const ROWS: Row[] = [
  ['+49 89 12345-678', 'DE', 'international', 'MUC', '+49 89 12345-678'],
  ['+49 89 12345-678', 'DE', 'international', 'NYC', '+49 89 12345-678'],
  ['+49 89 12345-678', 'DE', 'national', 'MUC', '089 12345-678'],
  ['+49 89 12345-678', 'DE', 'national', 'NYC', '+49 89 12345-678'],
  // same country and area code, where local dialling exists: the local number
  ['+49 89 12345-678', 'DE', 'shortest', 'MUC', '12345-678'],
  ['+49 89 1234', 'DE', 'shortest', 'MUC', '1234'],
  ['+49 30 1234567', 'DE', 'shortest', 'MUC', '030 1234567'],
  ['+49 89 12345-678', 'DE', 'shortest', 'DE', '089 12345-678'],
  ['+49 89 12345-678', 'DE', 'shortest', 'VIE', '+49 89 12345-678'],
  ['+49 151 23456789', 'DE', 'shortest', 'MUC', '01512 3456789'],
  // the viewer's own company: national, readable
  ['-123', 'MUC', 'shortest', 'MUC', '089 987654-123'],
  ['-1234', 'VIE', 'shortest', 'VIE', '01 40400-1234'],
  ['+43 1 5123456', 'DE', 'shortest', 'VIE', '5123456'],
  ['+43 1 5123456789-12345', 'DE', 'international', 'MUC', '+43 1 5123456789-12345'],
  ['+44 20 7946 0958', 'DE', 'shortest', 'LON', '7946 0958'],
  ['+44 20 7946 0958', 'DE', 'national', 'LON', '020 7946 0958'],
  ['+44 20 7946 0958', 'DE', 'shortest', 'MUC', '+44 20 7946 0958'],
  ['+44 161 496 0000', 'DE', 'shortest', 'LON', '0161 496 0000'],
  // NANP dials 10 digits: national, never local
  ['(212) 555-0142', 'US', 'shortest', 'NYC', '(212) 555-0142'],
  ['(212) 555-0142', 'US', 'international', 'NYC', '+1 212 555 0142'],
  ['+1 212-555-0142 x123', 'DE', 'international', 'MUC', '+1 212 555 0142 ext. 123'],
  ['+1 212-555-0142 x123', 'DE', 'national', 'NYC', '(212) 555-0142 ext. 123'],
  ['+1 212-555-0142 x123', 'DE', 'shortest', 'NYC', '(212) 555-0142 ext. 123'],
  ['+1 212-555-0142 x123', 'DE', 'shortest', 'MUC', '+1 212 555 0142 ext. 123'],
  // closed plans always show the area code
  ['+33 1 42 68 53 00', 'DE', 'shortest', 'PAR', '01 42 68 53 00'],
  ['+33 1 42 68 53 00', 'DE', 'international', 'PAR', '+33 1 42 68 53 00'],
  ['+41 44 668 18 00', 'DE', 'shortest', 'ZRH', '044 668 18 00'],
  ['+41 44 668 18 00-12', 'DE', 'international', 'ZRH', '+41 44 668 18 00 ext. 12'],
  ['+39 06 4880 1234', 'DE', 'shortest', 'ROM', '06 4880 1234'],
  ['+39 06 6982 1234', 'DE', 'national', 'ROM', '06 6982 1234'],
  ['+39 06 4880 1234', 'DE', 'shortest', 'MUC', '+39 06 4880 1234'],
  ['+31 20 123 4567', 'DE', 'shortest', 'AMS', '020 123 4567'],
  ['+31 20 123 4567', 'DE', 'national', 'MUC', '+31 20 123 4567'],
];

describe('formatNumber: table', () => {
  it.each(ROWS)('%s (%s) as %s for %s → %s', (text, source, style, viewer, expected) => {
    const n = stored(text, source);
    const shown = formatNumber(n, style, PROFILES[viewer]);
    expect(shown).toBe(expected);
    expect(readIncomingNumber(shown, PROFILES[viewer]).map((r) => r.e164)).toContain(n.e164);
  });

  it('keeps a local number as long as an internal extension national, so it is not dialled as one', () => {
    const viewer = { ...PROFILES.MUC, extensionLength: 4 };
    expect(formatNumber(stored('+49 89 1234'), 'shortest', viewer)).toBe('089 1234');
  });

  it('shows what it cannot parse as it is', () => {
    expect(formatNumber({ e164: '+999123', main: null, extension: null, directDial: false }, 'shortest', PROFILES.MUC)).toBe('+999123');
  });
});

describe('countryFromAddress', () => {
  const rows: [string | null | undefined, string | null][] = [
    ['Germany', 'DE'], ['Deutschland', 'DE'], ['DE', 'DE'], ['de', 'DE'], ['  germany ', 'DE'], ['D', 'DE'], ['Bundesrepublik Deutschland', 'DE'],
    ['Österreich', 'AT'], ['Oesterreich', 'AT'], ['OSTERREICH', 'AT'], ['Austria', 'AT'], ['AT', 'AT'],
    ['Schweiz', 'CH'], ['Suisse', 'CH'], ['Svizzera', 'CH'], ['Switzerland', 'CH'], ['CH', 'CH'],
    ['United Kingdom', 'GB'], ['UK', 'GB'], ['GB', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'], ['Großbritannien', 'GB'],
    ['USA', 'US'], ['U.S.A.', 'US'], ['United States', 'US'], ['United States of America', 'US'], ['Vereinigte Staaten', 'US'],
    ['France', 'FR'], ['Frankreich', 'FR'], ['FR', 'FR'],
    ['Italia', 'IT'], ['Italy', 'IT'], ['Italien', 'IT'], ['IT', 'IT'],
    ['Nederland', 'NL'], ['Netherlands', 'NL'], ['The Netherlands', 'NL'], ['Niederlande', 'NL'], ['Holland', 'NL'],
    ['España', 'ES'], ['Spain', 'ES'], ['Spanien', 'ES'],
    ['Polska', 'PL'], ['Poland', 'PL'], ['Polen', 'PL'],
    ['Türkiye', 'TR'], ['Turkey', 'TR'], ['Türkei', 'TR'],
    ['België', 'BE'], ['Belgique', 'BE'], ['Belgium', 'BE'], ['Belgien', 'BE'],
    ['SE', 'SE'], ['Narnia', null], ['', null], ['   ', null], [null, null], [undefined, null], ['XX', null],
  ];
  it.each(rows)('%s → %s', (input, expected) => {
    expect(countryFromAddress(input)).toBe(expected);
  });
});
