import type { Contact, SearchHit, SearchMatch } from '../../../contracts/index.ts';
import { contactDigits, contactWords, fingerprint } from './contact-analysis.ts';
import { queryTerms } from './query-terms.ts';
import { Segment } from './segment.ts';
import { buildSegment } from './segment-builder.ts';
import type { SegmentFiles } from './segment-files.ts';
import { mergeSegments } from './segment-merge.ts';
import { scoreSegment } from './segment-scorer.ts';
import { serialQueue } from './serial-queue.ts';
import { SLICE_MS, slicer } from './slices.ts';
import { termMatcher, type Span } from './term-matchers.ts';
import { TopHits } from './top-hits.ts';

/** A data source a caller may search, and its priority (ties go to the higher one). */
export interface SourceScope {
  sourceId: string;
  priority: number;
}

/** Finds the contact a hit stands for; search returns nothing of a document it cannot find. */
export type ContactResolver = (sourceId: string, id: string) => Contact | undefined;

/** Small segments a source may gather before they are merged into one. */
const MAX_SMALL_SEGMENTS = 4;
/** Small segments holding this share of the base's documents, or deleted documents this share of all, merge everything. */
const MERGE_ALL_SHARE = 0.1;
const DELETED_SHARE = 0.25;
const CONTACTS_PER_PAUSE = 256;

interface Located {
  segment: Segment;
  doc: number;
}

/** The segments of one data source, oldest (the base) first, and where each contact's current document is. */
class SourceSegments {
  segments: Segment[] = [];
  readonly current = new Map<string, Located>();
  /** The segment on disk, if it is still the only one. */
  saved: Segment | null = null;
  /** Contacts analysed into segments since the source was opened (merges copy, they do not analyse). */
  analysed = 0;
}

export interface SearchIndexOptions {
  /** Where merged segments are kept across restarts; none keeps everything in memory. */
  files?: SegmentFiles | null;
  /** A merge or a write that failed; the index stays as it was and answers correctly. */
  onBackgroundError?: (error: unknown) => void;
  /** How long building and merging hold the event loop at a time (see slicer). */
  sliceMs?: number;
}

/**
 * Contact search over immutable segments per data source, Lucene style: a base segment, small
 * segments for recent changes, a deletion mask for documents a newer segment supersedes, and
 * merges in the background. Searching a caller's data sources means searching their segments
 * only, so what a caller may not see cannot influence a hit, a score or a count.
 */
export class SearchIndex {
  private readonly sources = new Map<string, SourceSegments>();
  /** Ids changed while a merge ran: their documents in its result are stale. */
  private readonly watchers = new Set<Set<string>>();
  /** Changes apply one at a time, in order; merges run beside them in the background. */
  private readonly serially = serialQueue();
  private background: Promise<void> = Promise.resolve();
  private readonly mergeQueued = new Set<string>();
  private readonly files: SegmentFiles | null;
  private readonly onBackgroundError: (error: unknown) => void;
  private readonly sliceMs: number;

  constructor(options: SearchIndexOptions = {}) {
    this.files = options.files ?? null;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.onBackgroundError = options.onBackgroundError ?? ((error) => console.error('search index:', error));
  }

  /**
   * Makes the index hold exactly `contacts` for a data source. Documents whose fingerprint is
   * unchanged stay; the rest is indexed anew, so reloading a source after a full import or a
   * restart costs what changed, not what is there. The first call for a source reads its
   * segment from disk.
   */
  replaceSource(sourceId: string, contacts: readonly Contact[]): Promise<void> {
    return this.serially(async () => {
      const known = this.sources.get(sourceId);
      const source = known ?? (await this.open(sourceId));
      const { changed, removed } = await this.differences(source, contacts);
      await this.apply(sourceId, source, changed, removed);
    });
  }

  /** Indexes a delta round: changed contacts in a new segment, superseded and removed ones masked. */
  update(sourceId: string, changed: readonly Contact[], removed: readonly string[]): Promise<void> {
    return this.serially(() => this.apply(sourceId, this.sources.get(sourceId) ?? this.add(sourceId), changed, removed));
  }

