import { describe, expect, it } from 'vitest';
import { normalizeStoredNumber, type StoredNumberResult } from '../../api/src/phone/stored-number.ts';
import { PROFILES, type ProfileName } from './profiles.ts';

/**
 * Expected results, written compactly:
 *   '+498912345678'       a plain number (no extension known)
 *   '+498912345-678'      a direct-dial extension: main +498912345, extension 678, e164 +498912345678
 *   '+12125550142 x123'   a suffix extension: e164 and main +12125550142, extension 123
 *   'needs-area-code' …  a failure reason
 */
type Row = [input: string, profile: ProfileName, expected: string, hintCountry?: string];

const ROWS: Row[] = [
  // Germany: every accepted form of product step 3
  ['+49(89)123456-78', 'DE', '+4989123456-78'],
  ['0049-89-123456-78', 'DE', '+4989123456-78'],
  ['+49(0)89 123456-78', 'DE', '+4989123456-78'],
  ['089/12345678', 'DE', '+498912345678'],
  ['089.123456.78', 'DE', '+498912345678'],
  ['089 12345678', 'MUC', '+498912345678'],
  ['+49 89 12345-678', 'DE', '+498912345-678'],
  ['+49 89 12345-0', 'DE', '+498912345-0'],
  ['(089) 12345-678', 'DE', '+498912345-678'],
  ['+49 (89) 12345 678', 'DE', '+498912345678'],
  ['+49-89-12345678', 'DE', '+498912345678'],
  ['0 89 / 12 34 56 78', 'DE', '+498912345678'],
  ['+49 30 1234567', 'DE', '+49301234567'],
  ['030/1234567', 'MUC', '+49301234567'],
  ['+49 151 23456789', 'DE', '+4915123456789'],
  ['0151 23456789', 'DE', '+4915123456789'],
  ['+49 89 12345 x 678', 'DE', '+498912345 x678'],
  ['+49 89 12345678 ext. 9', 'DE', '+498912345678 x9'],
  ['tel:+49-89-12345678', 'DE', '+498912345678'],
  ['＋４９ ８９ １２３４５６７８', 'DE', '+498912345678'],
  ['+49 89 12345678', 'NYC', '+498912345678'],
  ['0049 89 12345678', 'US', '+498912345678'],
  // German direct dial longer than the metadata allows: accepted with at most 5 extension digits
  ['+49 89 123456789012-12', 'DE', '+4989123456789012-12'],
  ['+49 89 12345-123456', 'DE', '+498912345123456'],
  ['+49 89 1234567890123456-1', 'DE', 'invalid'],
  // local numbers and extension-only entries, completed from the profile
  ['12345678', 'MUC', '+498912345678'],
  ['123456-789', 'MUC', '+4989123456-789'],
  ['123456-789', 'MUC0', '+4989123456-789'],
  ['123456-789', 'DE', 'needs-area-code'],
  ['-123', 'MUC', '+4989987654-123'],
  ['-123', 'MUC0', '+4989987654-123'],
  ['– 45', 'MUC', '+4989987654-45'],
  ['123', 'MUC', '+4989987654-123'],
  ['-123', 'DE', 'needs-main-number'],
  ['123', 'DE', 'needs-area-code'],
  ['49891234567', 'DE', 'needs-area-code'],
  // stored numbers never carry the outside-line prefix: "0089…" is the international prefix
  ['08912345678', 'MUC', '+498912345678'],
  ['008912345678', 'MUC', 'invalid'],
  // failures
  ['', 'DE', 'empty'],
  ['   ', 'DE', 'empty'],
  ['n/a', 'DE', 'unreadable'],
  ['Tel. 089 12345678', 'DE', 'unreadable'],
  ['+49 89 ABC', 'DE', 'unreadable'],
  ['---', 'DE', 'unreadable'],
  ['089 1234 + 5', 'DE', 'unreadable'],
  ['+49 1', 'DE', 'invalid'],
  ['+89 1234567', 'DE', 'invalid'],
  ['0000', 'DE', 'invalid'],
  ['12', 'DE', 'invalid'],

  // Austria: Vienna 01, direct dial like Germany
  ['+43 1 40400-1234', 'DE', '+43140400-1234'],
  ['01 40400-1234', 'VIE', '+43140400-1234'],
  ['+43 (0)1 40400-0', 'DE', '+43140400-0'],
  ['0043 662 123456', 'DE', '+43662123456'],
  ['0662/123456', 'VIE', '+43662123456'],
  ['40400-1234', 'VIE', '+43140400-1234'],
  ['-1234', 'VIE', '+43140400-1234'],
  ['1234', 'VIE', '+43140400-1234'],
  ['+43 1 5123456789-12345', 'DE', '+4315123456789-12345'],
  ['+43 664 1234567', 'DE', '+436641234567'],
  ['0664 1234567', 'VIE', '+436641234567'],
  ['01 40400-1234', 'MUC', '+43140400-1234', 'Österreich'],

  // Switzerland: Zurich 044, closed plan (an extension cannot be dialled through)
  ['+41 44 668 18 00', 'DE', '+41446681800'],
  ['044 668 18 00', 'ZRH', '+41446681800'],
  ['0041 (0)44 668 18 00', 'DE', '+41446681800'],
  ['+41 (0)44 668 18 00', 'DE', '+41446681800'],
  ['044/668.18.00', 'ZRH', '+41446681800'],
  ['668 18 00', 'ZRH', '+41446681800'],
  ['+41 44 668 18 00-12', 'DE', '+41446681800 x12'],
  ['+41 44 668 18 00 #12', 'DE', '+41446681800 x12'],
  ['-123', 'ZRH', '+41446681800 x123'],
  ['079 123 45 67', 'ZRH', '+41791234567'],
  ['079 123 45 67', 'MUC', '+41791234567', 'Schweiz'],
  ['044 668 18', 'ZRH', 'invalid'],

  // United Kingdom: London 020
  ['+44 20 7946 0958', 'DE', '+442079460958'],
  ['020 7946 0958', 'LON', '+442079460958'],
  ['020 794 60958', 'LON', '+442079460958'],
  ['(020) 7946-0958', 'LON', '+442079460958'],
  ['+44 (0)20 7946 0958', 'DE', '+442079460958'],
  ['0044 20 7946 0958', 'US', '+442079460958'],
  ['7946 0958', 'LON', '+442079460958'],
  ['7946 0958', 'MUC', 'needs-area-code', 'GB'],
  ['07400 123456', 'LON', '+447400123456'],
  ['+44 161 496 0000', 'DE', '+441614960000'],
  ['020 7946 0958', 'MUC', '+442079460958', 'United Kingdom'],
  ['020 7946 0958', 'MUC', '+442079460958', 'UK'],
  ['020 7946 0958 ext 12', 'LON', '+442079460958 x12'],
  ['-1234', 'LON', '+442079460000 x1234'],

  // United States: no trunk 0, national prefix 1, 7-digit local numbers
  ['(212) 555-0142', 'NYC', '+12125550142'],
  ['(212) 555-0142', 'US', '+12125550142'],
  ['212-555-0142', 'US', '+12125550142'],
  ['212.555.0142', 'US', '+12125550142'],
  ['1-212-555-0142', 'US', '+12125550142'],
  ['1 (212) 555-0142', 'US', '+12125550142'],
  ['+1 212-555-0142 x123', 'DE', '+12125550142 x123'],
  ['+1 (212) 555-0142 ext. 123', 'DE', '+12125550142 x123'],
  ['+1 212 555 0142;ext=123', 'DE', '+12125550142 x123'],
  ['+1 212 555 0142 #123', 'DE', '+12125550142 x123'],
  ['+1 212 555 0142 extension 123', 'DE', '+12125550142 x123'],
  ['tel:+1-212-555-0142;ext=123', 'DE', '+12125550142 x123'],
  ['+1 212 555 0142-12', 'DE', '+12125550142 x12'],
  ['+1 415 555 2671', 'DE', '+14155552671'],
  ['555-0142', 'NYC', '+12125550142'],
  ['555-0142', 'US', 'needs-area-code'],
  ['(212) 555-014', 'US', 'needs-area-code'],
  ['(212) 555-014', 'NYC', 'invalid'],
  ['-123', 'NYC', '+12125550100 x123'],
  ['0123', 'NYC', '+12125550100 x0123'],
  ['-123', 'US', 'needs-main-number'],
  ['011 49 89 12345678', 'US', '+498912345678'],
  ['(212) 555-0142', 'MUC', '+12125550142', 'USA'],

  // France: Paris 01, trunk 0, closed plan
  ['01 42 68 53 00', 'PAR', '+33142685300'],
  ['01 42 68 53 00', 'MUC', '+33142685300', 'France'],
  ['01 42 68 53 00', 'MUC', '+33142685300', 'FR'],
  ['01 42 68 53 00', 'MUC', 'invalid'],
  ['01.42.68.53.00', 'PAR', '+33142685300'],
  ['+33 1 42 68 53 00', 'DE', '+33142685300'],
  ['+33 (0)1 42 68 53 00', 'DE', '+33142685300'],
  ['0033 1 42 68 53 00', 'DE', '+33142685300'],
  ['06 12 34 56 78', 'PAR', '+33612345678'],
  ['42 68 53 00', 'PAR', '+33142685300'],
  ['01 42 68 53', 'PAR', 'invalid'],
  ['-123', 'PAR', '+33142685300 x123'],

  // Italy: the leading 0 is part of the number, there is no trunk prefix
  ['+39 06 6982 1234', 'DE', '+390669821234'],
  ['+39 06 4880 1234', 'DE', '+390648801234'],
  ['06 4880 1234', 'ROM', '+390648801234'],
  ['06 4880 1234', 'IT', '+390648801234'],
  ['0039 06 4880 1234', 'DE', '+390648801234'],
  ['+39 (0)6 4880 1234', 'DE', '+390648801234'],
  ['011/7150172', 'MUC', '+390117150172', 'Italia'],
  ['011/7150172', 'MUC', '+390117150172', 'IT'],
  ['011/7150172', 'MUC', 'invalid'],
  ['011/7150172', 'IT', '+390117150172'],
  ['02 1234 5678', 'IT', '+390212345678'],
  ['312 345 6789', 'IT', '+393123456789'],
  ['+39 312 345 6789', 'DE', '+393123456789'],
  ['4880 1234', 'ROM', '+390648801234'],
  ['-123', 'ROM', '+390648801234 x123'],
  ['089 1234567', 'MUC', '+390891234567', 'Italy'],
  ['089 1234567', 'MUC', '+49891234567', 'Atlantis'],

  // Netherlands: Amsterdam 020, "-" is no extension marker there
  ['020-1234567', 'AMS', '+31201234567'],
  ['020-1234567', 'MUC', '+31201234567', 'Nederland'],
  ['020-1234567', 'DE', '+49201234567'],
  ['+31 20 123 4567', 'DE', '+31201234567'],
  ['+31 (0)20 123 4567', 'DE', '+31201234567'],
  ['0031 20 1234567', 'DE', '+31201234567'],
  ['06-12345678', 'AMS', '+31612345678'],
  ['123 4567', 'AMS', '+31201234567'],
  ['-123', 'AMS', '+31201234567 x123'],
];

