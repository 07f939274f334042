import type { CorpusIndex } from '../search/corpusIndex.js';
import type { Ranked } from '../search/rank.js';
import { foldWord, indexTerm, words } from '../search/terms.js';
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
};

/**
 * Re-orders a topic question's best results by meaning: for each topic word, the closest word
 * of the sentence (1 for the word itself, else the cosine of their GloVe vectors when at least
 * minSimilarity), weighted by how rare the topic word is, plus a bonus for holding the kind of
 * answer asked for. Only the first `pool` results are re-read, so the cost is bounded.
 */
export function rerankByMeaning(index: CorpusIndex, vectors: WordVectors | null, question: string, topic: readonly string[], ranked: readonly Ranked[], answerKinds = true): Ranked[] {
  const kind = answerKinds ? expectedAnswer(question) : null;
  const asked = topicWords(index, vectors, topic);
  if (asked.length === 0 && !kind) return [...ranked];
  const total = asked.reduce((sum, w) => sum + w.weight, 0) || 1;
  const pool = ranked.slice(0, RERANK.pool);
  const scored = pool.map((result, place) => {
    const text = index.textOf(result.sentence);
    const said = words(text).map(foldWord);
    const terms = new Set(said.map(indexTerm));
    const rows = vectors ? said.flatMap((w) => vectors.row(w) ?? []) : [];
    let meaning = 0;
    for (const word of asked) meaning += word.weight * closeness(word, terms, rows, vectors);
    const score = meaning / total + (kind && holdsAnswer(kind, text) ? RERANK.answerKind : 0);
    return { result, place, score };
  });
  scored.sort((a, b) => b.score - a.score || a.place - b.place);
  return [...scored.map(({ result, score }) => ({ sentence: result.sentence, score })), ...ranked.slice(RERANK.pool)];
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

/** 1 when the sentence has the word's own term, else the best cosine of its words' vectors if close enough. */
function closeness(word: AskedWord, terms: Set<string | null>, rows: readonly number[], vectors: WordVectors | null): number {
  if (terms.has(word.term)) return 1;
  if (!vectors || word.row === undefined) return 0;
  let best = 0;
  for (const row of rows) {
    const similarity = vectors.rowSimilarity(word.row, row);
    if (similarity > best) best = similarity;
  }
  return best >= RERANK.minSimilarity ? best : 0;
}
