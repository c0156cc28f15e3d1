// Numbering plans of the countries the synthetic tenant draws from. Lengths follow the
// national plans so that libphonenumber can parse (and mostly validate) the numbers.

import type { Rng } from './prng.ts';

export type CountryCode = 'DE' | 'AT' | 'CH' | 'GB' | 'US' | 'FR' | 'IT' | 'NL' | 'TR' | 'PL';

/** How companies in a country number their staff: `suffix` appends an extension to a base
 * number (`+49 89 12345-678`), `block` reuses the main number with other final digits
 * (`+41 44 668 18 42`), `x` dials an extension after the main number (`+1 212-555-0100 x123`). */
export type ExtensionStyle = 'suffix' | 'block' | 'x';

export interface CityPlan {
  name: string;
  /** Area code without trunk prefix (Italy keeps its leading 0, which is part of the number). */
  area: string;
  /** Digits after the area code for an ordinary direct line. */
  subscriberLength: number;
  /** Digits a subscriber number may start with, where the plan restricts it. */
  leadingDigits?: string;
  state: string | null;
  postalCode: (rng: Rng) => string;
  streets: readonly string[];
}

export interface CountryPlan {
  code: CountryCode;
  callingCode: string;
  trunk: '0' | '';
  /** Ways directories spell the country, from the formal name to the ISO code. */
  countryNames: readonly string[];
  cities: readonly CityPlan[];
  mobilePrefixes: readonly string[];
  /** Digits after the mobile prefix. */
  mobileLength: number;
  extensionStyle: ExtensionStyle;
  /** Groups the subscriber part the way the country writes it. */
  group: (subscriber: string) => string[];
}

const pairsFromEnd = (s: string): string[] => {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    const start = Math.max(0, i - 2);
    out.unshift(s.slice(start, i));
    i = start;
  }
  // A single leading digit looks wrong: merge it into the next group ("668 18 00").
  if (out.length > 1 && (out[0] as string).length === 1) out.splice(0, 2, (out[0] as string) + out[1]);
  return out;
};
const split = (s: string, at: number): string[] => (s.length > at ? [s.slice(0, at), s.slice(at)] : [s]);
const halves = (s: string): string[] => split(s, Math.floor(s.length / 2));

const digitsPostal = (len: number, prefix = '') => (rng: Rng) => prefix + rng.digits(len - prefix.length);

