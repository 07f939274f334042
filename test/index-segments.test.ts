import { describe, it, expect } from 'vitest';
import { TermIndex, TermIndexBuilder, invert } from '../src/index/termIndex.js';
import { averageOf, normTable, sumOf } from '../src/index/postings.js';
import { termBounds } from '../src/index/topDocuments.js';
import type { Boost, Ranking } from '../src/index/search.js';

// Documents from a small vocabulary, a fifth of them repeats of an earlier text, so that scores
// tie, copies come and go, and common terms span every segment.
const VOCABULARY = ('envoy talks ceasefire summit minister border treaty sanctions delegation harbour ' +
  'grain corridor prisoners exchange monitors withdrawal referendum embassy council vote ' +
  'the of and said would not').split(' ');

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** What a caller of the index keeps: every document's text, which are live, and which is the first with its text. */
class Corpus {
  texts: string[] = [];
  live: boolean[] = [];
  copyOf = new Int32Array(20_000).fill(-1);
  factors = new Uint8Array(20_000);

  constructor(private readonly next: () => number) {}

  newText(): string {
    const liveTexts = this.texts.filter((_, id) => this.live[id]);
    if (liveTexts.length > 0 && this.next() < 0.2) return liveTexts[Math.floor(this.next() * liveTexts.length)] as string;
    const size = 1 + Math.floor(this.next() * 12);
    return Array.from({ length: size }, () => VOCABULARY[Math.floor(this.next() * VOCABULARY.length)]).join(' ');
  }

  /** Documents appended with ids from the index's next id on; their term lists inverted as one segment would be. */
  add(texts: string[], first: number) {
    const builder = new TermIndexBuilder();
    texts.forEach((text, i) => {
      const id = first + i;
      this.texts[id] = text;
      this.live[id] = true;
      this.factors[id] = Math.floor(this.next() * 4) * 25;
      const earlier = this.texts.findIndex((t, other) => other < id && this.live[other] && t === text);
      this.copyOf[id] = earlier;
      builder.add(text);
    });
    return invert(builder.documents(), first);
  }

  /** Removes a document: if it was the first with its text, the next copy takes its place. */
  remove(index: TermIndex, doc: number): void {
    index.remove(doc, this.texts[doc] as string);
    this.live[doc] = false;
    if ((this.copyOf[doc] as number) >= 0) return;
    const copies = this.texts.map((_, id) => id).filter((id) => id > doc && this.live[id] && this.texts[id] === this.texts[doc]);
    const [heir, ...rest] = copies;
    if (heir === undefined) return;
    this.copyOf[heir] = -1;
    index.promote(heir, this.texts[heir] as string);
    for (const id of rest) this.copyOf[id] = heir;
  }

  liveIds(): number[] {
    return this.texts.map((_, id) => id).filter((id) => this.live[id]);
  }

  /** One segment built anew over the live documents alone (ids renumbered 0, 1, 2, …): what the answers must equal. */
  reference(): { index: TermIndex; ids: number[]; factors: Uint8Array } {
    const ids = this.liveIds();
    const builder = new TermIndexBuilder();
    for (const id of ids) builder.add(this.texts[id] as string);
    const postings = invert(builder.documents());
    const position = new Map(ids.map((id, i) => [id, i]));
    const copyOf = Int32Array.from(ids, (id) => ((this.copyOf[id] as number) < 0 ? -1 : (position.get(this.copyOf[id] as number) as number)));
    const norms = normTable(averageOf(sumOf(postings.lengths), postings.lengths.length));
    const index = new TermIndex({ ...postings, ...termBounds(postings, 0, norms, copyOf) }, copyOf);
    return { index, ids, factors: Uint8Array.from(ids, (id) => this.factors[id] as number) };
  }
}

function queries(next: () => number, count: number): string[][] {
  const words = [...VOCABULARY, 'ceasfire', 'sumit', 'delegations', 'qqqq'];
  return Array.from({ length: count }, () => {
    const size = [1, 1, 2, 2, 3, 4, 6, 9, 12][Math.floor(next() * 9)] as number;
    return Array.from({ length: size }, () => words[Math.floor(next() * words.length)] as string);
  });
}

function boostOf(factors: Uint8Array): Boost {
  return { factors, scale: 1 / 100, max: 75 };
}

/** A ranking with the reference's ids turned back into the segmented index's. */
function mapped(ranking: Ranking, ids: number[]): Ranking {
  return { ...ranking, hits: ranking.hits.map((h) => ({ id: ids[h.id] as number, score: h.score })) };
}

