// A seeded generator so the same seed always yields the same tenant; Math.random is never used.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  digits(count: number, firstNonZero?: boolean): string;
  guid(): string;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  // mulberry32: tiny, fast and good enough for synthetic data.
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    digits(count, firstNonZero = false) {
      let s = '';
      for (let i = 0; i < count; i++) s += String(i === 0 && firstNonZero ? int(1, 9) : int(0, 9));
      return s;
    },
    guid() {
      const hex = '0123456789abcdef';
      let s = '';
      for (let i = 0; i < 32; i++) {
        let v = int(0, 15);
        if (i === 12) v = 4;
        if (i === 16) v = 8 + (v & 3);
        s += hex[v];
        if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
      }
      return s;
    },
  };
}

/** Derives an independent stream from a seed and a label, so adding one stream does not shift others. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}
