import type { CorpusIndex, StoredSentence } from './corpusIndex.js';
import type { Hit, Hits } from './termIndex.js';
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
 * match the topic, attributed statements ahead of plain narration. Never a sentence twice:
 * wire copies of one text count and show once.
 */
export function rank(index: CorpusIndex, query: Query, wanted: number): RankedPage {
  if (query.unknownSpeaker !== null) return { ranked: [], total: 0 };
  if (query.speaker) return speakerPage(index, query.speaker.id, query.topic, wanted);
  if (query.topic.length === 0) return { ranked: [], total: 0 };
  // Attributed statements are what people ask for: they outrank narration of equal relevance.
  const hits = index.terms.match(query.topic, { factors: index.store.data.confidence, scale: 1 / 100 });
  return topicPage(index, hits, wanted);
}

function speakerPage(index: CorpusIndex, speakerId: number, topic: string[], wanted: number): RankedPage {
  const statements = Array.from(index.store.statementsOf(speakerId));
  const relevance = new Map<number, number>();
  if (topic.length > 0) {
    for (const hit of index.terms.searchAmong(topic, statements)) relevance.set(hit.id, hit.score);
  }
  const hits: Hit[] = statements.map((id) => {
    const related = relevance.get(id);
    const confidence = index.store.confidence(id);
    // Topic matches always rank above the rest; confidence orders within each group.
    return { id, score: related === undefined ? confidence : 1 + related * (0.5 + confidence) };
  });
  hits.sort((a, b) => b.score - a.score || byPlace(index, a.id, b.id));
  return { ranked: distinct(index, hits, wanted), total: new Set(statements.map((id) => index.store.group(id))).size };
}

/** Newer articles first, then reading order. */
function byPlace(index: CorpusIndex, a: number, b: number): number {
  const { article } = index.store.data;
  const articleA = article[a] as number;
  const articleB = article[b] as number;
  if (articleA === articleB) return a - b;
  const dateA = index.articles.get(articleA)?.meta.published ?? '';
  const dateB = index.articles.get(articleB)?.meta.published ?? '';
  return dateB.localeCompare(dateA) || articleA - articleB;
}

// Extra results chosen beyond those wanted, to make up for wire copies removed as duplicates.
const SPARE = 32;

/**
 * The best `wanted` of a large set of hits, without an object per hit or a full sort: a small
 * heap over the typed arrays. Equal scores keep corpus order. All copies of a text match the
 * same words, so the distinct total is the number of first copies.
 */
function topicPage(index: CorpusIndex, hits: Hits, wanted: number): RankedPage {
  const { copyOf } = index.store.data;
  let total = 0;
  for (let i = 0; i < hits.count; i++) if ((copyOf[hits.ids[i] as number] as number) < 0) total++;
  const best = topK(hits, wanted + SPARE);
  let ranked = distinct(index, best, wanted);
  if (ranked.length < Math.min(wanted, total)) ranked = distinct(index, topK(hits, hits.count), wanted);
  return { ranked, total };
}

/** The results in order, keeping the first of each text. */
function distinct(index: CorpusIndex, sorted: readonly Hit[], wanted: number): Ranked[] {
  const kept: Ranked[] = [];
  const groups = new Set<number>();
  for (const hit of sorted) {
    if (kept.length >= wanted) break;
    const group = index.store.group(hit.id);
    if (groups.has(group)) continue;
    groups.add(group);
    const sentence = index.sentence(hit.id);
    if (sentence) kept.push({ sentence, score: hit.score });
  }
  return kept;
}

/**
 * The k best hits, best first (ties: lower id first), with a binary min-heap of positions. Most
 * hits fall below the heap's worst, so that test comes first, inline, before any heap work.
 */
function topK(hits: Hits, k: number): Hit[] {
  const { ids, scores } = hits;
  const heap: number[] = [];
  // a is worse than b: lower score, or equal score and later in the corpus.
  const worse = (a: number, b: number) =>
    (scores[a] as number) < (scores[b] as number) || ((scores[a] as number) === (scores[b] as number) && (ids[a] as number) > (ids[b] as number));
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j] as number, heap[i] as number]);
  let floorScore = -Infinity;
  let floorId = 0;
  for (let i = 0; i < hits.count; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0 && worse(heap[c] as number, heap[(c - 1) >> 1] as number); c = (c - 1) >> 1) swap(c, (c - 1) >> 1);
    } else {
      const score = scores[i] as number;
      if (score < floorScore || (score === floorScore && (ids[i] as number) > floorId)) continue;
      heap[0] = i;
      for (let c = 0; ;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let w = c;
        if (l < heap.length && worse(heap[l] as number, heap[w] as number)) w = l;
        if (r < heap.length && worse(heap[r] as number, heap[w] as number)) w = r;
        if (w === c) break;
        swap(c, w);
        c = w;
      }
    }
    if (heap.length === k) {
      floorScore = scores[heap[0] as number] as number;
      floorId = ids[heap[0] as number] as number;
    }
  }
  return heap
    .map((i) => ({ id: ids[i] as number, score: scores[i] as number }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
