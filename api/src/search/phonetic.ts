import cologne from 'talisman/phonetics/german/cologne.js';
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';

const LATIN = /^[a-z]+$/;
/** Shorter words sound like too many others to say anything. */
const PHONETIC_MIN_LENGTH = 3;

/**
 * How a folded word sounds, as codes that match when two words sound alike. Kölner Phonetik
 * fits German names and Double Metaphone English and mixed ones. Alone, each hears too much
 * alike (to Cologne, Meier and Major are both "67"), so a code pairs the Cologne code with each
 * Metaphone code: words sound alike when both algorithms agree.
 */
export function phoneticCodes(term: string): string[] {
  if (term.length < PHONETIC_MIN_LENGTH || !LATIN.test(term)) return [];
  const german = cologne(term);
  const [primary, alternative] = doubleMetaphone(term);
  const codes = [`${german}/${primary}`];
  if (alternative !== primary) codes.push(`${german}/${alternative}`);
  return codes;
}
