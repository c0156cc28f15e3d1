import { foldWord } from './fold.ts';

/** A word of a field as indexed, and where it stands in the field's text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’`][\p{L}\p{N}]+)*/gu;
const LETTERS_OR_DIGITS = /\p{L}+|\p{N}+/gu;
const DIGITS = /^\p{N}+$/u;
/** More parts than this is a company-like name, not one that people type run together. */
const MAX_COMPOUND_PARTS = 4;

/** Words of a text, folded (see foldWord). */
export function wordTokens(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldWord(match[0]);
    if (term !== '') tokens.push({ term, start: offset + match.index, end: offset + match.index + match[0].length });
  }
  return tokens;
}

/**
 * Words of a name, plus the name run together when it has a few parts, because people type
 * "DeLuca", "vandenberg" or "AnnaLena" for De Luca, van den Berg and Anna-Lena.
 */
export function nameTokens(text: string): Token[] {
  const tokens = wordTokens(text);
  const first = tokens[0];
  const last = tokens.at(-1);
  if (first && last && tokens.length > 1 && tokens.length <= MAX_COMPOUND_PARTS) {
    tokens.push({ term: tokens.map((t) => t.term).join(''), start: first.start, end: last.end });
  }
  return tokens;
}

/** Words of a company name, plus dotted abbreviations as one word ("S.p.A." also as "spa", "B.V." as "bv"). */
export function companyTokens(text: string): Token[] {
  const tokens = wordTokens(text);
  const joined: Token[] = [];
  let run: Token[] = [];
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first && last && run.length > 1) joined.push({ term: run.map((t) => t.term).join(''), start: first.start, end: last.end });
    run = [];
  };
  for (const token of tokens) {
    const previous = run.at(-1);
    const single = token.end - token.start === 1;
    if (single && (previous === undefined || text.slice(previous.end, token.start) === '.')) run.push(token);
    else {
      flush();
      if (single) run.push(token);
    }
  }
  flush();
  return [...tokens, ...joined];
}

/**
 * Words of a mail address: the parts of the local part ("anna.schmidt", "a_schmidt79") without
 * numbers, and the labels of the domain without the top-level one, which nearly every address
 * shares and nobody searches for.
 */
export function mailTokens(mail: string, offset = 0): Token[] {
  const at = mail.lastIndexOf('@');
  if (at < 0) return wordTokens(mail, offset);
  const tokens: Token[] = [];
  for (const match of mail.slice(0, at).matchAll(LETTERS_OR_DIGITS)) {
    if (DIGITS.test(match[0])) continue;
    const term = foldWord(match[0]);
    if (term !== '') tokens.push({ term, start: offset + match.index, end: offset + match.index + match[0].length });
  }
  const domain = mail.slice(at + 1);
  const topLevel = domain.lastIndexOf('.');
  tokens.push(...wordTokens(topLevel < 0 ? domain : domain.slice(0, topLevel), offset + at + 1));
  return tokens;
}
