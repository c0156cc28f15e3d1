// Builds plausible mail contacts: companies with a main-number entry, their staff on
// extensions of that number, independent people, and sparse records with almost nothing set.

import { COUNTRIES, COUNTRY_WEIGHTS, type CityPlan, type CountryCode, type CountryPlan } from './countries.ts';
import { COMPANY_WORDS, DEPARTMENTS, JOB_TITLES, OFFICE_LOCATIONS, asciiFold, namePool, slug } from './names.ts';
import { formatPhone, pickForm, type PhoneParts } from './phone-format.ts';
import { createRng, deriveSeed, type Rng } from './prng.ts';
import { emptyOrgContact, type OrgContact, type PhoneType, type PhysicalOfficeAddress } from '../org-contact.ts';

export interface Company {
  name: string;
  plan: CountryPlan;
  city: CityPlan;
  domain: string;
  street: string;
  postalCode: string;
  /** Suffix/x style: the base number extensions are appended to; block style: the main subscriber number. */
  base: string;
  extensionLength: number;
  houseForm: number;
  usedExtensions: Set<string>;
}

export interface ContactFactory {
  readonly companies: readonly Company[];
  /** Produces the next contact of the stream. */
  next(): OrgContact;
  /** A fresh id from the same deterministic stream, for contacts built elsewhere. */
  nextId(): string;
  /** A realistic edit of an existing contact (new job, new mobile, moved desk, married name). */
  plausibleChange(contact: OrgContact): Partial<OrgContact>;
}

// A fixed reference instant keeps generated timestamps independent of when the generator runs.
const REFERENCE_TIME = Date.UTC(2025, 5, 1, 6, 0, 0);
const FREEMAIL = ['gmx.example', 'web.example', 'outlook.example', 'gmail.example', 'yahoo.example', 't-online.example'];

export function createContactFactory(seed: number, plannedCount: number, stream = 'initial'): ContactFactory {
  // Companies come from their own stream so that a factory for later additions (stream "add")
  // sees the same companies as the initial generation.
  const companyRng = createRng(deriveSeed(seed, 'companies'));
  const rng = createRng(deriveSeed(seed, stream));
  const companies = makeCompanies(companyRng, Math.max(1, Math.ceil(plannedCount / 20)));
  const mainEntries = stream === 'initial' ? Math.min(plannedCount, Math.floor(companies.length * 0.9)) : 0;
  const ids = new Set<string>();
  let produced = 0;

  const newId = (): string => {
    let id = rng.guid();
    while (ids.has(id)) id = rng.guid();
    ids.add(id);
    return id;
  };

  return {
    companies,
    next() {
      const index = produced++;
      const id = newId();
      if (index < mainEntries) return companyEntry(rng, id, companies[index] as Company);
      const kind = rng.weighted([['employee', 65], ['independent', 20], ['sparse', 15]] as const);
      if (kind === 'employee') return employee(rng, id, pickCompany(rng, companies));
      if (kind === 'independent') return independent(rng, id);
      return sparse(rng, id);
    },
    nextId: newId,
    plausibleChange(contact) {
      return plausibleChange(rng, contact, companies);
    },
  };
}

export function generateContacts(count: number, seed: number): OrgContact[] {
  const factory = createContactFactory(seed, count);
  const out: OrgContact[] = new Array<OrgContact>(count);
  for (let i = 0; i < count; i++) out[i] = factory.next();
  return out;
}

function pickCountry(rng: Rng): CountryPlan {
  return COUNTRIES[rng.weighted(COUNTRY_WEIGHTS)];
}

/** Subscriber digits never start with 0 (that would read as a trunk prefix) or 1 (NANP). */
function subscriberDigits(rng: Rng, length: number, leadingDigits = '23456789'): string {
  return rng.pick(leadingDigits.split('')) + rng.digits(length - 1);
}

