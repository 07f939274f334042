import { describe, it, expect } from 'vitest';
import { editDistance } from '../src/index/terms.js';

/** Optimal string alignment distance, written plainly as the definition. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

describe('edit distance', () => {
  it('counts one typo of each kind as one edit', () => {
    expect(editDistance('lavrov', 'lavrov')).toBe(0);
    expect(editDistance('lavrov', 'lavorv')).toBe(1);
    expect(editDistance('lavrov', 'lavov')).toBe(1);
    expect(editDistance('lavrov', 'lavrovv')).toBe(1);
    expect(editDistance('lavrov', 'lavrox')).toBe(1);
    expect(editDistance('lavrov', 'rubio')).toBe(2);
  });

  it('agrees with the definition, capped at max + 1, on random words', () => {
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const word = () => Array.from({ length: next() % 9 }, () => 'abcé'[next() % 4]).join('');
    for (let n = 0; n < 2000; n++) {
      const [a, b, max] = [word(), word(), next() % 4];
      expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(reference(a, b), max + 1));
    }
    const long = 'x'.repeat(100);
    expect(editDistance(long, `${long}y`, 1)).toBe(1);
  });
});