function expectSameAnswers(index: TermIndex, corpus: Corpus, next: () => number, label: string): void {
  const reference = corpus.reference();
  expect(index.documentCount, label).toBe(reference.index.documentCount);
  const related = [{ term: 'meet', weight: 0.6 }, { term: 'truce', weight: 0.5 }, { term: 'ceasefir', weight: 0.7 }];
  for (const query of queries(next, 60)) {
    const what = `${label}: ${query.join(' ')}`;
    for (const k of [1, 4, 25]) {
      expect(index.top(query, k, boostOf(corpus.factors)), what).toEqual(mapped(reference.index.top(query, k, boostOf(reference.factors)), reference.ids));
      expect(index.top(query, k, undefined, related), what).toEqual(mapped(reference.index.top(query, k, undefined, related), reference.ids));
    }
    const keep = (doc: number) => (corpus.texts[doc] as string).length % 3 !== 0;
    const keepReference = (doc: number) => keep(reference.ids[doc] as number);
    expect(index.topWhere(query, 7, keep, boostOf(corpus.factors)), what).toEqual(mapped(reference.index.topWhere(query, 7, keepReference, boostOf(reference.factors)), reference.ids));
    const among = reference.ids.filter((_, i) => i % 5 === 0);
    const amongReference = among.map((id) => reference.ids.indexOf(id));
    expect(index.searchAmong(query, among), what).toEqual(reference.index.searchAmong(query, amongReference).map((h) => ({ id: reference.ids[h.id] as number, score: h.score })));
  }
  for (const term of ['envoy', 'ceasefir', 'summit', 'qqqq', 'corridor']) {
    expect(index.weightOf(term), `${label}: weight of ${term}`).toBe(reference.index.weightOf(term));
    for (let from = 0; from < reference.ids.length; from += 37) {
      const to = Math.min(from + 5, reference.ids.length);
      const globalFrom = reference.ids[from] as number;
      const globalTo = to < reference.ids.length ? (reference.ids[to] as number) : index.nextId;
      expect(index.occursIn(term, globalFrom, globalTo), `${label}: ${term} in ${from}..${to}`).toBe(reference.index.occursIn(term, from, to));
    }
  }
}

describe('a term index in segments', () => {
  it('answers as one segment built over the live documents would, through adds, removals, promotions and merges', () => {
    const next = random(2025);
    const corpus = new Corpus(next);
    const firstTexts = Array.from({ length: 400 }, () => corpus.newText());
    const base = corpus.add(firstTexts, 0);
    const norms = normTable(averageOf(sumOf(base.lengths), base.lengths.length));
    const index = new TermIndex({ ...base, ...termBounds(base, 0, norms, corpus.copyOf) }, corpus.copyOf);
    for (let step = 0; step < 14; step++) {
      const texts = Array.from({ length: 5 + Math.floor(next() * 40) }, () => corpus.newText());
      index.append(corpus.add(texts, index.nextId), corpus.copyOf);
      const live = corpus.liveIds();
      for (let r = 0; r < 1 + Math.floor(next() * 12); r++) corpus.remove(index, live[Math.floor(next() * live.length)] as number);
      if (step % 4 === 3) {
        const from = Math.floor(next() * (index.segmentCount - 1));
        index.merge(from, Math.min(index.segmentCount, from + 2 + Math.floor(next() * 3)));
      }
      expectSameAnswers(index, corpus, next, `step ${step}, ${index.segmentCount} segments`);
    }
    index.merge(0, index.segmentCount);
    expect(index.segmentCount).toBe(1);
    expectSameAnswers(index, corpus, next, 'all merged');
  });

  it('forgets a term once every document holding it is removed', () => {
    const corpus = new Corpus(random(7));
    const base = corpus.add(['envoy talks', 'summit harbour'], 0);
    const index = new TermIndex({ ...base, ...termBounds(base, 0, normTable(2), corpus.copyOf) }, corpus.copyOf);
    index.append(corpus.add(['grain corridor'], index.nextId), corpus.copyOf);
    expect(index.weightOf('corridor')).toBeGreaterThan(0);
    corpus.remove(index, 2);
    expect(index.weightOf('corridor')).toBe(0);
    expect(index.top(['corridor'], 5)).toEqual({ hits: [], matched: 0, counted: 0 });
    expect(index.documentCount).toBe(2);
  });
});