export const COUNTRIES: Record<CountryCode, CountryPlan> = {
  DE: {
    code: 'DE', callingCode: '49', trunk: '0',
    countryNames: ['Germany', 'Deutschland', 'DE', 'Germany', 'Germany'],
    cities: [
      { name: 'München', area: '89', subscriberLength: 8, state: 'Bayern', postalCode: digitsPostal(5, '80'), streets: ['Leopoldstraße', 'Maximilianstraße', 'Landsberger Str.', 'Arnulfstraße', 'Prinzregentenstraße'] },
      { name: 'Berlin', area: '30', subscriberLength: 8, state: 'Berlin', postalCode: digitsPostal(5, '10'), streets: ['Friedrichstraße', 'Kurfürstendamm', 'Unter den Linden', 'Torstraße'] },
      { name: 'Hamburg', area: '40', subscriberLength: 8, state: 'Hamburg', postalCode: digitsPostal(5, '20'), streets: ['Jungfernstieg', 'Mönckebergstraße', 'Hafenstraße'] },
      { name: 'Frankfurt am Main', area: '69', subscriberLength: 8, state: 'Hessen', postalCode: digitsPostal(5, '60'), streets: ['Zeil', 'Mainzer Landstraße', 'Taunusanlage'] },
      { name: 'Köln', area: '221', subscriberLength: 7, state: 'Nordrhein-Westfalen', postalCode: digitsPostal(5, '50'), streets: ['Hohe Straße', 'Aachener Straße', 'Rheinuferstraße'] },
      { name: 'Stuttgart', area: '711', subscriberLength: 7, state: 'Baden-Württemberg', postalCode: digitsPostal(5, '70'), streets: ['Königstraße', 'Heilbronner Straße'] },
      { name: 'Düsseldorf', area: '211', subscriberLength: 7, state: 'Nordrhein-Westfalen', postalCode: digitsPostal(5, '40'), streets: ['Königsallee', 'Graf-Adolf-Straße'] },
      { name: 'Nürnberg', area: '911', subscriberLength: 7, state: 'Bayern', postalCode: digitsPostal(5, '90'), streets: ['Karolinenstraße', 'Fürther Straße'] },
    ],
    mobilePrefixes: ['151', '152', '160', '170', '171', '172', '175', '176', '177', '179'],
    mobileLength: 7,
    extensionStyle: 'suffix',
    group: (s) => [s],
  },
  AT: {
    code: 'AT', callingCode: '43', trunk: '0',
    countryNames: ['Austria', 'Österreich', 'AT'],
    cities: [
      { name: 'Wien', area: '1', subscriberLength: 7, state: 'Wien', postalCode: digitsPostal(4, '1'), streets: ['Kärntner Straße', 'Mariahilfer Straße', 'Praterstraße', 'Wiedner Hauptstraße'] },
      { name: 'Graz', area: '316', subscriberLength: 6, state: 'Steiermark', postalCode: digitsPostal(4, '80'), streets: ['Herrengasse', 'Annenstraße'] },
      { name: 'Linz', area: '732', subscriberLength: 6, state: 'Oberösterreich', postalCode: digitsPostal(4, '40'), streets: ['Landstraße', 'Hauptplatz'] },
      { name: 'Salzburg', area: '662', subscriberLength: 6, state: 'Salzburg', postalCode: digitsPostal(4, '50'), streets: ['Getreidegasse', 'Linzer Gasse'] },
      { name: 'Innsbruck', area: '512', subscriberLength: 6, state: 'Tirol', postalCode: digitsPostal(4, '60'), streets: ['Maria-Theresien-Straße', 'Museumstraße'] },
    ],
    mobilePrefixes: ['664', '676', '699', '650', '660'],
    mobileLength: 7,
    extensionStyle: 'suffix',
    group: (s) => [s],
  },
  CH: {
    code: 'CH', callingCode: '41', trunk: '0',
    countryNames: ['Switzerland', 'Schweiz', 'CH', 'Suisse'],
    cities: [
      { name: 'Zürich', area: '44', subscriberLength: 7, state: 'ZH', postalCode: digitsPostal(4, '80'), streets: ['Bahnhofstrasse', 'Limmatquai', 'Seefeldstrasse'] },
      { name: 'Bern', area: '31', subscriberLength: 7, state: 'BE', postalCode: digitsPostal(4, '30'), streets: ['Marktgasse', 'Kramgasse'] },
      { name: 'Basel', area: '61', subscriberLength: 7, state: 'BS', postalCode: digitsPostal(4, '40'), streets: ['Freie Strasse', 'Steinenvorstadt'] },
      { name: 'Genève', area: '22', subscriberLength: 7, state: 'GE', postalCode: digitsPostal(4, '12'), streets: ['Rue du Rhône', 'Rue de Lausanne'] },
    ],
    mobilePrefixes: ['76', '77', '78', '79'],
    mobileLength: 7,
    extensionStyle: 'block',
    group: (s) => pairsFromEnd(s),
  },
  GB: {
    code: 'GB', callingCode: '44', trunk: '0',
    countryNames: ['United Kingdom', 'UK', 'GB', 'Great Britain', 'England'],
    cities: [
      { name: 'London', area: '20', subscriberLength: 8, leadingDigits: '378', state: null, postalCode: (r) => `${r.pick(['EC1A', 'SW1A', 'W1D', 'N1', 'E14'])} ${r.int(1, 9)}${r.pick(['AA', 'BB', 'DX', 'HQ'])}`, streets: ['Baker Street', 'Fleet Street', 'Oxford Street', 'Canary Wharf'] },
      { name: 'Manchester', area: '161', subscriberLength: 7, state: null, postalCode: (r) => `M${r.int(1, 60)} ${r.int(1, 9)}AB`, streets: ['Deansgate', 'Market Street'] },
      { name: 'Birmingham', area: '121', subscriberLength: 7, state: null, postalCode: (r) => `B${r.int(1, 99)} ${r.int(1, 9)}TT`, streets: ['Broad Street', 'New Street'] },
      { name: 'Edinburgh', area: '131', subscriberLength: 7, state: 'Scotland', postalCode: (r) => `EH${r.int(1, 17)} ${r.int(1, 9)}YJ`, streets: ['Princes Street', 'Royal Mile'] },
    ],
    mobilePrefixes: ['7700', '7911', '7400', '7540', '7823'],
    mobileLength: 6,
    extensionStyle: 'block',
    group: (s) => (s.length === 8 ? halves(s) : split(s, 3)),
  },
  US: {
    code: 'US', callingCode: '1', trunk: '',
    countryNames: ['United States', 'USA', 'US', 'United States of America'],
    cities: [
      { name: 'New York', area: '212', subscriberLength: 7, state: 'NY', postalCode: digitsPostal(5, '100'), streets: ['Broadway', '5th Avenue', 'Madison Ave'] },
      { name: 'San Francisco', area: '415', subscriberLength: 7, state: 'CA', postalCode: digitsPostal(5, '941'), streets: ['Market Street', 'Mission St'] },
      { name: 'Chicago', area: '312', subscriberLength: 7, state: 'IL', postalCode: digitsPostal(5, '606'), streets: ['Michigan Avenue', 'Wacker Drive'] },
      { name: 'Boston', area: '617', subscriberLength: 7, state: 'MA', postalCode: digitsPostal(5, '021'), streets: ['Boylston Street', 'Atlantic Ave'] },
      { name: 'Seattle', area: '206', subscriberLength: 7, state: 'WA', postalCode: digitsPostal(5, '981'), streets: ['Pike Street', '1st Avenue'] },
    ],
    // NANP has no separate mobile ranges; mobiles are ordinary geographic numbers.
    mobilePrefixes: ['917', '646', '415', '312', '617', '206'],
    mobileLength: 7,
    extensionStyle: 'x',
    group: (s) => split(s, 3),
  },
  FR: {
    code: 'FR', callingCode: '33', trunk: '0',
    countryNames: ['France', 'FR'],
    cities: [
      { name: 'Paris', area: '1', subscriberLength: 8, state: null, postalCode: digitsPostal(5, '750'), streets: ['Rue de Rivoli', 'Avenue des Champs-Élysées', 'Boulevard Haussmann'] },
      { name: 'Lyon', area: '4', subscriberLength: 8, state: null, postalCode: digitsPostal(5, '6900'), streets: ['Rue de la République', 'Quai Saint-Antoine'] },
      { name: 'Marseille', area: '4', subscriberLength: 8, state: null, postalCode: digitsPostal(5, '130'), streets: ['La Canebière', 'Rue Paradis'] },
      { name: 'Toulouse', area: '5', subscriberLength: 8, state: null, postalCode: digitsPostal(5, '310'), streets: ['Rue d’Alsace-Lorraine', 'Allées Jean Jaurès'] },
    ],
    mobilePrefixes: ['6', '7'],
    mobileLength: 8,
    extensionStyle: 'block',
    group: (s) => pairsFromEnd(s),
  },
  IT: {
    code: 'IT', callingCode: '39', trunk: '',
    countryNames: ['Italy', 'Italia', 'IT'],
    cities: [
      { name: 'Roma', area: '06', subscriberLength: 8, state: 'RM', postalCode: digitsPostal(5, '001'), streets: ['Via del Corso', 'Via Nazionale', 'Via Veneto'] },
      { name: 'Milano', area: '02', subscriberLength: 8, state: 'MI', postalCode: digitsPostal(5, '201'), streets: ['Via Montenapoleone', 'Corso Buenos Aires'] },
      { name: 'Torino', area: '011', subscriberLength: 7, state: 'TO', postalCode: digitsPostal(5, '101'), streets: ['Via Roma', 'Via Garibaldi'] },
    ],
    mobilePrefixes: ['347', '333', '335', '340', '320', '366'],
    mobileLength: 7,
    extensionStyle: 'block',
    group: (s) => (s.length === 8 ? halves(s) : split(s, 3)),
  },
  NL: {
    code: 'NL', callingCode: '31', trunk: '0',
    countryNames: ['Netherlands', 'Nederland', 'NL', 'The Netherlands'],
    cities: [
      { name: 'Amsterdam', area: '20', subscriberLength: 7, state: null, postalCode: (r) => `10${r.digits(2)} ${r.pick(['AB', 'CD', 'KL', 'XZ'])}`, streets: ['Damrak', 'Herengracht', 'Keizersgracht'] },
      { name: 'Rotterdam', area: '10', subscriberLength: 7, state: null, postalCode: (r) => `30${r.digits(2)} ${r.pick(['AA', 'BE', 'JK'])}`, streets: ['Coolsingel', 'Witte de Withstraat'] },
      { name: 'Utrecht', area: '30', subscriberLength: 7, state: null, postalCode: (r) => `35${r.digits(2)} ${r.pick(['AC', 'GD', 'LM'])}`, streets: ['Oudegracht', 'Vredenburg'] },
    ],
    mobilePrefixes: ['61', '62', '63', '64', '65'],
    mobileLength: 7,
    extensionStyle: 'block',
    group: (s) => split(s, 3),
  },
  TR: {
    code: 'TR', callingCode: '90', trunk: '0',
    countryNames: ['Turkey', 'Türkiye', 'TR'],
    cities: [
      { name: 'İstanbul', area: '212', subscriberLength: 7, state: null, postalCode: digitsPostal(5, '34'), streets: ['İstiklal Caddesi', 'Büyükdere Caddesi', 'Bağdat Caddesi'] },
      { name: 'İstanbul', area: '216', subscriberLength: 7, state: null, postalCode: digitsPostal(5, '34'), streets: ['Bağdat Caddesi', 'Kadıköy Rıhtım'] },
      { name: 'Ankara', area: '312', subscriberLength: 7, state: null, postalCode: digitsPostal(5, '06'), streets: ['Atatürk Bulvarı', 'Tunalı Hilmi Caddesi'] },
      { name: 'İzmir', area: '232', subscriberLength: 7, state: null, postalCode: digitsPostal(5, '35'), streets: ['Kıbrıs Şehitleri Caddesi'] },
    ],
    mobilePrefixes: ['532', '533', '505', '542', '555'],
    mobileLength: 7,
    extensionStyle: 'block',
    group: (s) => [s.slice(0, 3), ...pairsFromEnd(s.slice(3))],
  },
  PL: {
    code: 'PL', callingCode: '48', trunk: '',
    countryNames: ['Poland', 'Polska', 'PL'],
    cities: [
      { name: 'Warszawa', area: '22', subscriberLength: 7, state: 'mazowieckie', postalCode: (r) => `0${r.digits(1)}-${r.digits(3)}`, streets: ['ul. Marszałkowska', 'ul. Nowy Świat', 'Aleje Jerozolimskie'] },
      { name: 'Kraków', area: '12', subscriberLength: 7, state: 'małopolskie', postalCode: (r) => `3${r.digits(1)}-${r.digits(3)}`, streets: ['ul. Floriańska', 'ul. Grodzka'] },
      { name: 'Wrocław', area: '71', subscriberLength: 7, state: 'dolnośląskie', postalCode: (r) => `5${r.digits(1)}-${r.digits(3)}`, streets: ['ul. Świdnicka', 'Rynek'] },
      { name: 'Poznań', area: '61', subscriberLength: 7, state: 'wielkopolskie', postalCode: (r) => `6${r.digits(1)}-${r.digits(3)}`, streets: ['ul. Półwiejska', 'Stary Rynek'] },
    ],
    mobilePrefixes: ['601', '512', '790', '881', '698'],
    mobileLength: 6,
    extensionStyle: 'block',
    group: (s) => (s.length === 6 ? [s.slice(0, 3), s.slice(3)] : [s.slice(0, 3), ...pairsFromEnd(s.slice(3))]),
  },
};

export const COUNTRY_WEIGHTS: readonly (readonly [CountryCode, number])[] = [
  ['DE', 30], ['AT', 8], ['CH', 8], ['GB', 12], ['US', 14], ['FR', 8], ['IT', 6], ['NL', 6], ['TR', 4], ['PL', 4],
];
