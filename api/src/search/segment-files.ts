import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SegmentData } from './segment.ts';
import { serialQueue } from './serial-queue.ts';

/**
 * What the files were written by: a change to analysis (folding, tokens, phonetic codes) or to
 * the segment layout must change this, so segments indexed the old way are rebuilt, not read.
 */
const FORMAT = 'switchboard-search-1';
const MANIFEST = 'manifest.json';

interface Manifest {
  format: string;
  /** The segment file of each data source. */
  sources: Record<string, string>;
}

/**
 * A data source's merged segment on disk, so a restart reads it instead of analysing every
 * contact again; what changed since is found by fingerprint and indexed anew. A file is
 * written beside the old one and the manifest swapped in by rename, so a crash at any point
 * leaves either the old or the new segment, never half of one.
 */
export class SegmentFiles {
  /** Writes one at a time, in the order asked: the manifest is read and replaced by one writer. */
  private readonly serially = serialQueue();

  private constructor(
    private readonly dir: string,
    private manifest: Manifest,
  ) {}

  /** Opens `dir`, dropping files another format or an interrupted write left behind. */
  static async open(dir: string): Promise<SegmentFiles> {
    await mkdir(dir, { recursive: true });
    let manifest: Manifest = { format: FORMAT, sources: {} };
    try {
      const read = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
      if (read.format === FORMAT) manifest = read;
    } catch {
      // No manifest yet, or an unreadable one: start empty.
    }
    const kept = new Set([MANIFEST, ...Object.values(manifest.sources)]);
    for (const name of await readdir(dir)) if (!kept.has(name)) await rm(join(dir, name), { force: true });
    return new SegmentFiles(dir, manifest);
  }

  async load(sourceId: string): Promise<SegmentData | null> {
    const name = this.manifest.sources[sourceId];
    if (name === undefined) return null;
    try {
      const data = deserialize(await readFile(join(this.dir, name))) as SegmentData;
      return data.sourceId === sourceId ? data : null;
    } catch {
      return null;
    }
  }

  save(sourceId: string, data: SegmentData): Promise<void> {
    return this.serially(async () => {
      const name = `${encodeURIComponent(sourceId)}.${Date.now().toString(36)}.segment`;
      await writeFile(join(this.dir, `${name}.tmp`), serialize(data));
      await rename(join(this.dir, `${name}.tmp`), join(this.dir, name));
      await this.swapManifest(sourceId, name);
    });
  }

  remove(sourceId: string): Promise<void> {
    return this.serially(() => this.swapManifest(sourceId, null));
  }

  /** Removes the segments of every data source not in `keep`. */
  retain(keep: ReadonlySet<string>): Promise<void> {
    return this.serially(async () => {
      for (const sourceId of Object.keys(this.manifest.sources)) if (!keep.has(sourceId)) await this.swapManifest(sourceId, null);
    });
  }

  private async swapManifest(sourceId: string, name: string | null): Promise<void> {
    const previous = this.manifest.sources[sourceId];
    const sources = Object.fromEntries(Object.entries(this.manifest.sources).filter(([id]) => id !== sourceId));
    if (name !== null) sources[sourceId] = name;
    const manifest = { format: FORMAT, sources };
    await writeFile(join(this.dir, `${MANIFEST}.tmp`), JSON.stringify(manifest));
    await rename(join(this.dir, `${MANIFEST}.tmp`), join(this.dir, MANIFEST));
    this.manifest = manifest;
    if (previous !== undefined && previous !== name) await rm(join(this.dir, previous), { force: true });
  }
}
