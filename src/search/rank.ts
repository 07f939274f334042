import type { SearchResult } from 'minisearch';
import type { CorpusIndex, StoredSentence } from './corpusIndex.js';
import type { Query } from './understand.js';

export interface Ranked {
  sentence: StoredSentence;
  score: number;
}

// A misspelt topic word still finds its sentences: a fifth of its letters may differ.
const FUZZY_TOPIC = 0.2;

/**
 * Ranks sentences for a query. For a speaker: that person's statements only, those about the
 * topic first by relevance, then the rest by confidence. Otherwise: the sentences that best
 * match the topic, attributed statements ahead of plain narration. Never a sentence twice.
 */
export function rank(index: CorpusIndex, query: Query): Ranked[] {
  if (query.unknownSpeaker !== null) return [];
  const ranked = query.speaker ? rankSpeaker(index, query.speaker.id, query.topic) : rankTopic(index, query.topic);
  return dedupe(index, ranked);
}

function rankSpeaker(index: CorpusIndex, speakerId: number, topic: string[]): Ranked[] {
  const statements = index.statementsBySpeaker[speakerId] ?? [];
  const own = new Set(statements);
  const relevance = new Map<number, number>();
  if (topic.length > 0) {
    for (const hit of searchTopic(index, topic, (id) => own.has(id))) relevance.set(hit.id as number, hit.score);
  }
  return statements
    .map((id) => index.sentences[id])
    .filter((s): s is StoredSentence => !!s)
    .map((sentence) => {
      const related = relevance.get(sentence.id);
      // Topic matches always rank above the rest; confidence orders within each group.
      const score = related === undefined ? sentence.confidence : 1 + related * (0.5 + sentence.confidence);
      return { sentence, score };
    })
    .sort((a, b) => b.score - a.score || byPlace(index, a.sentence, b.sentence));
}

function rankTopic(index: CorpusIndex, topic: string[]): Ranked[] {
  if (topic.length === 0) return [];
  return searchTopic(index, topic, () => true)
    .map((hit) => ({ sentence: index.sentences[hit.id as number], score: hit.score }))
    .filter((r): r is Ranked => !!r.sentence)
    .sort((a, b) => b.score - a.score || byPlace(index, a.sentence, b.sentence));
}

function searchTopic(index: CorpusIndex, topic: string[], allow: (id: number) => boolean): SearchResult[] {
  const text = topic.join(' ');
  // Attributed statements are what people ask for: they outrank narration of equal relevance.
  const boostDocument = (id: number) => 1 + (index.sentences[id]?.confidence ?? 0);
  const filter = (result: SearchResult) => allow(result.id as number);
  const exact = index.search.search(text, { filter, boostDocument, fields: ['text'] });
  if (exact.length > 0) return exact;
  return index.search.search(text, { filter, boostDocument, fields: ['text'], fuzzy: FUZZY_TOPIC, prefix: true });
}

/** Newer articles first, then reading order. */
function byPlace(index: CorpusIndex, a: StoredSentence, b: StoredSentence): number {
  const dateA = index.articles[a.article]?.meta.published ?? '';
  const dateB = index.articles[b.article]?.meta.published ?? '';
  return dateB.localeCompare(dateA) || a.article - b.article || a.start - b.start;
}

/** One result per distinct sentence text (wire copies repeat sentences word for word). */
function dedupe(index: CorpusIndex, ranked: Ranked[]): Ranked[] {
  const seen = new Set<string>();
  return ranked.filter(({ sentence }) => {
    const key = index.textOf(sentence).replace(/\s+/g, ' ').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
