import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCountryCallingCode, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import type { DiallingProfile } from '../../contracts/datasource.ts';
import { formatNumber, type NumberStyle } from '../../api/src/phone/format-number.ts';
import { readIncomingNumber } from '../../api/src/phone/incoming-number.ts';
import { normalizeStoredNumber, type StoredNumber } from '../../api/src/phone/stored-number.ts';
import { PROFILES } from './profiles.ts';

const COUNTRIES = ['DE', 'AT', 'CH', 'GB', 'US', 'FR', 'IT', 'NL'] as const satisfies readonly CountryCode[];
type Country = (typeof COUNTRIES)[number];

/** National significant number prefixes per country (geographic and mobile), completed with random digits. */
const PREFIXES: Record<Country, string[]> = {
  DE: ['89', '30', '40', '69', '221', '711', '8151', '151', '160', '176'],
  AT: ['1', '662', '316', '512', '664', '676'],
  CH: ['44', '31', '61', '21', '79', '76'],
  GB: ['20', '161', '131', '1865', '7400', '7700'],
  US: ['212', '415', '312', '617', '202'],
  FR: ['1', '4', '5', '6', '7'],
  IT: ['06', '02', '011', '055', '081', '3'],
  NL: ['20', '10', '70', '30', '6'],
};

/** Lengths of national significant numbers to build (open plans vary, closed plans are fixed). */
const LENGTHS: Record<Country, [number, number]> = {
  DE: [6, 12], AT: [6, 12], CH: [9, 9], GB: [10, 10], US: [10, 10], FR: [9, 9], IT: [6, 11], NL: [9, 9],
};

const countryArb = fc.constantFrom(...COUNTRIES);
const digitString = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

/** A valid number (libphonenumber max metadata) of one of the countries, as E.164. */
const validNumber = fc
  .oneof(
    countryArb.chain((country) =>
      fc
        .tuple(fc.constantFrom(...PREFIXES[country]), fc.integer({ min: LENGTHS[country][0], max: LENGTHS[country][1] }))
        .chain(([prefix, length]) => digitString(Math.max(1, length - prefix.length)).map((rest) => prefix + rest))
        .map((nsn) => parsePhoneNumberFromString(`+${getCountryCallingCode(country)}${nsn}`)),
    ),
    // the library's own example numbers with their last digits varied
    countryArb.chain((country) =>
      digitString(3).map((tail) => {
        const example = getExampleNumber(country, examples);
        return example ? parsePhoneNumberFromString(example.number.slice(0, -3) + tail) : undefined;
      }),
    ),
  )
  .filter((n) => n !== undefined && n.isValid() && n.country !== undefined && (COUNTRIES as readonly string[]).includes(n.country))
  .map((n) => {
    if (!n?.country) throw new Error('unreachable');
    return { e164: n.number, country: n.country as Country, phone: n };
  });

function profileOf(country: Country, extra: Partial<DiallingProfile> = {}): DiallingProfile {
  return { country, areaCode: null, mainNumber: null, extensionLength: null, outsideLinePrefix: null, displayFormat: 'shortest', ...extra };
}

/** Every way libphonenumber writes a number, plus what people make of it. */
function writings(phone: NonNullable<ReturnType<typeof parsePhoneNumberFromString>>): string[] {
  const international = phone.format('INTERNATIONAL');
  const national = phone.format('NATIONAL');
  const nsn = phone.nationalNumber;
  return [
    phone.format('E.164'),
    international,
    national,
    phone.format('RFC3966'),
    `00${phone.countryCallingCode} ${nsn}`,
    international.replace(/ /g, '.'),
    international.replace(/ /g, '-'),
    national.replace(/ /g, '/'),
    national.replace(/ /g, '.'),
    national.replace(/ /g, ''),
    `+${phone.countryCallingCode} (${nsn.slice(0, 2)}) ${nsn.slice(2)}`,
    `  ${international}  `,
  ];
}

