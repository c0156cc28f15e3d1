import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { generateContacts } from '../../emulator/src/index.ts';
import { ORG_CONTACT_PROPERTIES, type OrgContact } from '../../emulator/src/org-contact.ts';

const contacts = generateContacts(5000, 1);

const COUNTRY_BY_NAME: Record<string, CountryCode> = {
  Germany: 'DE', Deutschland: 'DE', DE: 'DE', Austria: 'AT', Österreich: 'AT', AT: 'AT', Switzerland: 'CH', Schweiz: 'CH', CH: 'CH', Suisse: 'CH',
  'United Kingdom': 'GB', UK: 'GB', GB: 'GB', 'Great Britain': 'GB', England: 'GB', 'United States': 'US', USA: 'US', US: 'US',
  'United States of America': 'US', France: 'FR', FR: 'FR', Italy: 'IT', Italia: 'IT', IT: 'IT', Netherlands: 'NL', Nederland: 'NL',
  NL: 'NL', 'The Netherlands': 'NL', Turkey: 'TR', Türkiye: 'TR', TR: 'TR', Poland: 'PL', Polska: 'PL', PL: 'PL',
};

describe('generateContacts', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(generateContacts(500, 42)).toEqual(generateContacts(500, 42));
    expect(generateContacts(500, 43).map((c) => c.id)).not.toEqual(generateContacts(500, 42).map((c) => c.id));
  });

  it('produces unique GUID ids', () => {
    expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
    for (const c of contacts) expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('has the exact Graph orgContact shape on every record', () => {
    for (const c of contacts) {
      expect(Object.keys(c)).toEqual([...ORG_CONTACT_PROPERTIES]);
      expect(c.phones.map((p) => p.type)).toEqual(['business', 'mobile', 'businessFax']);
      expect(c.addresses).toHaveLength(1);
      expect(Object.keys(c.addresses[0] ?? {}).sort()).toEqual(['city', 'countryOrRegion', 'officeLocation', 'postalCode', 'state', 'street']);
      expect(c.imAddresses).toEqual([]);
      expect(c.deletedDateTime).toBeNull();
      expect(c.onPremisesProvisioningErrors).toEqual([]);
      expect(c.serviceProvisioningErrors).toEqual([]);
      expect([null, true, false]).toContain(c.onPremisesSyncEnabled);
      if (c.onPremisesSyncEnabled === null) expect(c.onPremisesLastSyncDateTime).toBeNull();
      else expect(c.onPremisesLastSyncDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (c.mail) expect(c.proxyAddresses[0]).toBe(`SMTP:${c.mail}`);
      for (const alias of c.proxyAddresses.slice(1)) expect(alias).toMatch(/^smtp:/);
    }
  });

  it('includes null-heavy records, all-null addresses and secondary smtp aliases', () => {
    const noPhones = contacts.filter((c) => c.phones.every((p) => p.number === null));
    const emptyAddress = contacts.filter((c) => Object.values(c.addresses[0] ?? {}).every((v) => v === null));
    expect(noPhones.length).toBeGreaterThan(300);
    expect(emptyAddress.length).toBeGreaterThan(1000);
    expect(contacts.some((c) => c.proxyAddresses.length > 1)).toBe(true);
    expect(contacts.some((c) => c.givenName === null && c.surname === null && c.companyName === null)).toBe(true);
  });

  it('includes phonetic variant families of surnames', () => {
    const surnames = new Set(contacts.map((c) => c.surname));
    for (const family of [['Meier', 'Maier', 'Mayer', 'Meyer', 'Mayr'], ['Schmidt', 'Schmitt', 'Schmid'], ['Müller', 'Mueller', 'Muller'], ['Hoffmann', 'Hofmann'], ['Fischer', 'Fisher'], ['Bartel', 'Bartels']]) {
      for (const name of family) expect(surnames, name).toContain(name);
    }
  });

  it('has company main-number entries whose staff sit on extensions of that number', () => {
    const mains = contacts.filter((c) => c.companyName && !c.givenName && c.phones[0]?.number?.endsWith('-0'));
    expect(mains.length).toBeGreaterThan(30);
    let staffOnExtensions = 0;
    for (const main of mains) {
      const base = (main.phones[0]?.number ?? '').slice(0, -2);
      staffOnExtensions += contacts.filter((c) => c !== main && c.companyName === main.companyName && c.phones[0]?.number?.startsWith(`${base}-`)).length;
    }
    expect(staffOnExtensions).toBeGreaterThan(100);
    expect(contacts.some((c) => /^-\d+$/.test(c.phones[0]?.number ?? ''))).toBe(true);
  });

  it('writes numbers in the messy forms directories hold', () => {
    const numbers = contacts.flatMap((c) => c.phones.map((p) => p.number)).filter((n): n is string => n !== null);
    const forms: Record<string, RegExp> = {
      bracketArea: /^\+49\(\d+\)\d+-\d+$/,
      double0: /^0049-\d+-\d+/,
      trunkInBrackets: /^\+\d+ \(0\)\d+ /,
      slash: /^0\d+\/\d+$/,
      dots: /^0\d+\.\d+\.\d+/,
      ukSpaced: /^\+44 20 \d{4} \d{4}$/,
      usParen: /^\(\d{3}\) \d{3}-\d{4}$/,
      usExtension: / (x|ext\.?|X) ?\d+$/,
      frenchPairs: /^0\d( \d\d){4}$/,
      italian: /^\+39 0\d /,
      extensionOnly: /^-\d+$/,
    };
    for (const [name, pattern] of Object.entries(forms)) expect(numbers.some((n) => pattern.test(n)), name).toBe(true);
  });

  it('writes numbers libphonenumber can parse and mostly validate for the contact country', () => {
    let total = 0;
    let valid = 0;
    for (const c of contacts) {
      const country = COUNTRY_BY_NAME[c.addresses[0]?.countryOrRegion ?? ''];
      for (const p of c.phones) {
        if (!p.number || p.number.startsWith('-')) continue;
        // National forms only make sense with a country; keep the international ones for the rest.
        if (!country && !/^(\+|00)/.test(p.number)) continue;
        total += 1;
        const parsed = parsePhoneNumberFromString(p.number.replace(/ (x|ext\.?|X) ?(\d+)$/, ' ext. $2'), country ?? 'DE');
        if (parsed?.isValid()) valid += 1;
      }
    }
    expect(total).toBeGreaterThan(2000);
    expect(valid / total).toBeGreaterThan(0.9);
  });

  it('generates 250 000 contacts in a few seconds', () => {
    const started = performance.now();
    const many: OrgContact[] = generateContacts(250_000, 3);
    expect(many).toHaveLength(250_000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