  removeSource(sourceId: string): Promise<void> {
    return this.serially(async () => {
      const { files } = this;
      if (this.sources.delete(sourceId) && files) this.inBackground(() => files.remove(sourceId));
    });
  }

  /** Forgets every data source but these, on disk too: one deleted while the API was down leaves no contacts behind. */
  retainSources(sourceIds: readonly string[]): Promise<void> {
    return this.serially(async () => {
      const keep = new Set(sourceIds);
      for (const sourceId of [...this.sources.keys()]) if (!keep.has(sourceId)) this.sources.delete(sourceId);
      const { files } = this;
      if (files) this.inBackground(() => files.retain(keep));
    });
  }

  /**
   * The best `limit` contacts of the given data sources that match every term of `query`, with
   * why each matched. Only the segments of `scopes` are read.
   */
  search(query: string, limit: number, scopes: readonly SourceScope[], resolve: ContactResolver): SearchHit[] {
    const matchers = queryTerms(query).map(termMatcher);
    if (matchers.length === 0) return [];
    const top = new TopHits(limit);
    for (const { sourceId, priority } of scopes) {
      for (const segment of this.sources.get(sourceId)?.segments ?? []) {
        const spansByTerm: Span[][] = [];
        for (const matcher of matchers) {
          const spans = matcher.spans(segment);
          if (spans.length === 0) break;
          spansByTerm.push(spans);
        }
        if (spansByTerm.length < matchers.length) continue;
        scoreSegment(segment, spansByTerm, limit, (doc, score) => top.add(segment, doc, score, priority));
      }
    }
    const hits: SearchHit[] = [];
    for (const { segment, doc, score } of top.best()) {
      const contact = resolve(segment.sourceId, segment.id(doc));
      if (contact === undefined) continue;
      const offered = { contact, words: contactWords(contact), phones: contactDigits(contact) };
      const matches = matchers.map((m) => m.explain(offered)).filter((m): m is SearchMatch => m !== null);
      hits.push({ contact, score: Math.round(score * 1000) / 1000, matches });
    }
    return hits;
  }

  /** Resolves once the changes, merges and writes asked for so far are done. */
  async settled(): Promise<void> {
    for (;;) {
      const background = this.background;
      await this.serially(async () => undefined);
      await background;
      if (background === this.background) return;
    }
  }

  /** Segments and documents per data source, for tests and benchmarks. */
  describe(sourceId: string): { segments: number[]; deleted: number; analysed: number } | undefined {
    const source = this.sources.get(sourceId);
    if (!source) return undefined;
    return {
      segments: source.segments.map((s) => s.liveCount),
      deleted: source.segments.reduce((sum, s) => sum + s.deletedTotal, 0),
      analysed: source.analysed,
    };
  }

  private add(sourceId: string): SourceSegments {
    const source = new SourceSegments();
    this.sources.set(sourceId, source);
    return source;
  }

  /** A source seen for the first time: its segment on disk, if there is one. */
  private async open(sourceId: string): Promise<SourceSegments> {
    const stored = await this.files?.load(sourceId);
    const source = this.add(sourceId);
    if (stored) {
      const segment = await Segment.open(stored, slicer(this.sliceMs));
      this.install(source, segment);
      source.saved = segment;
    }
    return source;
  }

  private async apply(sourceId: string, source: SourceSegments, changed: readonly Contact[], removed: readonly string[]): Promise<void> {
    // Built before anything changes, so searches meanwhile see the index as it was.
    const segment = changed.length > 0 ? await buildSegment(sourceId, changed, slicer(this.sliceMs)) : null;
    for (const id of removed) this.supersede(source, id);
    if (segment !== null) {
      this.install(source, segment);
      source.analysed += segment.size;
    }
    this.afterChange(sourceId, source);
  }

