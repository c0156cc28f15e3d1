import type { Contact, MatchKind, SearchMatch } from '../../../contracts/index.ts';
import { PHONETIC_FIELDS, type FieldToken, type PhoneTerms } from './contact-analysis.ts';
import type { Dictionary } from './dictionary.ts';
import { editDistance } from './edit-distance.ts';
import { foldWord } from './fold.ts';
import { phoneticCodes } from './phonetic.ts';
import type { QueryTerm } from './query-terms.ts';
import { fieldWeight, soundsAndTypoWeights, typoBudget, WEIGHT, weightsByField } from './ranking.ts';
import type { Segment } from './segment.ts';

/** Postings `postings[from] … postings[to - 1]`, each worth `weights[field]`. */
export interface Span {
  postings: Int32Array;
  from: number;
  to: number;
  weights: Float32Array;
}

/** What a contact offers a term: its words, and its phone numbers with their digit strings. */
export interface ContactTerms {
  contact: Contact;
  words: FieldToken[];
  phones: PhoneTerms[];
}

/** One query term: where it matches in a segment, and why it matched a hit. */
export interface TermMatcher {
  spans(segment: Segment): Span[];
  explain(hit: ContactTerms): SearchMatch | null;
}

export function termMatcher(term: QueryTerm): TermMatcher {
  return term.kind === 'word' ? new WordMatcher(term.typed, term.folded, term.last) : new DigitsMatcher(term.typed, term.variants);
}

const EXACT = weightsByField(WEIGHT.exact);
const PHONETIC = weightsByField(WEIGHT.phonetic);
const DIGITS_PREFIX = weightsByField(WEIGHT.digitsPrefix);
/** The last word sounds like something only once enough of it is typed. */
const PHONETIC_MIN_TYPED = 4;

/** The postings of terms [from, to) of a dictionary. */
function span(dictionary: Dictionary, from: number, to: number, weights: Float32Array): Span {
  const [start, end] = dictionary.postingRange(from, to);
  return { postings: dictionary.data.postings, from: start, to: end, weights };
}

interface Judged {
  kind: MatchKind;
  weight: number;
}

/**
 * A word: exact; as a prefix if it is the last one; by sound; within a typing error or two
 * (for the last word also as the beginning of a word).
 */
class WordMatcher implements TermMatcher {
  private readonly edits: number;
  private readonly codes: ReadonlySet<string>;
  /** Words (and word beginnings) a typo away, with their distance, from every segment searched. */
  private readonly typos = new Map<string, number>();
  private readonly typoPrefixes = new Map<string, number>();
  private readonly soundsAlike = new Map<string, boolean>();

  constructor(
    private readonly typed: string,
    private readonly folded: string,
    private readonly last: boolean,
  ) {
    this.edits = typoBudget(folded.length);
    this.codes = new Set(!last || folded.length >= PHONETIC_MIN_TYPED ? phoneticCodes(folded) : []);
  }

  spans(segment: Segment): Span[] {
    const { words, sounds, vocabulary } = segment;
    const spans: Span[] = [];
    const exact = words.find(this.folded);
    if (exact >= 0) spans.push(span(words, exact, exact + 1, EXACT));
    if (this.last) {
      const [from, to] = words.prefixRange(this.folded);
      for (let i = from; i < to; i++) if (i !== exact) spans.push(span(words, i, i + 1, weightsByField(WEIGHT.prefix(this.folded.length, words.term(i).length))));
    }
    for (const code of this.codes) {
      const i = sounds.find(code);
      if (i >= 0) spans.push(span(sounds, i, i + 1, PHONETIC));
    }
    if (this.edits === 0) return spans;
    for (const word of vocabulary.near(this.folded, this.edits)) {
      // A prefix match of the last word counts for more than the same word as a typo.
      if (word === this.folded || (this.last && word.startsWith(this.folded))) continue;
      const edits = this.distance(this.typos, word);
      const i = words.find(word);
      if (edits > this.edits || i < 0) continue;
      spans.push(span(words, i, i + 1, this.sounds(word) ? soundsAndTypoWeights(edits) : weightsByField(WEIGHT.typo(edits))));
    }
    if (!this.last) return spans;
    for (const prefix of vocabulary.nearPrefixes(this.folded, this.edits)) {
      if (prefix.startsWith(this.folded)) continue;
      const edits = this.distance(this.typoPrefixes, prefix);
      if (edits > this.edits) continue;
      const [from, to] = words.prefixRange(prefix);
      spans.push(span(words, from, to, weightsByField(WEIGHT.typoPrefix(edits))));
    }
    return spans;
  }

