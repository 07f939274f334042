import { describe, it, expect } from 'vitest';
import { FirstCopies } from '../src/index/firstCopies.js';

/** The first earlier id with the same text, by a plain scan: what the table must give. */
function scan(texts: readonly string[]): number[] {
  return texts.map((text, id) => texts.findIndex((other, at) => at < id && other === text));
}

describe('first copies by text hash', () => {
  it('finds each sentence\'s first copy, with colliding hashes and the table growing from small', () => {
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const texts = Array.from({ length: 3_000 }, () => `envoy ${Math.floor(next() * 700)} said`);
    // A hash with few values: most texts collide with others, as a weak hash would make them.
    const hash = (id: number) => (texts[id] as string).length % 3;
    const table = new FirstCopies(hash);
    const same = (a: number, b: number) => texts[a] === texts[b];
    expect(texts.map((_, id) => table.firstOf(id, same))).toEqual(scan(texts));
  });

  it('gives the same answers sized for the corpus up front', () => {
    const texts = ['a', 'b', 'a', 'c', 'b', 'a', 'd'];
    const table = new FirstCopies(() => 42, texts.length);
    expect(texts.map((_, id) => table.firstOf(id, (a, b) => texts[a] === texts[b]))).toEqual([-1, -1, 0, -1, 1, 0, -1]);
  });
});