function makeCompanies(rng: Rng, count: number): Company[] {
  const companies: Company[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const plan = pickCountry(rng);
    const city = rng.pick(plan.cities);
    const words = COMPANY_WORDS[plan.code];
    let name = '';
    for (let attempt = 0; attempt < 5 && (name === '' || names.has(name)); attempt++) {
      const owner = rng.pick(namePool(plan.code).surnames);
      const stem = rng.pick(words.stems);
      name = rng.weighted([
        [`${owner} ${stem} ${rng.pick(words.forms)}`, 4],
        [`${city.name} ${stem} ${rng.pick(words.forms)}`, 2],
        [`${owner} & ${rng.pick(namePool(plan.code).surnames)} ${rng.pick(words.forms)}`, 1],
        [`${owner} ${stem}`, 1],
      ]);
    }
    if (names.has(name)) name = `${name} ${i}`;
    names.add(name);
    let base: string;
    let extensionLength: number;
    if (plan.extensionStyle === 'suffix') {
      extensionLength = rng.int(2, 4);
      base = subscriberDigits(rng, Math.max(3, city.subscriberLength - extensionLength + rng.int(-1, 0)));
    } else if (plan.extensionStyle === 'x') {
      extensionLength = rng.int(3, 4);
      base = subscriberDigits(rng, city.subscriberLength - 2) + '00';
    } else {
      extensionLength = 2;
      base = subscriberDigits(rng, city.subscriberLength - 2, city.leadingDigits) + '00';
    }
    const domainStem = slug(name.replace(/\b(GmbH & Co\. KG|GmbH|AG|KG|OG|SE|SA|Sàrl|Ltd\.?|plc|LLP|Inc\.?|LLC|Corp\.|SARL|SAS|S\.r\.l\.|S\.p\.A\.|Srl|B\.V\.|BV|N\.V\.|A\.Ş\.|Ltd\. Şti\.|Sp\. z o\.o\.|S\.A\.)$/u, ''));
    companies.push({
      name,
      plan,
      city,
      domain: `${domainStem || 'company'}-${plan.code.toLowerCase()}.example`,
      street: streetLine(rng, plan.code, city),
      postalCode: city.postalCode(rng),
      base,
      extensionLength,
      houseForm: pickForm(rng, plan),
      usedExtensions: new Set(),
    });
  }
  return companies;
}

function streetLine(rng: Rng, code: CountryCode, city: CityPlan): string {
  const street = rng.pick(city.streets);
  const no = String(rng.int(1, 180));
  return code === 'US' || code === 'GB' || code === 'FR' ? `${no} ${street}` : `${street} ${no}`;
}

/** Big companies exist: squaring skews employees towards the first companies. */
function pickCompany(rng: Rng, companies: readonly Company[]): Company {
  const r = rng.next();
  return companies[Math.floor(r * r * companies.length)] as Company;
}

function companyForm(rng: Rng, company: Company): number | undefined {
  // Most staff numbers follow the house style; directories are never fully consistent.
  return rng.chance(0.7) ? company.houseForm : undefined;
}

function mainNumber(rng: Rng, company: Company): string {
  const parts: PhoneParts = { plan: company.plan, area: company.city.area, subscriber: company.base, extension: null };
  if (company.plan.extensionStyle === 'suffix') parts.extension = '0';
  return formatPhone(rng, parts, company.houseForm);
}

function faxNumber(rng: Rng, company: Company): string {
  const { plan } = company;
  if (plan.extensionStyle === 'suffix') {
    return formatPhone(rng, { plan, area: company.city.area, subscriber: company.base, extension: '9'.repeat(Math.min(2, company.extensionLength)) }, company.houseForm);
  }
  const subscriber = company.base.slice(0, -2) + '99';
  return formatPhone(rng, { plan, area: company.city.area, subscriber, extension: null }, company.houseForm);
}

function staffNumber(rng: Rng, company: Company): string {
  const { plan } = company;
  let ext = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    ext = String(rng.int(1, 9)) + rng.digits(company.extensionLength - 1);
    if (!company.usedExtensions.has(ext)) break;
  }
  company.usedExtensions.add(ext);
  if (plan.extensionStyle === 'suffix') {
    // Some directories hold only the extension; the dialling profile has to complete it.
    if (rng.chance(0.03)) return `-${ext}`;
    return formatPhone(rng, { plan, area: company.city.area, subscriber: company.base, extension: ext }, companyForm(rng, company));
  }
  if (plan.extensionStyle === 'x' && rng.chance(0.6)) {
    return formatPhone(rng, { plan, area: company.city.area, subscriber: company.base, extension: ext }, companyForm(rng, company));
  }
  const subscriber = company.base.slice(0, -2) + ext.padStart(2, '0').slice(-2);
  return formatPhone(rng, { plan, area: company.city.area, subscriber, extension: null }, companyForm(rng, company));
}

function mobileNumber(rng: Rng, plan: CountryPlan): string {
  const prefix = rng.pick(plan.mobilePrefixes);
  let length = plan.mobileLength;
  // German mobile numbers come in 10 and 11 digits depending on the block.
  if (plan.code === 'DE' && prefix.startsWith('15')) length = 8;
  return formatPhone(rng, { plan, area: prefix, subscriber: subscriberDigits(rng, length), extension: null });
}

function directNumber(rng: Rng, plan: CountryPlan, city: CityPlan): string {
  return formatPhone(rng, { plan, area: city.area, subscriber: subscriberDigits(rng, city.subscriberLength, city.leadingDigits), extension: null });
}

