/** Letters that Unicode does not decompose into a base letter and an accent. */
const LIGATURES: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const LIGATURE = /[ßẞæœøłđðþı]/g;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’`]/g;
/**
 * German writes an umlaut as a letter plus "e" where the umlaut is unavailable (Mueller,
 * Schaefer, Joerg). Folding that "e" away on both sides makes Müller, Mueller and Muller one
 * word; the price is that a few unrelated spellings meet too (Michael and Michal). After a
 * vowel or "q" the pair is no umlaut (Bauer is not Baur, Neuer, Quendel).
 */
const UMLAUT_SPELLING = /(?<![aeiouyq])([aou])e/g;
const PRINTABLE_ASCII = /^[ -~]*$/;

/** Names repeat: most words indexed were folded before. Bounded, as queries pass here too. */
const folded = new Map<string, string>();
const FOLDED_MAX = 50_000;

/**
 * The form a word is indexed and searched under: lower case, no accents, ß as ss, umlauts in
 * any spelling as the bare vowel, no apostrophes (O'Brien = OBrien).
 */
export function foldWord(word: string): string {
  let result = folded.get(word);
  if (result === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    result = foldText(word);
    folded.set(word, result);
  }
  return result;
}

/** foldWord for text that does not repeat (a sort key), past the cache of words. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most names are plain ASCII, which has nothing to decompose (and this runs for every word indexed).
  const plain = PRINTABLE_ASCII.test(lower) ? lower : lower.replace(LIGATURE, (c) => LIGATURES[c] ?? c).normalize('NFKD').replace(MARKS, '');
  return plain.replace(APOSTROPHES, '').replace(UMLAUT_SPELLING, '$1');
}
