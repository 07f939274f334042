import { Growable } from './growable.js';
import { editDistance, indexTerm, words } from './terms.js';
import { Interner } from './interner.js';
import { impact, topDocuments, topDocumentsWhere, type RankingContext } from './topDocuments.js';
import { indexOfSorted, seek } from './seek.js';
import type { Boost, Hit, Ranking, RelatedTerm, TermSearch } from './search.js';

export type { Boost, Hit, Ranking, RelatedTerm } from './search.js';

/**
 * BM25+ parameters, tuned for one-sentence documents: their lengths vary little and say little
 * about verbosity, so length normalisation is weak (b 0.3; 0.75 is usual for pages); a term
 * rarely repeats in a sentence, so the usual saturation (k1 1.2) and the BM25+ floor (d 0.5) stay.
 */
export const BM25 = { k1: 1.2, b: 0.3, d: 0.5 };

/** Weights of approximate matches, used only when no word of the query matches exactly. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
// A fifth of a word's letters may differ in the fallback (at least one).
const FUZZY_SHARE = 0.2;
const MIN_PREFIX = 3;

/** The arrays that make up a term index: plain typed arrays and one sorted term list. */
export interface TermIndexData {
  /** Terms in sorted order; a term's id is its position. */
  terms: string[];
  /** Postings of term t: docs[offsets[t] .. offsets[t + 1]), with their term frequencies. */
  offsets: Uint32Array;
  docs: Uint32Array;
  freqs: Uint8Array;
  /** Per document: k1 · (1 − b + b · length / average length), BM25's length term (see lengthNorms). */
  norms: Float32Array;
  /** Per term: the highest impact of its postings, and how many of its documents are distinct texts (see termBounds). */
  maxImpacts: Float32Array;
  distinct: Uint32Array;
}

/** The postings alone, before the per-term figures that need the whole index. */
export type Postings = Omit<TermIndexData, 'maxImpacts' | 'distinct'>;

/**
 * An inverted index over sentences in typed arrays: about 5 bytes a posting, no object per
 * term or document, so it stays small at a million sentences, moves between threads without
 * copying, and saves as raw bytes.
 */
export class TermIndex implements TermSearch {
  private readonly norms: Float32Array;
  private readonly ranking: RankingContext;
  private readonly stems = new Map<string, string | null>();

  /** `copyOf`: per document, -1 for the first with its text (repeats are ranked, but counted once). */
  constructor(readonly data: TermIndexData, copyOf: Int32Array) {
    // Norms and bounds are computed where the index is built: putting an index in service makes no pass over it.
    this.norms = data.norms;
    const documents = data.norms.length;
    this.ranking = { data, copyOf, scratch: new Float64Array(documents), touched: new Uint32Array(documents), marks: new Uint8Array(documents) };
  }

  get documentCount(): number {
    return this.data.norms.length;
  }

  /** The given documents (a speaker's statements) that match any query word, unordered. */
  searchAmong(query: readonly string[], among: readonly number[]): Hit[] {
    return this.scoreAmong(this.weighted(query), among);
  }

  /**
   * The `k` best documents of the whole index for any query word (ties: lower id first), each
   * score multiplied by the boost; how many documents match, and how many distinct texts.
   */
  top(query: readonly string[], k: number, boost?: Boost, related: readonly RelatedTerm[] = []): Ranking {
    const terms = this.weighted(query, related).map(({ id, weight }) => ({ id, idf: this.idf(id) * weight }));
    return topDocuments(this.ranking, terms, k, boost);
  }

  /** As `top`, among the documents `keep` accepts (a filter by date or outlet). */
  topWhere(query: readonly string[], k: number, keep: (doc: number) => boolean, boost?: Boost, related: readonly RelatedTerm[] = []): Ranking {
    const terms = this.weighted(query, related).map(({ id, weight }) => ({ id, idf: this.idf(id) * weight }));
    return topDocumentsWhere(this.ranking, terms, k, keep, boost);
  }

