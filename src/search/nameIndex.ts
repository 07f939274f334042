import { editDistance } from '../index/terms.js';

/** Folded strings and the speaker each names, sorted by string then speaker: plain data that crosses threads. */
export interface NameTable {
  keys: string[];
  owners: Uint32Array;
}

/** A name table from unsorted entries; the same entry twice is kept once. */
export function nameTable(entries: Iterable<[key: string, owner: number]>): NameTable {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const unique = sorted.filter((e, i) => i === 0 || e[0] !== sorted[i - 1]?.[0] || e[1] !== sorted[i - 1]?.[1]);
  return { keys: unique.map((e) => e[0]), owners: Uint32Array.from(unique, (e) => e[1]) };
}

/**
 * Folded strings (name forms, or their words) in sorted order, each with the speaker it names:
 * exact and prefix matches by binary search, one-typo matches among the strings with the same
 * first letter. Built from a table sorted elsewhere (at index build), so wrapping one costs nothing.
 */
export class SortedNames {
  private readonly keys: string[];
  private readonly owners: Uint32Array;

  constructor(table: NameTable) {
    this.keys = table.keys;
    this.owners = table.owners;
  }

  /** Entry positions whose key is exactly `key`: [from, to). */
  exact(key: string): [from: number, to: number] {
    const from = this.lowerBound(key);
    let to = from;
    while (to < this.keys.length && this.keys[to] === key) to++;
    return [from, to];
  }

  ownerAt(position: number): number {
    return this.owners[position] as number;
  }

  /** Owners of every key that starts with `prefix`. */
  withPrefix(prefix: string, visit: (owner: number) => void): void {
    for (let i = this.lowerBound(prefix); i < this.keys.length && (this.keys[i] as string).startsWith(prefix); i++) visit(this.owners[i] as number);
  }

  /**
   * Owners of keys one edit (or one swap) from `word`; with `prefixes`, also keys whose start is
   * ("lavorv" finds "lavrov" while it is typed). Only keys with the same first letter are tried.
   */
  withinOneEdit(word: string, visit: (owner: number, key: string) => void, prefixes = false): void {
    const first = word[0] ?? '';
    for (let i = this.lowerBound(first); i < this.keys.length && (this.keys[i] as string).startsWith(first); i++) {
      const key = this.keys[i] as string;
      const near = Math.abs(key.length - word.length) <= 1 && editDistance(word, key, 1) <= 1;
      if (near || (prefixes && key.length > word.length && editDistance(word, key.slice(0, word.length), 1) <= 1)) visit(this.owners[i] as number, key);
    }
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.keys[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
