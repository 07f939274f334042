import { describe, it, expect } from 'vitest';
import { syntheticCorpus } from '../src/bench/synthetic.js';
import { CorpusIndex } from '../src/search/corpusIndex.js';
import type { Hit } from '../src/index/search.js';

// A generated news corpus, with every tenth article republished (wire copies), so that scores
// tie and distinct texts differ from matches.
const generated = syntheticCorpus(20_000, 7);
const articles = [...generated.articles, ...generated.articles.filter((_, i) => i % 10 === 0).map((a) => ({ ...a, file: `copy-${a.file}` }))];
const index = CorpusIndex.build({ articles, failures: [] });
const { confidence, copyOf } = index.store.data;
const boost = { factors: confidence, scale: 1 / 100, max: Math.max(...confidence) };
const allIds = Array.from({ length: index.sentenceCount }, (_, i) => i);

/** The definition: score every document, boost, sort (ties: lower id first). */
function reference(query: string[]): { hits: Hit[]; matched: number; counted: number } {
  const scored = index.terms.searchAmong(query, allIds).map((h) => ({ id: h.id, score: h.score * (1 + (confidence[h.id] as number) / 100) }));
  scored.sort((a, b) => b.score - a.score || a.id - b.id);
  return { hits: scored, matched: scored.length, counted: scored.filter((h) => (copyOf[h.id] as number) < 0).length };
}

function randomQueries(count: number, seed: number): string[][] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  // Words of the corpus itself, so common and rare words both come up.
  const vocabulary = [...new Set(articles.slice(0, 50).flatMap((a) => a.body.toLowerCase().match(/[a-z]+/g) ?? []))];
  return Array.from({ length: count }, () => {
    const size = [1, 2, 2, 3, 4, 6, 9, 12][Math.floor(next() * 8)] as number;
    return Array.from({ length: size }, () => vocabulary[Math.floor(next() * vocabulary.length)] as string);
  });
}

describe('top documents (MaxScore)', () => {
  it('rank exactly as scoring every document would, with the same counts', () => {
    for (const query of randomQueries(150, 11)) {
      for (const k of [1, 5, 37]) {
        const got = index.terms.top(query, k, boost);
        const want = reference(query);
        expect(got.matched, query.join(' ')).toBe(want.matched);
        expect(got.counted, query.join(' ')).toBe(want.counted);
        expect(got.hits.map((h) => h.id), `${query.join(' ')} k=${k}`).toEqual(want.hits.slice(0, k).map((h) => h.id));
        got.hits.forEach((h, i) => expect(h.score).toBeCloseTo(want.hits[i]?.score ?? NaN, 9));
      }
    }
  });

  it('match nothing for words the corpus does not hold', () => {
    expect(index.terms.top(['qqqqqqqqqqqqq'], 5, boost)).toEqual({ hits: [], matched: 0, counted: 0 });
  });
});