  private async differences(source: SourceSegments, contacts: readonly Contact[]): Promise<{ changed: Contact[]; removed: string[] }> {
    const pause = slicer(this.sliceMs);
    const changed: Contact[] = [];
    const present = new Set<string>();
    for (let i = 0; i < contacts.length; i++) {
      const contact = contacts[i] as Contact;
      present.add(contact.id);
      const at = source.current.get(contact.id);
      if (at === undefined || at.segment.fingerprint(at.doc) !== fingerprint(contact)) changed.push(contact);
      if (i % CONTACTS_PER_PAUSE === CONTACTS_PER_PAUSE - 1) await pause();
    }
    return { changed, removed: [...source.current.keys()].filter((id) => !present.has(id)) };
  }

  /** Adds a segment after the others; its documents supersede older ones. */
  private install(source: SourceSegments, segment: Segment): void {
    for (let doc = 0; doc < segment.size; doc++) {
      const id = segment.id(doc);
      this.supersede(source, id);
      source.current.set(id, { segment, doc });
    }
    source.segments.push(segment);
  }

  private supersede(source: SourceSegments, id: string): void {
    const at = source.current.get(id);
    if (at !== undefined) {
      at.segment.delete(at.doc);
      source.current.delete(id);
    }
    for (const touched of this.watchers) touched.add(id);
  }

  private watch(): Set<string> {
    const touched = new Set<string>();
    this.watchers.add(touched);
    return touched;
  }

  private afterChange(sourceId: string, source: SourceSegments): void {
    source.segments = source.segments.filter((s) => s.liveCount > 0);
    if (this.mergePlan(source) !== null && !this.mergeQueued.has(sourceId)) {
      this.mergeQueued.add(sourceId);
      this.inBackground(() => this.merge(sourceId));
    } else this.saveIfSingle(sourceId, source);
  }

  /** Which segments to merge: all when small segments or deletions have grown, else the small ones when there are many. */
  private mergePlan(source: SourceSegments): 'all' | 'small' | null {
    const [base, ...small] = source.segments;
    if (base === undefined) return null;
    const size = source.segments.reduce((sum, s) => sum + s.size, 0);
    const deleted = source.segments.reduce((sum, s) => sum + s.deletedTotal, 0);
    const smallLive = small.reduce((sum, s) => sum + s.liveCount, 0);
    if (deleted > size * DELETED_SHARE || (small.length > 0 && smallLive > base.liveCount * MERGE_ALL_SHARE)) return 'all';
    return small.length > MAX_SMALL_SEGMENTS ? 'small' : null;
  }

  private async merge(sourceId: string): Promise<void> {
    this.mergeQueued.delete(sourceId);
    const source = this.sources.get(sourceId);
    const plan = source && this.mergePlan(source);
    if (!source || !plan) return;
    const inputs = plan === 'all' ? [...source.segments] : source.segments.slice(1);
    const touched = this.watch();
    let merged: Segment;
    try {
      merged = await mergeSegments(sourceId, inputs, slicer(this.sliceMs));
    } finally {
      this.watchers.delete(touched);
    }
    if (this.sources.get(sourceId) !== source || !inputs.every((s) => source.segments.includes(s))) return;
    for (let doc = 0; doc < merged.size; doc++) {
      const id = merged.id(doc);
      if (touched.has(id)) merged.delete(doc);
      else source.current.set(id, { segment: merged, doc });
    }
    const rest = source.segments.filter((s) => !inputs.includes(s));
    source.segments = plan === 'all' ? [merged, ...rest] : [rest[0] as Segment, merged, ...rest.slice(1)];
    this.afterChange(sourceId, source);
  }

  private saveIfSingle(sourceId: string, source: SourceSegments): void {
    const [only, ...others] = source.segments;
    if (!this.files || only === undefined || others.length > 0 || source.saved === only) return;
    source.saved = only;
    const { files } = this;
    this.inBackground(() => files.save(sourceId, only.data));
  }

  private inBackground(work: () => Promise<void>): void {
    this.background = this.background.then(work).catch(this.onBackgroundError);
  }
}
