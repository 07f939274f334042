import type { CorpusIndex, StoredSentence } from './corpusIndex.js';
import type { Hit, RelatedTerm } from '../index/search.js';
import type { Query } from './understand.js';
import { ACCEPT_ALL, earliestReport, type Accept } from '../statements/reports.js';
import { seek } from '../index/seek.js';

export interface Ranked {
  sentence: StoredSentence;
  score: number;
}

export interface RankedPage {
  /** The best `wanted` results, best first, each statement once, by its earliest report. */
  ranked: Ranked[];
  /** How many statements there are in all (see topicPage for when this is an upper bound). */
  total: number;
}

/**
 * Ranks sentences for a query. For a speaker: that person's statements only, those about the
 * topic first by relevance, then the rest by confidence. Otherwise: the sentences that best
 * match the topic, attributed statements ahead of plain narration. Never a statement twice:
 * its reports (wire copies, the same quoted words elsewhere, variants) count and show once, by
 * the earliest report the filters keep.
 */
export function rank(index: CorpusIndex, query: Query, wanted: number, articles: Uint8Array | null = null): RankedPage {
  if (query.unknownSpeaker !== null) return { ranked: [], total: 0 };
  if (query.speaker) return speakerPage(index, query.speaker.id, query.topic, wanted, articles, false);
  if (query.topic.length === 0) return { ranked: [], total: 0 };
  const related = query.related ?? [];
  return articles ? filteredTopicPage(index, query.topic, related, wanted, articles) : topicPage(index, query.topic, related, wanted);
}

/**
 * One person's statements, best first. `articles`: per article, 1 when a filter keeps it; null
 * when nothing is filtered. With `topicOnly`, a topic keeps only the statements about it (/compare);
 * otherwise they come first and the rest follow (/quotes).
 */
export function speakerPage(index: CorpusIndex, speakerId: number, topic: readonly string[], wanted: number, articles: Uint8Array | null, topicOnly: boolean): RankedPage {
  const all = Array.from(index.store.statementsOf(speakerId));
  const articleOf = index.store.data.article;
  const kept = articles ? all.filter((id) => articles[articleOf[id] as number] === 1) : all;
  const relevance = new Map<number, number>();
  if (topic.length > 0) {
    for (const hit of index.terms.searchAmong(topic, kept)) relevance.set(hit.id, hit.score);
  }
  const statements = topicOnly && topic.length > 0 ? kept.filter((id) => relevance.has(id)) : kept;
  const hits: Hit[] = statements.map((id) => {
    const related = relevance.get(id);
    const confidence = index.store.confidence(id);
    // Topic matches always rank above the rest; confidence orders within each group.
    return { id, score: related === undefined ? confidence : 1 + related * (0.5 + confidence) };
  });
  hits.sort((a, b) => b.score - a.score || byPlace(index, a.id, b.id));
  return { ranked: distinct(index, hits, wanted, speakerAccept(index, speakerId, articles)), total: new Set(statements.map((id) => index.store.statement(id))).size };
}

/** A statement is shown by its earliest report that this person is named in (a copy elsewhere may name someone else), among the kept articles. */
export function speakerAccept(index: CorpusIndex, speakerId: number, articles: Uint8Array | null): Accept {
  const { speaker, article } = index.store.data;
  const own = index.store.statementsOf(speakerId);
  // A joint statement ("X and Y said") is in each speaker's list, though its speaker is the first named.
  const theirs = (id: number) => speaker[id] === speakerId || (own[seek(own, 0, own.length, id)] === id);
  return (id) => theirs(id) && (!articles || articles[article[id] as number] === 1);
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
// Up to this many distinct texts matched, every match is ranked and the statements among them
// counted exactly; past it, the count is of distinct texts, an upper bound on statements (a
// statement reported in several wordings that all match counts once for each wording).
const EXACT_COUNT = 300;

/**
 * The best `wanted` distinct texts for a topic. Wire copies of one text match the same words, so
 * the distinct total is the number of first copies matched; a few spare results make up for
 * copies removed, and only when copies crowd out even those is the whole match ranked.
 */
function topicPage(index: CorpusIndex, topic: string[], related: readonly RelatedTerm[], wanted: number): RankedPage {
  // Attributed statements are what people ask for: they outrank narration of equal relevance.
  // Confidence is in hundredths: at most 100.
  const boost = { factors: index.store.data.confidence, scale: 1 / 100, max: 100 };
  const ranking = index.terms.top(topic, wanted + SPARE, boost, related);
  if (ranking.counted <= EXACT_COUNT || distinct(index, ranking.hits, wanted, ACCEPT_ALL).length < Math.min(wanted, ranking.counted)) {
    return everyMatch(index, index.terms.top(topic, ranking.matched, boost, related).hits, wanted, ACCEPT_ALL);
  }
  return { ranked: distinct(index, ranking.hits, wanted, ACCEPT_ALL), total: ranking.counted };
}

/** A page from the whole ranked match, and the statements in it counted. */
function everyMatch(index: CorpusIndex, hits: readonly Hit[], wanted: number, accept: Accept): RankedPage {
  return { ranked: distinct(index, hits, wanted, accept), total: statementsAmong(index, hits) };
}

function statementsAmong(index: CorpusIndex, hits: readonly Hit[]): number {
  const statements = new Set<number>();
  for (const hit of hits) statements.add(index.store.statement(hit.id));
  return statements.size;
}

/** A topic among the articles a filter keeps: every posting scored, counts of what passes. */
function filteredTopicPage(index: CorpusIndex, topic: string[], related: readonly RelatedTerm[], wanted: number, articles: Uint8Array): RankedPage {
  const boost = { factors: index.store.data.confidence, scale: 1 / 100, max: 100 };
  const articleOf = index.store.data.article;
  const keep = (doc: number) => articles[articleOf[doc] as number] === 1;
  const accept: Accept = (id) => keep(id);
  const ranking = index.terms.topWhere(topic, wanted + SPARE, keep, boost, related);
  if (ranking.counted <= EXACT_COUNT || distinct(index, ranking.hits, wanted, accept).length < Math.min(wanted, ranking.counted)) {
    return everyMatch(index, index.terms.topWhere(topic, ranking.matched, keep, boost, related).hits, wanted, accept);
  }
  return { ranked: distinct(index, ranking.hits, wanted, accept), total: ranking.counted };
}

/** The results in order, each statement once where it ranks best, shown by its earliest report that `accept` keeps. */
function distinct(index: CorpusIndex, sorted: readonly Hit[], wanted: number, accept: Accept): Ranked[] {
  const kept: Ranked[] = [];
  const seen = new Set<number>();
  for (const hit of sorted) {
    if (kept.length >= wanted) break;
    const statement = index.store.statement(hit.id);
    if (seen.has(statement)) continue;
    seen.add(statement);
    const sentence = index.sentence(earliestReport(index, statement, accept) ?? hit.id);
    if (sentence) kept.push({ sentence, score: hit.score });
  }
  return kept;
}
