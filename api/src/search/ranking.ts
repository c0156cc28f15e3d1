import { SEARCH_FIELDS, type SearchField } from '../../../contracts/index.ts';
import { WHOLE_FIELD } from './dictionary.ts';
import { PHONETIC_FIELDS } from './contact-analysis.ts';

/** How much a match counts by where it is: names first, then company, department, mail. */
const FIELD_BOOST: Record<SearchField, number> = {
  surname: 10,
  givenName: 9,
  displayName: 8,
  companyName: 6,
  phone: 6,
  department: 3,
  mail: 2,
};

/** A word that is only part of its field ("Mayer" in "Hoffmann & Mayer GmbH") counts a little less than one that is all of it. */
const PART_OF_FIELD = 0.95;

/**
 * How much a match counts by how it matched. Within a field exact > prefix > phonetic > typo,
 * whether the word is all of its field or part of it. A prefix counts more the more of the word
 * is typed (Schmid before Schmidtke for "schmi"); a word that sounds alike and is also a typo
 * away (Stefan for "Steffan") counts more than one that only sounds alike (Stephen).
 */
export const WEIGHT = {
  exact: 1,
  prefix: (typed: number, word: number) => 0.6 + (0.3 * typed) / word,
  digitsPrefix: 0.7,
  soundsAndTypo: 0.52,
  phonetic: 0.48,
  typo: (edits: number) => (edits <= 1 ? 0.4 : 0.3),
  /** A typing error in the part of the last word typed so far ("shcm" for Schmidt). */
  typoPrefix: (edits: number) => (edits <= 1 ? 0.36 : 0.27),
} as const;

/** Edits a typed word may be away from the word meant: none below 4 letters, 1 up to 7, then 2. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

export function fieldWeight(field: SearchField, whole: boolean, kindWeight: number): number {
  return FIELD_BOOST[field] * kindWeight * (whole ? 1 : PART_OF_FIELD);
}

const tables = new Map<string, Float32Array>();

/** A weight for each field code and whole-field bit of a posting (see `posting`), made once per kind. */
function table(key: string, kindWeightOf: (field: SearchField) => number): Float32Array {
  const known = tables.get(key);
  if (known !== undefined) return known;
  const weights = new Float32Array(2 * WHOLE_FIELD);
  SEARCH_FIELDS.forEach((field, code) => {
    weights[code] = fieldWeight(field, false, kindWeightOf(field));
    weights[WHOLE_FIELD | code] = fieldWeight(field, true, kindWeightOf(field));
  });
  tables.set(key, weights);
  return weights;
}

/** Weights of a kind of match that counts the same in every field. */
export function weightsByField(kindWeight: number): Float32Array {
  return table(String(kindWeight), () => kindWeight);
}

/** Weights of a word a typo away that also sounds alike: as sounding alike in name fields, as a typo elsewhere. */
export function soundsAndTypoWeights(edits: number): Float32Array {
  return table(`sounds+typo:${edits}`, (field) => (PHONETIC_FIELDS.has(field) ? WEIGHT.soundsAndTypo : WEIGHT.typo(edits)));
}