  explain({ contact, words }: ContactTerms): SearchMatch | null {
    let best: (Judged & { token: FieldToken }) | null = null;
    for (const token of words) {
      const judged = this.judge(token);
      if (judged && (best === null || judged.weight > best.weight)) best = { ...judged, token };
    }
    if (best === null) return null;
    const { token, kind } = best;
    const word = (contact[token.field] ?? '').slice(token.start, token.end);
    return { term: this.typed, field: token.field, kind, text: kind === 'prefix' ? typedPart(word, this.folded) : word };
  }

  /** The best way this term matches a word of a hit, weighed as the segment search weighed it. */
  private judge(token: FieldToken): Judged | null {
    const { term, field, whole } = token;
    const weigh = (kind: MatchKind, kindWeight: number): Judged => ({ kind, weight: fieldWeight(field, whole, kindWeight) });
    if (term === this.folded) return weigh('exact', WEIGHT.exact);
    if (this.last && term.startsWith(this.folded)) return weigh('prefix', WEIGHT.prefix(this.folded.length, term.length));
    const edits = this.typos.get(term);
    if (PHONETIC_FIELDS.has(field) && this.sounds(term)) return weigh('phonetic', edits === undefined ? WEIGHT.phonetic : WEIGHT.soundsAndTypo);
    let typo = edits === undefined ? 0 : WEIGHT.typo(edits);
    for (const [prefix, prefixEdits] of this.typoPrefixes) if (term.startsWith(prefix)) typo = Math.max(typo, WEIGHT.typoPrefix(prefixEdits));
    return typo > 0 ? weigh('typo', typo) : null;
  }

  private sounds(term: string): boolean {
    let alike = this.soundsAlike.get(term);
    if (alike === undefined) {
      alike = phoneticCodes(term).some((code) => this.codes.has(code));
      this.soundsAlike.set(term, alike);
    }
    return alike;
  }

  private distance(known: Map<string, number>, word: string): number {
    let edits = known.get(word);
    if (edits === undefined) {
      edits = editDistance(this.folded, word, this.edits);
      if (edits <= this.edits) known.set(word, edits);
    }
    return edits;
  }
}

/** The longest beginning of `word` that folds to what was typed ("Mue" of "Mueller" for "mue"). */
function typedPart(word: string, folded: string): string {
  for (let end = word.length; end > 0; end--) if (foldWord(word.slice(0, end)) === folded) return word.slice(0, end);
  return word;
}

/** Digits of a phone number, however written: the beginning of a number, national or international, or an extension. */
class DigitsMatcher implements TermMatcher {
  constructor(
    private readonly typed: string,
    private readonly variants: string[],
  ) {}

  spans({ digits }: Segment): Span[] {
    const spans: Span[] = [];
    for (const variant of this.variants) {
      const [from, to] = digits.prefixRange(variant);
      if (from === to) continue;
      const whole = digits.term(from) === variant ? 1 : 0;
      if (whole) spans.push(span(digits, from, from + 1, EXACT));
      if (from + whole < to) spans.push(span(digits, from + whole, to, DIGITS_PREFIX));
    }
    return spans;
  }

  explain({ phones }: ContactTerms): SearchMatch | null {
    let best: SearchMatch | null = null;
    for (const { phone, terms } of phones) {
      for (const variant of this.variants) {
        if (terms.includes(variant)) return { term: this.typed, field: 'phone', kind: 'exact', text: phone.display };
        if (best === null && terms.some((t) => t.startsWith(variant))) best = { term: this.typed, field: 'phone', kind: 'prefix', text: phone.display };
      }
    }
    return best;
  }
}