  /**
   * The query's terms and their weights: exact matches, and the related terms the index has
   * (words of the same meaning, at their lower weights); approximate ones only if neither matches.
   */
  private weighted(query: readonly string[], related: readonly RelatedTerm[] = []): { id: number; weight: number }[] {
    const terms = this.queryTerms(query);
    const exact = terms.flatMap((term) => this.termId(term) ?? []).map((id) => ({ id, weight: 1 }));
    const own = new Set(exact.map((t) => t.id));
    const widened = new Map<number, number>();
    for (const { term, weight } of related) {
      const id = this.termId(term);
      if (id !== null && !own.has(id) && (widened.get(id) ?? 0) < weight) widened.set(id, weight);
    }
    const all = [...exact, ...[...widened].map(([id, weight]) => ({ id, weight }))];
    return all.length > 0 ? all : terms.flatMap((term) => this.approximate(term));
  }

  /** Query words as index terms (folded, stemmed, no stop words), each once. */
  private queryTerms(query: readonly string[]): string[] {
    const out = new Set<string>();
    for (const word of query.flatMap((q) => words(q))) {
      const term = this.stem(word);
      if (term) out.add(term);
    }
    return [...out];
  }

  private stem(word: string): string | null {
    let term = this.stems.get(word);
    if (term === undefined) {
      term = indexTerm(word);
      if (this.stems.size < 100_000) this.stems.set(word, term);
    }
    return term;
  }

  /** How much a term tells (its inverse document frequency); 0 for a term no document has. */
  weightOf(term: string): number {
    const id = this.termId(term);
    return id === null ? 0 : this.idf(id);
  }

  /** Whether any document with id in [from, to) holds the term (an article's sentences are such a range). */
  occursIn(term: string, from: number, to: number): boolean {
    const id = this.termId(term);
    if (id === null) return false;
    const { offsets, docs } = this.data;
    const end = offsets[id + 1] as number;
    // Postings are in document order: the first at or after `from` tells.
    const at = seek(docs, offsets[id] as number, end, from);
    return at < end && (docs[at] as number) < to;
  }

  /** Binary search in the sorted term list. */
  termId(term: string): number | null {
    const id = indexOfSorted(this.data.terms, term);
    return id < 0 ? null : id;
  }

  /** Terms that start with `term`, or are within a fifth of its letters of it (same first letter). */
  private approximate(term: string): { id: number; weight: number }[] {
    const { terms } = this.data;
    const first = term[0] ?? '';
    const maxDistance = Math.max(1, Math.floor(term.length * FUZZY_SHARE));
    const out: { id: number; weight: number }[] = [];
    for (let id = this.lowerBound(first); id < terms.length && (terms[id] as string).startsWith(first); id++) {
      const candidate = terms[id] as string;
      if (term.length >= MIN_PREFIX && candidate.startsWith(term)) out.push({ id, weight: PREFIX_WEIGHT });
      else if (Math.abs(candidate.length - term.length) <= maxDistance && editDistance(term, candidate, maxDistance) <= maxDistance) {
        out.push({ id, weight: FUZZY_WEIGHT });
      }
    }
    return out;
  }

