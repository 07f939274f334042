/**
 * What answering questions reads from the term index: the one interface between the storage
 * engine (this folder) and ranking (src/search, src/questions, src/meaning). Everything a
 * question asks of the postings goes through it, so a change in how the postings are stored
 * (one set of arrays today, segments next) stays inside src/index/.
 */

/** An index term standing in for a query word (a synonym), and how much a match on it counts. */
export interface RelatedTerm {
  term: string;
  weight: number;
}

export interface Hit {
  id: number;
  score: number;
}

/** The best documents for a query, best first; how many documents matched, and how many of those were counted. */
export interface Ranking {
  hits: Hit[];
  matched: number;
  counted: number;
}

/** A per-document score factor 1 + factors[doc] · scale, from a typed array (no call per hit). */
export interface Boost {
  factors: Uint8Array;
  scale: number;
  /** The largest value in `factors` (a bound for pruning: the tighter, the less is scored). */
  max: number;
}

export interface TermSearch {
  /** How many documents (sentences) are searched. */
  readonly documentCount: number;
  /**
   * The `k` best documents for any query word (BM25+ times the boost; ties: lower id first),
   * how many documents match, and how many of those are distinct texts.
   */
  top(query: readonly string[], k: number, boost?: Boost, related?: readonly RelatedTerm[]): Ranking;
  /** As `top`, among the documents `keep` accepts (a filter by date or outlet). */
  topWhere(query: readonly string[], k: number, keep: (doc: number) => boolean, boost?: Boost, related?: readonly RelatedTerm[]): Ranking;
  /** The given documents (a speaker's statements) that match any query word, unordered. */
  searchAmong(query: readonly string[], among: readonly number[]): Hit[];
  /** How much a term tells (its inverse document frequency); 0 for a term no document has. */
  weightOf(term: string): number;
  /** Whether any document with id in [from, to) holds the term (an article's sentences are such a range). */
  occursIn(term: string, from: number, to: number): boolean;
}
