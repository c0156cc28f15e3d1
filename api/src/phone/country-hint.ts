/**
 * The country of a contact's address as ISO 3166 alpha-2, for reading numbers written in national
 * form. Microsoft 365 stores `countryOrRegion` as free text: "Germany", "Deutschland", "DE", "D" …
 */
import { isSupportedCountry } from 'libphonenumber-js/max';

const NAMES: Record<string, string[]> = {
  DE: ['germany', 'deutschland', 'allemagne', 'germania', 'alemania', 'duitsland', 'niemcy', 'almanya', 'duitschland', 'brd', 'federal republic of germany', 'bundesrepublik deutschland', 'deu', 'ger', 'd'],
  AT: ['austria', 'osterreich', 'oesterreich', 'autriche', 'oostenrijk', 'avusturya', 'republik osterreich', 'aut', 'a'],
  CH: ['switzerland', 'schweiz', 'suisse', 'svizzera', 'svizra', 'suiza', 'zwitserland', 'szwajcaria', 'isvicre', 'helvetia', 'confoederatio helvetica', 'che'],
  LI: ['liechtenstein', 'fl', 'lie'],
  GB: ['united kingdom', 'uk', 'great britain', 'britain', 'england', 'scotland', 'wales', 'northern ireland', 'grossbritannien', 'vereinigtes konigreich', 'royaume-uni', 'royaume uni', 'regno unito', 'reino unido', 'verenigd koninkrijk', 'wielka brytania', 'birlesik krallik', 'gbr'],
  US: ['united states', 'united states of america', 'usa', 'us', 'u.s.', 'u.s.a.', 'america', 'vereinigte staaten', 'vereinigte staaten von amerika', 'etats-unis', 'etats unis', 'stati uniti', 'estados unidos', 'verenigde staten', 'stany zjednoczone', 'amerika birlesik devletleri', 'abd'],
  FR: ['france', 'frankreich', 'francia', 'frankrijk', 'francja', 'fransa', 'republique francaise', 'fra', 'f'],
  IT: ['italy', 'italia', 'italien', 'italie', 'wlochy', 'italya', 'repubblica italiana', 'ita', 'i'],
  NL: ['netherlands', 'the netherlands', 'nederland', 'niederlande', 'holland', 'pays-bas', 'pays bas', 'paesi bassi', 'paises bajos', 'holandia', 'hollanda', 'nld'],
  ES: ['spain', 'espana', 'spanien', 'espagne', 'spagna', 'spanje', 'hiszpania', 'ispanya', 'esp', 'e'],
  PL: ['poland', 'polska', 'polen', 'pologne', 'polonia', 'polonya', 'pol', 'pl'],
  TR: ['turkey', 'turkiye', 'turkei', 'turquie', 'turchia', 'turquia', 'turkije', 'turcja', 'tur', 'tr'],
  BE: ['belgium', 'belgie', 'belgique', 'belgien', 'belgio', 'belgica', 'belgia', 'belcika', 'bel', 'b'],
  LU: ['luxembourg', 'luxemburg', 'lussemburgo', 'lux', 'l'],
  DK: ['denmark', 'danmark', 'danemark', 'danimarca', 'dinamarca', 'denemarken', 'dnk', 'dk'],
  SE: ['sweden', 'sverige', 'schweden', 'suede', 'svezia', 'suecia', 'zweden', 'swe', 's'],
  NO: ['norway', 'norge', 'norwegen', 'norvege', 'norvegia', 'noruega', 'noorwegen', 'nor', 'n'],
  CZ: ['czech republic', 'czechia', 'cesko', 'ceska republika', 'tschechien', 'tschechische republik', 'cze'],
  PT: ['portugal', 'portogallo', 'prt', 'p'],
  IE: ['ireland', 'eire', 'irland', 'irlande', 'irlanda', 'ierland', 'irl'],
  CA: ['canada', 'kanada', 'can'],
};

const LOOKUP = new Map<string, string>();
for (const [code, names] of Object.entries(NAMES)) {
  for (const name of names) LOOKUP.set(fold(name), code);
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** 'Germany' | 'Deutschland' | 'DE' | 'Österreich' | 'Schweiz' | 'Suisse' | 'United Kingdom' | 'UK' | 'USA' | 'Italia' | 'Nederland' … → ISO alpha-2, else null. */
export function countryFromAddress(countryOrRegion: string | null | undefined): string | null {
  if (typeof countryOrRegion !== 'string') return null;
  const folded = fold(countryOrRegion);
  if (folded === '') return null;
  const named = LOOKUP.get(folded) ?? LOOKUP.get(folded.replace(/\./g, '').trim()) ?? LOOKUP.get(folded.replace(/^the /, ''));
  if (named) return named;
  // Any other ISO alpha-2 code libphonenumber knows ("GB" included; "UK" is handled above).
  const upper = folded.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper)) return upper;
  return null;
}
