import lunr from 'lunr';

/** A state of lunr's token set automaton; @types/lunr declares neither its fields nor its statics. */
interface TokenNode {
  final: boolean;
  edges: Record<string, TokenNode>;
  intersect(other: TokenNode): TokenNode;
  toArray(): string[];
}

const TokenSet = lunr.TokenSet as unknown as {
  fromFuzzyString(word: string, editDistance: number): TokenNode;
  /** Builds the minimal automaton word by word, in sorted order. */
  Builder: new () => { root: TokenNode; insert(word: string): void; finish(): void };
};
/** Words inserted between two checks of the time slice. */
const BATCH = 1024;

/** lunr's wildcard edge: any one character. */
const ANY = '*';

/**
 * The words of a segment as lunr's token set: a minimal automaton that shares prefixes and
 * suffixes, intersected with lunr's edit-distance automaton of a typed word to find the words
 * a typing error away.
 */
export class Vocabulary {
  private constructor(private readonly root: TokenNode) {}

  /** Built in time slices (see slicer), as lunr's TokenSet.fromArray builds it: a large vocabulary takes a while. */
  static async build(sortedWords: string[], pause: () => Promise<void>): Promise<Vocabulary> {
    const builder = new TokenSet.Builder();
    for (let i = 0; i < sortedWords.length; i++) {
      builder.insert(sortedWords[i] as string);
      if (i % BATCH === BATCH - 1) await pause();
    }
    builder.finish();
    return new Vocabulary(builder.root);
  }

  /** Words at most `edits` insertions, deletions, substitutions or transpositions from `word`. */
  near(word: string, edits: number): string[] {
    return this.root.intersect(TokenSet.fromFuzzyString(word, edits)).toArray();
  }

  /**
   * Beginnings of words, at least as long as `typed`, at most `edits` from it: what someone
   * typing `typed` may have meant to start ("shcm" → "schm"). The shortest suffice, since every
   * word under a beginning is meant; longer ones under it are left out.
   */
  nearPrefixes(typed: string, edits: number): string[] {
    const found = new Set<string>();
    const stack: { word: TokenNode; typo: TokenNode; path: string }[] = [{ word: this.root, typo: TokenSet.fromFuzzyString(typed, edits), path: '' }];
    for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
      const { word, typo, path } = frame;
      if (typo.final && path.length >= typed.length) {
        found.add(path);
        continue;
      }
      for (const [char, nextTypo] of Object.entries(typo.edges)) {
        if (char === ANY) {
          for (const [wordChar, nextWord] of Object.entries(word.edges)) stack.push({ word: nextWord, typo: nextTypo, path: path + wordChar });
        } else {
          const nextWord = word.edges[char];
          if (nextWord) stack.push({ word: nextWord, typo: nextTypo, path: path + char });
        }
      }
    }
    const shortest: string[] = [];
    for (const prefix of [...found].sort()) {
      const last = shortest.at(-1);
      if (last === undefined || !prefix.startsWith(last)) shortest.push(prefix);
    }
    return shortest;
  }
}
