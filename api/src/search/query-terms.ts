import { typedDigitVariants } from './phone-digits.ts';
import { mailTokens, wordTokens, type Token } from './tokens.ts';

/** Terms of a query beyond these are ignored: each costs a pass over its postings, and eight words name anyone. */
const MAX_TERMS = 8;

export type QueryTerm =
  | { kind: 'word'; typed: string; folded: string; last: boolean }
  | { kind: 'digits'; typed: string; variants: string[] };

/** A run of digits with the punctuation phone numbers are written with: "+49 (89) 1234-56". */
const PHONE_RUN = /(?<![\p{L}\p{N}])\+?[0-9](?:[\s()./-]*[0-9])*(?![\p{L}\p{N}])/gu;
/** A mail address, or the part of one typed so far: read as mail addresses are indexed. */
const MAIL_RUN = /[^\s@]+@[^\s@]*/g;

/**
 * The terms of a query, in the order typed: phone numbers (digits however written) and folded
 * words. The last word is what is being typed, so it also matches as a prefix.
 */
export function queryTerms(query: string): QueryTerm[] {
  const found: { at: number; term: QueryTerm }[] = [];
  const word = (token: Token) => found.push({ at: token.start, term: { kind: 'word', typed: query.slice(token.start, token.end), folded: token.term, last: false } });
  const rest = query
    .replace(MAIL_RUN, (run, at: number) => {
      mailTokens(run, at).forEach(word);
      return ' '.repeat(run.length);
    })
    .replace(PHONE_RUN, (run, at: number) => {
      found.push({ at, term: { kind: 'digits', typed: run, variants: typedDigitVariants(run) } });
      return ' '.repeat(run.length);
    });
  wordTokens(rest).forEach(word);
  found.sort((a, b) => a.at - b.at);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const { term } of found) {
    const key = term.kind === 'word' ? `w:${term.folded}` : `d:${term.variants.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  const last = terms.at(-1);
  if (last?.kind === 'word' && found.at(-1)?.term === last) last.last = true;
  return terms.slice(0, MAX_TERMS);
}
