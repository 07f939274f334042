import type { CorpusIndex } from '../search/corpusIndex.js';

/** Which reports an answer may show or list: those in the articles its filters keep (and, for a speaker's page, that speaker's). */
export type Accept = (sentence: number) => boolean;

export const ACCEPT_ALL: Accept = () => true;

/** The other reports of a shown statement: articles carrying the same words, and sentences giving them in other words. */
export interface OtherReports {
  /** Articles (ids) with the same sentence, or the same speaker's same quoted words, oldest first. */
  alsoIn: number[];
  /** Sentences (ids) in other articles giving the statement in other words, oldest first. */
  variants: number[];
}

/** The statement's earliest report that `accept` keeps, or null when it keeps none. */
export function earliestReport(index: CorpusIndex, statement: number, accept: Accept): number | null {
  let best: number | null = null;
  for (const report of index.store.reportsOf(statement)) {
    if (accept(report) && (best === null || earlier(index, report, best))) best = report;
  }
  return best;
}

/** Every report of the shown sentence's statement but those in its own article, split into the same words and other words. */
export function otherReports(index: CorpusIndex, shown: number, accept: Accept): OtherReports {
  const { store } = index;
  const ownArticle = store.data.article[shown] as number;
  const same = new Set<number>();
  const others: number[] = [];
  for (const report of store.reportsOf(store.statement(shown))) {
    const article = store.data.article[report] as number;
    if (report === shown || article === ownArticle || !accept(report)) continue;
    if (sameWords(index, shown, report)) same.add(article);
    else others.push(report);
  }
  const byArticle = (a: number, b: number) => compareArticles(index, a, b);
  const variants = others.filter((report) => !same.has(store.data.article[report] as number));
  return {
    alsoIn: [...same].sort(byArticle),
    variants: variants.sort((a, b) => byArticle(store.data.article[a] as number, store.data.article[b] as number) || a - b),
  };
}

/** The same sentence, or the same quoted words (the signature key hashes them in order). */
function sameWords(index: CorpusIndex, a: number, b: number): boolean {
  const { quoteKey } = index.store.data;
  const key = quoteKey[a] as number;
  return (key !== 0 && key === quoteKey[b]) || index.store.sameText(a, b);
}

function earlier(index: CorpusIndex, a: number, b: number): boolean {
  const { article } = index.store.data;
  return (compareArticles(index, article[a] as number, article[b] as number) || a - b) < 0;
}

/** Publication order: dated articles by date, then undated ones, then corpus order. */
export function compareArticles(index: CorpusIndex, a: number, b: number): number {
  if (a === b) return 0;
  const dateA = index.articles.get(a)?.meta.published ?? null;
  const dateB = index.articles.get(b)?.meta.published ?? null;
  if (dateA !== dateB) {
    if (dateA === null) return 1;
    if (dateB === null) return -1;
    return dateA < dateB ? -1 : 1;
  }
  return a - b;
}