function syncState(rng: Rng): Pick<OrgContact, 'onPremisesSyncEnabled' | 'onPremisesLastSyncDateTime'> {
  const state = rng.weighted([[null, 60], [true, 33], [false, 7]] as const);
  if (state === null) return { onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: null };
  const ageSeconds = state ? rng.int(60, 2 * 86400) : rng.int(30 * 86400, 400 * 86400);
  return { onPremisesSyncEnabled: state, onPremisesLastSyncDateTime: isoSeconds(REFERENCE_TIME - ageSeconds * 1000) };
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function setPhone(contact: OrgContact, type: PhoneType, number: string | null): void {
  const slot = contact.phones.find((p) => p.type === type);
  if (slot) slot.number = number;
}

function companyAddress(rng: Rng, company: Company): PhysicalOfficeAddress {
  return {
    city: company.city.name,
    countryOrRegion: rng.pick(company.plan.countryNames),
    officeLocation: rng.chance(0.2) ? rng.pick(OFFICE_LOCATIONS) : null,
    postalCode: company.postalCode,
    state: rng.chance(0.5) ? company.city.state : null,
    street: company.street,
  };
}

function setMail(rng: Rng, contact: OrgContact, local: string, domain: string, alias?: string): void {
  const cleanLocal = local.toLowerCase().replace(/[^a-z0-9.\-_]/g, '');
  contact.mail = `${cleanLocal}@${domain}`;
  contact.proxyAddresses = [`SMTP:${contact.mail}`];
  if (alias && rng.chance(0.25)) contact.proxyAddresses.push(`smtp:${alias.toLowerCase()}@${domain}`);
}

function nickname(rng: Rng, given: string | null, surname: string | null, fallback: string): string {
  const g = asciiFold(given ?? '').replace(/[^A-Za-z0-9]/g, '');
  const s = asciiFold(surname ?? '').replace(/[^A-Za-z0-9]/g, '');
  const base = g || s ? `${g}${s}` : asciiFold(fallback).replace(/[^A-Za-z0-9]/g, '') || 'contact';
  return rng.chance(0.3) ? `${base}${rng.int(1, 99)}` : base;
}

function personDisplayName(rng: Rng, code: CountryCode, given: string, surname: string, company: string | null): string {
  return rng.weighted([
    [`${given} ${surname}`, 75],
    [`${surname}, ${given}`, 12],
    [`Dr. ${given} ${surname}`, code === 'DE' || code === 'AT' ? 5 : 1],
    [company ? `${given} ${surname} (${company})` : `${given} ${surname}`, 5],
    [code === 'FR' ? `${surname.toUpperCase()} ${given}` : `${given} ${surname}`, 4],
  ]);
}

function companyEntry(rng: Rng, id: string, company: Company): OrgContact {
  const c = emptyOrgContact(id);
  c.companyName = company.name;
  c.displayName = company.name;
  // Some directories file a company under its surname field instead (surname = company name).
  if (rng.chance(0.05)) c.surname = company.name;
  setPhone(c, 'business', mainNumber(rng, company));
  if (rng.chance(0.4)) setPhone(c, 'businessFax', faxNumber(rng, company));
  setMail(rng, c, rng.pick(['info', 'office', 'kontakt', 'contact', 'zentrale']), company.domain);
  c.mailNickname = nickname(rng, null, null, company.name);
  if (rng.chance(0.85)) c.addresses = [companyAddress(rng, company)];
  Object.assign(c, syncState(rng));
  return c;
}

function personName(rng: Rng, code: CountryCode): { given: string; surname: string } {
  const pool = namePool(code);
  return { given: rng.pick(pool.given), surname: rng.pick(pool.surnames) };
}

function employee(rng: Rng, id: string, company: Company): OrgContact {
  const c = emptyOrgContact(id);
  // People working abroad keep names from home.
  const nameCountry = rng.chance(0.8) ? company.plan.code : pickCountry(rng).code;
  const { given, surname } = personName(rng, nameCountry);
  c.givenName = given;
  c.surname = surname;
  c.companyName = rng.chance(0.9) ? company.name : null;
  c.displayName = personDisplayName(rng, company.plan.code, given, surname, c.companyName);
  c.jobTitle = rng.chance(0.7) ? rng.pick(JOB_TITLES) : null;
  c.department = rng.chance(0.5) ? rng.pick(DEPARTMENTS) : null;
  if (rng.chance(0.9)) setPhone(c, 'business', staffNumber(rng, company));
  if (rng.chance(0.5)) setPhone(c, 'mobile', mobileNumber(rng, company.plan));
  if (rng.chance(0.1)) setPhone(c, 'businessFax', faxNumber(rng, company));
  const g = asciiFold(given).replace(/\s+/g, '');
  const s = asciiFold(surname).replace(/\s+/g, '');
  const local = rng.weighted([[`${g}.${s}`, 6], [`${g[0] ?? ''}.${s}`, 2], [`${g[0] ?? ''}${s}`, 1], [s, 1]]);
  setMail(rng, c, local, company.domain, `${g[0] ?? ''}${s}`);
  c.mailNickname = nickname(rng, given, surname, local);
  if (rng.chance(0.7)) c.addresses = [companyAddress(rng, company)];
  Object.assign(c, syncState(rng));
  return c;
}

function independent(rng: Rng, id: string): OrgContact {
  const c = emptyOrgContact(id);
  const plan = pickCountry(rng);
  const city = rng.pick(plan.cities);
  const { given, surname } = personName(rng, plan.code);
  c.givenName = given;
  c.surname = surname;
  c.displayName = personDisplayName(rng, plan.code, given, surname, null);
  if (rng.chance(0.3)) c.jobTitle = rng.pick(['Freelancer', 'Berater', 'Consultant', 'Rechtsanwalt', 'Steuerberaterin', 'Architect', 'Notaire']);
  if (rng.chance(0.8)) setPhone(c, 'mobile', mobileNumber(rng, plan));
  if (rng.chance(0.4)) setPhone(c, 'business', directNumber(rng, plan, city));
  const g = asciiFold(given).replace(/\s+/g, '');
  const s = asciiFold(surname).replace(/\s+/g, '');
  setMail(rng, c, rng.chance(0.5) ? `${g}.${s}` : `${g}${s}${rng.int(1, 99)}`, rng.pick(FREEMAIL));
  c.mailNickname = nickname(rng, given, surname, s);
  if (rng.chance(0.5)) {
    c.addresses = [{
      city: city.name,
      countryOrRegion: rng.pick(plan.countryNames),
      officeLocation: null,
      postalCode: rng.chance(0.8) ? city.postalCode(rng) : null,
      state: rng.chance(0.3) ? city.state : null,
      street: rng.chance(0.7) ? streetLine(rng, plan.code, city) : null,
    }];
  }
  Object.assign(c, syncState(rng));
  return c;
}

function sparse(rng: Rng, id: string): OrgContact {
  const c = emptyOrgContact(id);
  const plan = pickCountry(rng);
  const { given, surname } = personName(rng, plan.code);
  const shape = rng.weighted([['both', 4], ['surnameOnly', 2], ['displayOnly', 2], ['mailOnly', 1]] as const);
  if (shape === 'both') {
    c.givenName = given;
    c.surname = surname;
    c.displayName = `${given} ${surname}`;
  } else if (shape === 'surnameOnly') {
    c.surname = surname;
    c.displayName = surname;
  } else if (shape === 'displayOnly') {
    c.displayName = `${given} ${surname}`;
  }
  const local = `${asciiFold(given)}.${asciiFold(surname)}`.replace(/\s+/g, '');
  // A few records synced from elsewhere have no address at all.
  if (rng.chance(0.95)) setMail(rng, c, local, rng.pick(FREEMAIL));
  if (shape === 'mailOnly') c.displayName = c.mail;
  c.mailNickname = nickname(rng, c.givenName, c.surname, local);
  Object.assign(c, syncState(rng));
  return c;
}

function plausibleChange(rng: Rng, contact: OrgContact, companies: readonly Company[]): Partial<OrgContact> {
  const kind = rng.weighted([['job', 3], ['mobile', 3], ['department', 2], ['desk', 2], ['surname', 1]] as const);
  switch (kind) {
    case 'job':
      return { jobTitle: rng.pick(JOB_TITLES.filter((t) => t !== contact.jobTitle)) };
    case 'department':
      return { department: rng.pick(DEPARTMENTS.filter((d) => d !== contact.department)) };
    case 'mobile':
      return { phones: [{ type: 'mobile', number: mobileNumber(rng, pickCountry(rng)) }] };
    case 'desk': {
      const company = companies.find((co) => co.name === contact.companyName) ?? pickCompany(rng, companies);
      return { phones: [{ type: 'business', number: staffNumber(rng, company) }] };
    }
    case 'surname': {
      if (!contact.givenName) return { jobTitle: rng.pick(JOB_TITLES) };
      const surname = rng.pick(namePool('DE').surnames.filter((s) => s !== contact.surname));
      return { surname, displayName: `${contact.givenName} ${surname}` };
    }
  }
}
