import type { CorpusIndex } from '../search/corpusIndex.js';
import { foldWord, indexTerm, words } from '../index/terms.js';
import { quotedStretches } from '../statements/quotedWords.js';
import { ACCEPT_ALL, compareArticles, earliestReport } from '../statements/reports.js';

/** A statement whose words are close to the quote asked about, shown by its earliest report. */
export interface QuoteMatch {
  sentence: number;
  /** 0–1: how much of the quote the statement's words hold (see `closeness`). */
  score: number;
}

// Sentences that share words with the quote, read closely; more than enough for a page of matches.
const CANDIDATES = 400;
// A statement "said it" when its words hold this share of the quote's content words (weighted by
// how rare each word is) and this share of all its words in order. Below that, a few shared words
// are chance ("nobody in these articles said that").
export const MIN_CONTENT = 0.6;
export const MIN_IN_ORDER = 0.5;

/**
 * Who said these words, or words close to them (/whosaid): statements, named or not, whose quoted
 * words (the whole sentence for reported speech) hold the quote best, each statement once.
 */
export function whoSaid(index: CorpusIndex, quote: string): QuoteMatch[] {
  const asked = words(quote).map(foldWord);
  const terms = [...new Set(asked.flatMap((w) => indexTerm(w) ?? []))];
  const weight = new Map(terms.map((t) => [t, Math.max(index.terms.weightOf(t), 0.01)]));
  const total = [...weight.values()].reduce((sum, w) => sum + w, 0);
  if (asked.length === 0) return [];
  const best = new Map<number, number>();
  for (const hit of index.terms.top(asked, CANDIDATES).hits) {
    const sentence = index.store.get(hit.id);
    if (!sentence || (sentence.speaker === null && !sentence.anonymous && sentence.quote === null)) continue;
    const said = saidWords(index.textOf(sentence), sentence.quote === 'direct');
    const score = closeness(asked, weight, total, said);
    if (score === null) continue;
    const statement = index.store.statement(hit.id);
    if ((best.get(statement) ?? -1) < score) best.set(statement, score);
  }
  const articleOf = index.store.data.article;
  return [...best.entries()]
    .map(([statement, score]) => ({ sentence: earliestReport(index, statement, ACCEPT_ALL) ?? statement, score }))
    .sort((a, b) => b.score - a.score || compareArticles(index, articleOf[a.sentence] as number, articleOf[b.sentence] as number) || a.sentence - b.sentence);
}

/** The words a sentence puts in someone's mouth: its quotation for a direct quote, else all of it (reported speech). */
function saidWords(text: string, direct: boolean): string[] {
  const stretches = direct ? quotedStretches(text) : [];
  return words(stretches.length > 0 ? stretches.join(' ') : text).map(foldWord);
}

/**
 * How close a statement's words are to the quote, or null when not close enough: the share of
 * the quote's content words it holds (rare words count more), blended with the share of the
 * quote's words it has in the same order (so "we will not give up" needs more than "give").
 */
function closeness(asked: readonly string[], weight: ReadonlyMap<string, number>, total: number, said: readonly string[]): number | null {
  const saidTerms = new Set(said.flatMap((w) => indexTerm(w) ?? []));
  let held = 0;
  for (const [term, w] of weight) if (saidTerms.has(term)) held += w;
  const content = total > 0 ? held / total : 1;
  const inOrder = commonInOrder(asked, said) / asked.length;
  if (content < MIN_CONTENT || inOrder < MIN_IN_ORDER) return null;
  return 0.75 * content + 0.25 * inOrder;
}

/** Length of the longest common subsequence of two word lists. */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (const word of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = word === b[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
