import { editDistance } from './terms.js';

/**
 * Folded strings (name forms, or their words) in sorted order, each with the speaker it names:
 * prefix matches by binary search, one-typo matches among the strings with the same first letter.
 */
export class SortedNames {
  private readonly keys: string[];
  private readonly owners: number[];

  constructor(entries: Iterable<[key: string, owner: number]>) {
    const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.keys = sorted.map((e) => e[0]);
    this.owners = sorted.map((e) => e[1]);
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
