import type { CorpusIndex } from '../search/corpusIndex.js';
import { earliestReport, type Accept } from '../statements/reports.js';
import type { Ranked } from '../search/rank.js';
import { foldWord, indexTerm, words } from '../index/terms.js';
import { expectedAnswer, holdsAnswer } from './answerType.js';
import type { WordVectors } from './vectors.js';

/** How a topic question's short list is re-read for meaning. */
export const RERANK = {
  /** The best results by shared words that are re-read (the rest keep their order). */
  pool: 30,
  /** Below this cosine, two words are not taken as meaning alike. */
  minSimilarity: 0.5,
  /** Added to a sentence that holds the kind of answer the question asks for (a place for "where"). */
  answerKind: 0.5,
  /** The article (or articles) that the best results come from most, all of whose statements are re-read too. */
  articles: 1,
  /** What a topic word found only elsewhere in the sentence's article (its title, other sentences) counts for. */
  inArticle: 0.6,
};

/**
 * The short list to re-read: the best results, and every other statement of the articles most
 * of them come from. A question names what its article is about ("the Kalvo pipeline"), and the
 * sentence that answers it often does not repeat the name ("The route crosses two wetlands").
 */
export function poolWithArticles(index: CorpusIndex, ranked: readonly Ranked[], accept: Accept): { pool: Ranked[]; rest: Ranked[]; added: number } {
  const pool = ranked.slice(0, RERANK.pool);
  const weight = new Map<number, number>();
  for (const { sentence, score } of pool) weight.set(sentence.article, (weight.get(sentence.article) ?? 0) + score);
  const articles = [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RERANK.articles).map(([article]) => article);
  const seen = new Set(pool.map((r) => index.store.statement(r.sentence.id)));
  const added: Ranked[] = [];
  for (const article of articles) {
    for (const sentence of index.sentencesOf(article).slice(0, MAX_ARTICLE_SENTENCES)) {
      const statement = index.store.statement(sentence.id);
      if (seen.has(statement) || !accept(sentence.id)) continue;
      seen.add(statement);
      const shown = index.sentence(earliestReport(index, statement, accept) ?? sentence.id);
      if (shown) added.push({ sentence: shown, score: 0 });
    }
  }
  const addedIds = new Set(added.map((a) => a.sentence.id));
  const rest = ranked.slice(RERANK.pool).filter((r) => !addedIds.has(r.sentence.id));
  return { pool: [...pool, ...added], rest, added: added.length };
}

/**
 * Re-orders a topic question's best results by meaning: for each topic word, the closest word
 * of the sentence (1 for the word itself, else the cosine of their GloVe vectors when at least
 * minSimilarity), weighted by how rare the topic word is, plus a bonus for holding the kind of
 * answer asked for. Only the first `pool` results are re-read, so the cost is bounded.
 */
export function rerankByMeaning(
  index: CorpusIndex, vectors: WordVectors | null, question: string, topic: readonly string[], candidates: { pool: Ranked[]; rest: Ranked[] }, answerKinds = true,
): Ranked[] {
  const { pool, rest } = candidates;
  const kind = answerKinds ? expectedAnswer(question) : null;
  const asked = topicWords(index, vectors, topic);
  if (asked.length === 0 && !kind) return [...pool, ...rest];
  const total = asked.reduce((sum, w) => sum + w.weight, 0) || 1;
  const inArticle = articleContext(index, asked);
  const similar = similarities(vectors);
  const scored = pool.map((result, place) => {
    const text = index.textOf(result.sentence);
    const terms = new Set<string | null>();
    const rows = new Set<number>();
    for (const word of text.match(WORD) ?? []) {
      const info = wordInfo(word, vectors);
      terms.add(info.term);
      if (info.row >= 0) rows.add(info.row);
    }
    let meaning = 0;
    for (const word of asked) meaning += word.weight * Math.max(closeness(word, terms, rows, similar), inArticle(result.sentence.article, word.term) ? RERANK.inArticle : 0);
    const score = meaning / total + (kind && holdsAnswer(kind, text) ? RERANK.answerKind : 0);
    return { result, place, score };
  });
  scored.sort((a, b) => b.score - a.score || a.place - b.place);
  return [...scored.map(({ result, score }) => ({ sentence: result.sentence, score })), ...rest];
}

// An article's sentences re-read at most (a long article's first ones).
const MAX_ARTICLE_SENTENCES = 60;

// A word as written in a sentence (the index's tokenizer without its NFKC pass: stored text is NFC).
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Folding, stemming and finding a word's vector are most of the cost of re-reading a sentence,
// and the same words recur from question to question: each is worked out once, for the vectors in use.
const known = new Map<string, { term: string | null; row: number }>();
let knownFor: WordVectors | null = null;

function wordInfo(word: string, vectors: WordVectors | null): { term: string | null; row: number } {
  if (knownFor !== vectors) {
    known.clear();
    knownFor = vectors;
  }
  let info = known.get(word);
  if (!info) {
    const folded = foldWord(word);
    info = { term: indexTerm(folded), row: vectors?.row(folded) ?? -1 };
    if (known.size > 200_000) known.clear();
    known.set(word, info);
  }
  return info;
}

/** Whether a topic word stands in an article's title or any of its sentences (postings, not text: no article is read), cached per article. */
function articleContext(index: CorpusIndex, asked: readonly AskedWord[]): (article: number, term: string) => boolean {
  const known = new Map<number, Set<string>>();
  return (article, term) => {
    let found = known.get(article);
    if (!found) {
      const meta = index.articles.get(article);
      const title = new Set(words(meta?.meta.title ?? '').map((w) => indexTerm(foldWord(w))));
      found = new Set(asked.filter((w) => title.has(w.term) || (meta !== undefined && index.terms.occursIn(w.term, meta.firstSentence, meta.firstSentence + meta.sentences))).map((w) => w.term));
      known.set(article, found);
    }
    return found.has(term);
  };
}

interface AskedWord {
  term: string;
  row: number | undefined;
  weight: number;
}

function topicWords(index: CorpusIndex, vectors: WordVectors | null, topic: readonly string[]): AskedWord[] {
  const out = new Map<string, AskedWord>();
  for (const word of topic) {
    const folded = foldWord(word);
    const term = indexTerm(folded);
    if (!term || out.has(term)) continue;
    // A word no sentence has is as rare as a word can be: it is what the meaning must find.
    const weight = index.terms.weightOf(term) || Math.log(1 + (index.terms.documentCount + 0.5) / 0.5);
    out.set(term, { term, row: vectors?.row(folded), weight });
  }
  return [...out.values()];
}

/** The cosine of two vector rows, each pair worked out once per question (the same words recur in the sentences re-read). */
function similarities(vectors: WordVectors | null): ((a: number, b: number) => number) | null {
  if (!vectors) return null;
  const known = new Map<number, number>();
  return (a, b) => {
    const key = a * 131_072 + b;
    let similarity = known.get(key);
    if (similarity === undefined) {
      similarity = vectors.rowSimilarity(a, b);
      known.set(key, similarity);
    }
    return similarity;
  };
}

/** 1 when the sentence has the word's own term, else the best cosine of its words' vectors if close enough. */
function closeness(word: AskedWord, terms: Set<string | null>, rows: ReadonlySet<number>, similar: ((a: number, b: number) => number) | null): number {
  if (terms.has(word.term)) return 1;
  if (!similar || word.row === undefined) return 0;
  let best = 0;
  for (const row of rows) {
    const similarity = similar(word.row, row);
    if (similarity > best) best = similarity;
  }
  return best >= RERANK.minSimilarity ? best : 0;
}