describe('properties', () => {
  it('every writing of a valid number normalises as a stored number to the same E.164', () => {
    fc.assert(
      fc.property(validNumber, fc.boolean(), ({ e164, country, phone }, withAreaCode) => {
        const profile = profileOf(country, withAreaCode ? { areaCode: phone.nationalNumber.slice(0, 2) } : {});
        for (const text of writings(phone)) {
          const result = normalizeStoredNumber(text, profile);
          expect(result.ok && result.number.e164, `${text} under ${country}`).toBe(e164);
        }
        // international forms do not depend on the profile or the hint
        const abroad = normalizeStoredNumber(phone.format('INTERNATIONAL'), PROFILES.NYC, 'FR');
        expect(abroad.ok && abroad.number.e164).toBe(e164);
      }),
      { numRuns: 400 },
    );
  });

  it('every writing of a valid number reads as an incoming number with that E.164 among its readings', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(null, '0', '9'), ({ e164, country, phone }, outsideLinePrefix) => {
        const profile = profileOf(country, { outsideLinePrefix, extensionLength: 3, areaCode: phone.nationalNumber.slice(0, 2) });
        const texts = writings(phone);
        if (outsideLinePrefix) texts.push(outsideLinePrefix + phone.format('NATIONAL'), `${outsideLinePrefix}00${phone.countryCallingCode}${phone.nationalNumber}`);
        for (const text of texts) {
          expect(readIncomingNumber(text, profile).map((r) => r.e164), `${text} under ${country}`).toContain(e164);
        }
      }),
      { numRuns: 400 },
    );
  });

  const storedNumber: fc.Arbitrary<StoredNumber> = fc
    .tuple(validNumber, fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 })), fc.constantFrom('-', ' x'))
    .map(([{ phone }, extension, marker]) => {
      const text = extension === null ? phone.format('INTERNATIONAL') : `${phone.format('INTERNATIONAL')}${marker}${extension}`;
      return normalizeStoredNumber(text, PROFILES.DE);
    })
    .filter((r) => r.ok)
    .map((r) => {
      if (!r.ok) throw new Error('unreachable');
      return r.number;
    });

  const viewer: fc.Arbitrary<DiallingProfile> = fc
    .tuple(
      fc.constantFrom(...Object.values(PROFILES)),
      fc.option(fc.integer({ min: 1, max: 6 })),
      fc.constantFrom(null, '0', '9', '00'),
      fc.constantFrom<NumberStyle>('international', 'national', 'shortest'),
    )
    .map(([p, extensionLength, outsideLinePrefix, displayFormat]) => ({ ...p, extensionLength, outsideLinePrefix, displayFormat }));

  it('whatever style a number is shown in, the viewer reads it back to the same E.164', () => {
    fc.assert(
      fc.property(storedNumber, viewer, fc.constantFrom<NumberStyle>('international', 'national', 'shortest'), (n, v, style) => {
        const shown = formatNumber(n, style, v);
        expect(readIncomingNumber(shown, v).map((r) => r.e164), `${shown} (${style}, viewer ${v.country} ${v.areaCode ?? ''})`).toContain(n.e164);
      }),
      { numRuns: 600 },
    );
  });

  it('the viewer\'s own area: local numbers of a same-area viewer read back too', () => {
    fc.assert(
      fc.property(storedNumber, fc.option(fc.integer({ min: 1, max: 6 })), (n, extensionLength) => {
        const phone = parsePhoneNumberFromString(n.main ?? n.e164);
        if (!phone?.country || !(COUNTRIES as readonly string[]).includes(phone.country)) return;
        const v = profileOf(phone.country as Country, { areaCode: phone.nationalNumber.slice(0, 2), extensionLength });
        const shown = formatNumber(n, 'shortest', v);
        expect(readIncomingNumber(shown, v).map((r) => r.e164), shown).toContain(n.e164);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text, and every reading it gives is valid and distinct', () => {
    const noisy = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'0123456789+-./() x#;ext=tel:'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(noisy, fc.constantFrom(...Object.values(PROFILES)), (text, profile) => {
        const stored = normalizeStoredNumber(text, profile);
        if (stored.ok) expect(parsePhoneNumberFromString(stored.number.main ?? stored.number.e164)?.isValid()).toBe(true);
        const readings = readIncomingNumber(text, profile);
        const keys = readings.map((r) => `${r.e164};${r.extension ?? ''}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const r of readings) expect(r.e164).toMatch(/^\+[1-9]\d{3,19}$/);
      }),
      { numRuns: 1000 },
    );
  });
});