function describeResult(result: StoredNumberResult): string {
  if (!result.ok) return result.reason;
  const n = result.number;
  if (n.extension === null) return n.e164;
  if (n.directDial) return `${n.main}-${n.extension}`;
  return `${n.e164} x${n.extension}`;
}

describe('normalizeStoredNumber: table', () => {
  it.each(ROWS)('%s (profile %s) → %s %s', (input, profileName, expected, hint) => {
    const result = normalizeStoredNumber(input, PROFILES[profileName], hint ?? null);
    expect(describeResult(result)).toBe(expected);
    if (result.ok) {
      const n = result.number;
      expect(n.original).toBe(input);
      if (n.directDial) expect(n.e164).toBe(`${n.main}${n.extension}`);
      else if (n.extension !== null) expect(n.e164).toBe(n.main);
      else expect(n.main).toBeNull();
    } else {
      expect(result.original).toBe(input);
    }
  });
});

describe('normalizeStoredNumber: details', () => {
  it('splits a DACH extension from its main number (product example)', () => {
    expect(normalizeStoredNumber('+49 89 12345-678', PROFILES.DE)).toEqual({
      ok: true,
      number: { original: '+49 89 12345-678', e164: '+498912345678', main: '+498912345', extension: '678', directDial: true, country: 'DE' },
    });
  });

  it('reports the ISO country of the number, not of the profile', () => {
    const cases: [string, string][] = [
      ['+44 20 7946 0958', 'GB'],
      ['+1 212 555 0142', 'US'],
      ['+33 1 42 68 53 00', 'FR'],
      ['+31 20 123 4567', 'NL'],
      ['+41 44 668 18 00', 'CH'],
      ['+43 1 40400-1234', 'AT'],
      ['+39 06 4880 1234', 'IT'],
      // libphonenumber: 06 698… is the Vatican's block of the Rome numbering area
      ['+39 06 6982 1234', 'VA'],
    ];
    for (const [input, country] of cases) {
      const result = normalizeStoredNumber(input, PROFILES.MUC);
      expect(result.ok && result.number.country, input).toBe(country);
    }
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [42, {}, 'tel:', 'tel:;ext=1', '+', '++49', '(', ')', 'x123', '#', ';ext=', '\u0000', '0'.repeat(500)];
    for (const value of junk) {
      const result = normalizeStoredNumber(value as string, PROFILES.MUC);
      expect(result.ok, String(value)).toBe(false);
    }
  });

  it('treats a missing value as empty', () => {
    for (const value of [null, undefined]) {
      expect(normalizeStoredNumber(value as unknown as string, PROFILES.MUC)).toEqual({ ok: false, original: '', reason: 'empty' });
    }
  });

  it('accepts the hint country as a name or an ISO code and ignores unknown hints', () => {
    for (const hint of ['IT', 'it', 'Italia', 'Italien', 'ITALY']) {
      const result = normalizeStoredNumber('011/7150172', PROFILES.MUC, hint);
      expect(result.ok && result.number.e164, hint).toBe('+390117150172');
    }
    const unknown = normalizeStoredNumber('089 1234567', PROFILES.MUC, 'Narnia');
    expect(unknown.ok && unknown.number.e164).toBe('+49891234567');
  });

  it('does not complete a local number of a contact abroad with our own area code', () => {
    expect(describeResult(normalizeStoredNumber('6982 1234', PROFILES.MUC, 'IT'))).toBe('invalid');
    expect(describeResult(normalizeStoredNumber('6982 1234', PROFILES.MUC))).toBe('+4989 69821234'.replace(' ', ''));
  });
});