  private lowerBound(prefix: string): number {
    const { terms } = this.data;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((terms[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private idf(term: number): number {
    const df = (this.data.offsets[term + 1] as number) - (this.data.offsets[term] as number);
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }

  private termScore(idf: number, freq: number, doc: number): number {
    return idf * impact(freq, this.norms[doc] as number);
  }

  /** Scores only the given documents: a binary search in each query term's postings. */
  private scoreAmong(terms: { id: number; weight: number }[], among: readonly number[]): Hit[] {
    const { offsets, docs, freqs } = this.data;
    const hits: Hit[] = [];
    for (const doc of among) {
      let score = 0;
      for (const { id: term, weight } of terms) {
        const end = offsets[term + 1] as number;
        const p = seek(docs, offsets[term] as number, end, doc);
        if (p < end && docs[p] === doc) score += this.termScore(this.idf(term) * weight, freqs[p] as number, doc);
      }
      if (score > 0) hits.push({ id: doc, score });
    }
    return hits;
  }
}

// Words as written → index terms, shared by every builder on a thread: a build makes one builder
// per slice of 50 articles, and folding and stemming each word anew was ~10% of its time.
const builderStems = new Map<string, string | null>();
const MAX_BUILDER_STEMS = 500_000;

function stemOf(word: string): string | null {
  let term = builderStems.get(word);
  if (term === undefined) {
    term = indexTerm(word);
    if (builderStems.size < MAX_BUILDER_STEMS) builderStems.set(word, term);
  }
  return term;
}

/** Builds a term index from documents added in id order 0, 1, 2, … */
export class TermIndexBuilder {
  private readonly names = new Interner();
  private readonly docTerms = new Growable(Uint32Array);
  private readonly docFreqs = new Growable(Uint8Array);
  private readonly docStarts = new Growable(Uint32Array);
  private readonly lengths = new Growable(Uint16Array);

  /** Each word as written → this builder's term id, or -1 for a stop word: one lookup per word. */
  private readonly wordIds = new Map<string, number>();

  add(text: string): void {
    const counts = new Map<number, number>();
    let length = 0;
    for (const word of words(text)) {
      const id = this.wordId(word);
      if (id < 0) continue;
      length++;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    this.docStarts.push(this.docTerms.length);
    for (const [id, count] of counts) {
      this.docTerms.push(id);
      this.docFreqs.push(Math.min(count, 255));
    }
    this.lengths.push(Math.min(length, 65_535));
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      const term = stemOf(word);
      id = term === null ? -1 : this.names.id(term);
      this.wordIds.set(word, id);
    }
    return id;
  }

  /** The documents' term lists against this builder's own dictionary, for merging elsewhere. */
  documents(): { terms: string[]; docStarts: Uint32Array; docTerms: Uint32Array; docFreqs: Uint8Array; lengths: Uint16Array } {
    return { terms: this.names.values, docStarts: this.docStarts.finish(), docTerms: this.docTerms.finish(), docFreqs: this.docFreqs.finish(), lengths: this.lengths.finish() };
  }

}

/**
 * Inverts per-document term lists into postings sorted by document, with the terms renumbered
 * in sorted order (so a term's id is its place in the sorted list).
 */
export function invert(input: { terms: readonly string[]; docStarts: Uint32Array; docTerms: Uint32Array; docFreqs: Uint8Array; lengths: Uint16Array }): Postings {
  const names = input.terms;
  const order = names.map((_, id) => id).sort((a, b) => ((names[a] as string) < (names[b] as string) ? -1 : 1));
  const rank = new Uint32Array(order.length);
  order.forEach((id, position) => (rank[id] = position));
  const { docTerms, docFreqs, docStarts: starts } = input;
  const counts = new Uint32Array(order.length + 1);
  for (const id of docTerms) counts[(rank[id] as number) + 1]!++;
  const offsets = new Uint32Array(order.length + 1);
  for (let t = 0; t < order.length; t++) offsets[t + 1] = (offsets[t] as number) + (counts[t + 1] as number);
  const fill = offsets.slice(0, order.length);
  const docs = new Uint32Array(docTerms.length);
  const freqs = new Uint8Array(docTerms.length);
  for (let doc = 0; doc < starts.length; doc++) {
    const end = doc + 1 < starts.length ? (starts[doc + 1] as number) : docTerms.length;
    for (let p = starts[doc] as number; p < end; p++) {
      const term = rank[docTerms[p] as number] as number;
      const at = fill[term]!++;
      docs[at] = doc;
      freqs[at] = docFreqs[p] as number;
    }
  }
  return { terms: order.map((id) => names[id] as string), offsets, docs, freqs, norms: lengthNorms(input.lengths) };
}

/** BM25's length term of each document, from its count of terms. */
function lengthNorms(lengths: Uint16Array): Float32Array {
  let total = 0;
  for (const length of lengths) total += length;
  const average = lengths.length === 0 ? 1 : total / lengths.length;
  const norms = new Float32Array(lengths.length);
  for (let doc = 0; doc < lengths.length; doc++) norms[doc] = BM25.k1 * (1 - BM25.b + (BM25.b * (lengths[doc] as number)) / average);
  return norms;
}
