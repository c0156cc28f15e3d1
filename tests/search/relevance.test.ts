import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../contracts/index.ts';
import { SearchIndex } from '../../api/src/search/search-index.ts';
import { syntheticContacts } from './contacts.ts';
import { JUDGEMENTS, KEY_SOURCE, keyPeople, type Category } from './relevance-set.ts';

/**
 * Levels measured on this set when the ranking was tuned, less a little headroom: a change
 * that makes search worse at finding people fails here.
 */
const MIN_PRECISION_AT_1 = 0.98;
const MIN_RECALL_AT_10 = 0.98;

const SYNTHETIC = 'synthetic';
const index = new SearchIndex();
const byId = new Map<string, Contact>();
const scopes = [
  { sourceId: SYNTHETIC, priority: 100 },
  { sourceId: KEY_SOURCE, priority: 100 },
];

beforeAll(async () => {
  const synthetic = syntheticContacts(5000);
  for (const c of [...synthetic, ...keyPeople]) byId.set(c.id, c);
  await index.replaceSource(SYNTHETIC, synthetic);
  await index.replaceSource(KEY_SOURCE, keyPeople);
});

interface Scored {
  query: string;
  category: Category;
  precisionAt1: number;
  recallAt10: number;
  top: string;
}

function score(): Scored[] {
  const everyone = [...byId.values()];
  return JUDGEMENTS.map(({ query, category, relevant }) => {
    const hits = index.search(query, 10, scopes, (_, id) => byId.get(id));
    const wanted = everyone.filter(relevant).length;
    const found = hits.filter((h) => relevant(h.contact)).length;
    return {
      query,
      category,
      precisionAt1: hits[0] && relevant(hits[0].contact) ? 1 : 0,
      recallAt10: wanted === 0 ? 0 : found / Math.min(10, wanted),
      top: hits[0]?.contact.displayName ?? '(nothing)',
    };
  });
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

describe('relevance', () => {
  it('has at least 100 judged queries, each with someone to find', () => {
    expect(JUDGEMENTS.length).toBeGreaterThanOrEqual(100);
    const everyone = [...byId.values()];
    const unanswerable = JUDGEMENTS.filter((j) => !everyone.some(j.relevant)).map((j) => j.query);
    expect(unanswerable).toEqual([]);
  });

  it(`finds the right people: precision@1 >= ${MIN_PRECISION_AT_1}, recall@10 >= ${MIN_RECALL_AT_10}`, () => {
    const scored = score();
    const categories = [...new Set(scored.map((s) => s.category))];
    const lines = categories.map((category) => {
      const rows = scored.filter((s) => s.category === category);
      return `${category.padEnd(9)} ${String(rows.length).padStart(4)}  ${mean(rows.map((r) => r.precisionAt1)).toFixed(3)}  ${mean(rows.map((r) => r.recallAt10)).toFixed(3)}`;
    });
    const precision = mean(scored.map((s) => s.precisionAt1));
    const recall = mean(scored.map((s) => s.recallAt10));
    const misses = scored.filter((s) => s.precisionAt1 < 1 || s.recallAt10 < 1).map((s) => `  "${s.query}" (${s.category}): P@1 ${s.precisionAt1}, R@10 ${s.recallAt10.toFixed(2)}, first: ${s.top}`);
    process.stdout.write(
      [
        'category  queries  P@1    R@10',
        ...lines,
        `all       ${String(scored.length).padStart(4)}  ${precision.toFixed(3)}  ${recall.toFixed(3)}`,
        ...(misses.length > 0 ? ['not perfect:', ...misses] : []),
        '',
      ].join('\n'),
    );
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION_AT_1);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL_AT_10);
  });
});
