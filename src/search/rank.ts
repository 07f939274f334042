import type { CorpusIndex, StoredSentence } from './corpusIndex.js';
import type { Hit } from './termIndex.js';
import type { Query } from './understand.js';

export interface Ranked {
  sentence: StoredSentence;
  score: number;
}

export interface RankedPage {
  /** The best `wanted` results, best first, each sentence text once. */
  ranked: Ranked[];
  /** How many distinct results there are in all. */
  total: number;
}

/**
 * Ranks sentences for a query. For a speaker: that person's statements only, those about the
 * topic first by relevance, then the rest by confidence. Otherwise: the sentences that best
 * match the topic, attributed statements ahead of plain narration. Never a sentence twice.
 */
export function rank(index: CorpusIndex, query: Query, wanted: number): RankedPage {
  if (query.unknownSpeaker !== null) return { ranked: [], total: 0 };
  const hits = query.speaker ? speakerHits(index, query.speaker.id, query.topic) : topicHits(index, query.topic);
  return page(index, hits, wanted);
}

function speakerHits(index: CorpusIndex, speakerId: number, topic: string[]): Hit[] {
  const statements = index.statementsBySpeaker[speakerId] ?? [];
  const relevance = new Map<number, number>();
  if (topic.length > 0) {
    for (const hit of index.terms.search(topic, { among: statements })) relevance.set(hit.id, hit.score);
  }
  return statements.map((id) => {
    const related = relevance.get(id);
    const confidence = index.store.confidence(id);
    // Topic matches always rank above the rest; confidence orders within each group.
    return { id, score: related === undefined ? confidence : 1 + related * (0.5 + confidence) };
  });
}

function topicHits(index: CorpusIndex, topic: string[]): Hit[] {
  if (topic.length === 0) return [];
  // Attributed statements are what people ask for: they outrank narration of equal relevance.
  return index.terms.search(topic, { boost: (id) => 1 + index.store.confidence(id) });
}

/** Best first; equal scores: newer articles first, then reading order. */
function compare(index: CorpusIndex): (a: Hit, b: Hit) => number {
  return (a, b) => b.score - a.score || byPlace(index, a.id, b.id);
}

function byPlace(index: CorpusIndex, a: number, b: number): number {
  const { article } = index.store.data;
  const articleA = article[a] as number;
  const articleB = article[b] as number;
  if (articleA === articleB) return a - b;
  const dateA = index.articles[articleA]?.meta.published ?? '';
  const dateB = index.articles[articleB]?.meta.published ?? '';
  return dateB.localeCompare(dateA) || articleA - articleB;
}

// Extra results chosen beyond those wanted, to make up for wire copies removed as duplicates.
const SPARE = 32;

/** The first `wanted` distinct results and the distinct total, without sorting every hit. */
function page(index: CorpusIndex, hits: Hit[], wanted: number): RankedPage {
  const order = compare(index);
  const { textHash } = index.store.data;
  const total = new Set(hits.map((h) => textHash[h.id])).size;
  let best = hits.length > 4 * (wanted + SPARE) ? topK(hits, wanted + SPARE, order) : [...hits].sort(order);
  let ranked = distinct(index, best, wanted);
  if (ranked.length < Math.min(wanted, total) && best.length < hits.length) {
    best = [...hits].sort(order);
    ranked = distinct(index, best, wanted);
  }
  return { ranked, total };
}

function distinct(index: CorpusIndex, sorted: readonly Hit[], wanted: number): Ranked[] {
  const kept: Ranked[] = [];
  for (const hit of sorted) {
    if (kept.length >= wanted) break;
    if (kept.some((k) => index.store.sameText(k.sentence.id, hit.id))) continue;
    const sentence = index.sentence(hit.id);
    if (sentence) kept.push({ sentence, score: hit.score });
  }
  return kept;
}

/** The k best hits in order, with a small binary heap: O(n log k) rather than a full sort. */
function topK(hits: readonly Hit[], k: number, order: (a: Hit, b: Hit) => number): Hit[] {
  const heap: Hit[] = [];
  // The heap's root is the worst of the best k so far.
  const worse = (a: Hit, b: Hit) => order(a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as Hit, heap[parent] as Hit)) break;
      [heap[i], heap[parent]] = [heap[parent] as Hit, heap[i] as Hit];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left] as Hit, heap[worst] as Hit)) worst = left;
      if (right < heap.length && worse(heap[right] as Hit, heap[worst] as Hit)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as Hit, heap[i] as Hit];
      i = worst;
    }
  };
  for (const hit of hits) {
    if (heap.length < k) {
      heap.push(hit);
      up(heap.length - 1);
    } else if (order(hit, heap[0] as Hit) < 0) {
      heap[0] = hit;
      down(0);
    }
  }
  return heap.sort(order);
}
