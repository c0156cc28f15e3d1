// `$search` on directory collections: `"property:words"` clauses joined by AND / OR (AND binds
// tighter). As in Entra, a clause matches when every word of it starts a word of the property
// (words split at anything but letters and digits), ignoring case and accents.

import { GraphError } from './graph-response.ts';

export interface SearchableType {
  resource: string;
  searchable: readonly string[];
}

export interface CompiledSearch {
  test(item: object): boolean;
}

type Clause = (item: object) => boolean;

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];
}

function syntaxError(raw: string, at: number): GraphError {
  return new GraphError(400, 'BadRequest', `Syntax error: character '${raw[at] ?? ''}' is not valid at position ${at} in '${raw}'.`);
}

export function parseSearch(raw: string, type: SearchableType): CompiledSearch {
  const alternatives: Clause[][] = [[]];
  let i = 0;
  let expectClause = true;
  while (i < raw.length) {
    if (raw[i] === ' ') {
      i += 1;
    } else if (expectClause) {
      if (raw[i] !== '"') throw syntaxError(raw, i);
      const end = raw.indexOf('"', i + 1);
      if (end < 0) throw syntaxError(raw, raw.length - 1);
      (alternatives.at(-1) as Clause[]).push(clause(raw.slice(i + 1, end), type));
      i = end + 1;
      expectClause = false;
    } else {
      const word = /^(AND|OR)\b/.exec(raw.slice(i))?.[1];
      if (!word) throw syntaxError(raw, i);
      if (word === 'OR') alternatives.push([]);
      i += word.length;
      expectClause = true;
    }
  }
  if (expectClause) throw syntaxError(raw, raw.length);
  return { test: (item) => alternatives.some((all) => all.every((c) => c(item))) };
}

function clause(text: string, type: SearchableType): Clause {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new GraphError(400, 'Request_UnsupportedQuery', `Invalid search clause '${text}': use "property:value", e.g. "displayName:${text}".`);
  const name = text.slice(0, colon).trim();
  const prop = type.searchable.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!prop) throw new GraphError(400, 'Request_UnsupportedQuery', `Search on property '${name}' of resource '${type.resource}' is not supported.`);
  const wanted = words(text.slice(colon + 1));
  return (item) => {
    const value = (item as Record<string, unknown>)[prop];
    if (typeof value !== 'string') return false;
    const have = words(value);
    return wanted.every((w) => have.some((h) => h.startsWith(w)));
  };
}
