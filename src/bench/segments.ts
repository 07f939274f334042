import { CorpusIndex } from '../search/corpusIndex.js';
import { SentenceStore } from '../index/sentenceStore.js';
import { TermIndex, TermIndexBuilder, invert, type Postings } from '../index/termIndex.js';
import { averageOf, normTable, sumOf } from '../index/postings.js';
import { termBounds } from '../index/topDocuments.js';
import type { IndexData } from '../build/assemble.js';
import type { Answer } from '../answer.js';

/**
 * The term index of a built corpus split as the bot would hold it after `count` articles were
 * added one by one and nothing was merged yet: one segment over every earlier sentence, then one
 * small segment per added article (the last `count` articles of the corpus), each inverted from
 * its sentences' text as an added article's would be. Only the term index is split: the rest of
 * the index (store, speakers, statements) is the full build's.
 */
export function segmentedIndex(data: IndexData, count: number): CorpusIndex {
  const firsts = data.articles.firstSentence;
  const articles = firsts.length;
  const cutArticle = Math.max(0, articles - count);
  const sentences = data.store.copyOf.length;
  const cut = cutArticle < articles ? (firsts[cutArticle] as number) : sentences;
  const base = postingsBefore(data.terms, cut);
  const norms = normTable(averageOf(sumOf(base.lengths), base.lengths.length));
  const terms = new TermIndex({ ...base, ...termBounds(base, 0, norms, data.store.copyOf) }, data.store.copyOf);
  const store = new SentenceStore(data.store);
  for (let a = cutArticle; a < articles; a++) {
    const from = firsts[a] as number;
    const to = a + 1 < articles ? (firsts[a + 1] as number) : sentences;
    const builder = new TermIndexBuilder();
    for (let id = from; id < to; id++) builder.add(store.text(id));
    terms.append(invert(builder.documents(), from), data.store.copyOf);
  }
  return CorpusIndex.fromData(data, terms);
}

/** The postings of documents [0, cut) alone: each term's list cut where its ids reach `cut` (they are sorted), empty terms dropped. */
function postingsBefore(data: Postings, cut: number): Postings {
  const ends = data.terms.map((_, id) => firstAtLeast(data.docs, data.offsets[id] as number, data.offsets[id + 1] as number, cut));
  const kept = data.terms.map((_, id) => id).filter((id) => (ends[id] as number) > (data.offsets[id] as number));
  const offsets = new Uint32Array(kept.length + 1);
  kept.forEach((id, k) => (offsets[k + 1] = (offsets[k] as number) + (ends[id] as number) - (data.offsets[id] as number)));
  const docs = new Uint32Array(offsets[kept.length] as number);
  const freqs = new Uint8Array(docs.length);
  kept.forEach((id, k) => {
    const from = data.offsets[id] as number;
    docs.set(data.docs.subarray(from, ends[id]), offsets[k]);
    freqs.set(data.freqs.subarray(from, ends[id]), offsets[k]);
  });
  return { terms: kept.map((id) => data.terms[id] as string), offsets, docs, freqs, lengths: data.lengths.slice(0, cut) };
}

/** The first position in sorted `values[from, to)` whose value is at least `target`. */
function firstAtLeast(values: Uint32Array, from: number, to: number, target: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What an answer shows, to check that two indexes answer alike: texts, order, scores, speakers, alsoIn. */
export function shownAnswer(answer: Answer): string {
  return JSON.stringify(answer.results.map((r) => [r.text, r.score, r.speaker, r.source, r.alsoIn]));
}
