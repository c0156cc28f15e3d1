import lunr from 'lunr';
import type { Contact } from '../../../contracts/index.ts';

/** Fields searched, with how much a match in each counts. */
const FIELDS = [
  { name: 'surname', boost: 10 },
  { name: 'givenName', boost: 8 },
  { name: 'displayName', boost: 6 },
  { name: 'companyName', boost: 4 },
  { name: 'department', boost: 2 },
  { name: 'mail', boost: 1 },
] as const;

/**
 * Folds case and diacritics and splits on everything that is not a letter or digit, so that
 * "Müller" and "mueller@x.de" become comparable tokens. Done here rather than in lunr's
 * pipeline because lunr's tokenizer separator is global state.
 */
export function analyze(text: string | null): string[] {
  if (!text) return [];
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

export interface ScoredRef {
  ref: string;
  score: number;
}

/**
 * A lunr index over contacts. Every query term must match (exactly, as a prefix, or within a
 * small edit distance): "anna schmidt" narrows rather than widens the result.
 */
export class SearchIndex {
  private constructor(private readonly index: lunr.Index) {}

  static build(contacts: Iterable<Contact>): SearchIndex {
    const index = lunr(function () {
      // Names are not English prose: no stemming ("admiral" ~ "addition"), no stop words ("May").
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      for (const field of FIELDS) this.field(field.name, { boost: field.boost });
      for (const contact of contacts) {
        const doc: Record<string, string> = { id: contact.id };
        for (const field of FIELDS) doc[field.name] = analyze(contact[field.name]).join(' ');
        this.add(doc);
      }
    });
    return new SearchIndex(index);
  }

  search(query: string): ScoredRef[] {
    const terms = analyze(query);
    if (terms.length === 0) return [];
    let combined: Map<string, number> | null = null;
    for (const term of terms) {
      const matches = this.matchTerm(term);
      const next = new Map<string, number>();
      for (const [ref, score] of matches) {
        if (combined === null) next.set(ref, score);
        else if (combined.has(ref)) next.set(ref, (combined.get(ref) ?? 0) + score);
      }
      combined = next;
      if (combined.size === 0) break;
    }
    return [...(combined ?? [])].map(([ref, score]) => ({ ref, score })).sort((a, b) => b.score - a.score);
  }

  private matchTerm(term: string): Map<string, number> {
    const results = this.index.query((q) => {
      q.term(term, { boost: 100 });
      q.term(term, { boost: 10, wildcard: lunr.Query.wildcard.TRAILING });
      if (term.length >= 4) q.term(term, { boost: 1, editDistance: 1 });
    });
    return new Map(results.map((r) => [r.ref, r.score]));
  }
}
