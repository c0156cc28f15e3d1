// talisman ships no types; these are the two functions search uses.
declare module 'talisman/phonetics/german/cologne.js' {
  /** Kölner Phonetik: a German name's sound as digits ("Meyer" and "Maier" → "67"). */
  export default function cologne(word: string): string;
}

declare module 'talisman/phonetics/double-metaphone.js' {
  /** Double Metaphone: primary and alternative sound codes of a (mostly English) name. */
  export default function doubleMetaphone(word: string): [string, string];
}
