import { Growable } from './growable.js';
import { indexTerm, words } from './terms.js';
import { Interner } from './interner.js';

/**
 * BM25+ parameters, tuned for one-sentence documents: their lengths vary little and say little
 * about verbosity, so length normalisation is weak (b 0.3; 0.75 is usual for pages); a term
 * rarely repeats in a sentence, so the usual saturation (k1 1.2) and the BM25+ floor (d 0.5) stay.
 */
export const BM25 = { k1: 1.2, b: 0.3, d: 0.5 };

/** Longest document length counted (terms), and so the size of a table of norms by length. */
export const MAX_LENGTH = 65_535;

/**
 * The arrays of one segment of the term index: postings over a range of document ids, plain
 * typed arrays and one sorted term list. A full build is one segment over every document.
 */
export interface TermIndexData {
  /** Terms in sorted order; a term's id is its position. */
  terms: string[];
  /** Postings of term t: docs[offsets[t] .. offsets[t + 1]), with their term frequencies. */
  offsets: Uint32Array;
  /** Document ids, global (not counted from the segment's first). */
  docs: Uint32Array;
  freqs: Uint8Array;
  /** Per document of the segment: how many terms it has (BM25's length; see normTable). */
  lengths: Uint16Array;
  /**
   * Per term: the highest impact of its postings, computed with the average length of the
   * segment's own documents (see termBounds), and how many of its documents are distinct texts.
   */
  maxImpacts: Float32Array;
  distinct: Uint32Array;
}

/** The postings alone, before the per-term figures that need the copies known. */
export type Postings = Omit<TermIndexData, 'maxImpacts' | 'distinct'>;

/** BM25's length term, k1 · (1 − b + b · length / average), for every length: one pass of 64 k, not one per document. */
export function normTable(average: number): Float32Array {
  const table = new Float32Array(MAX_LENGTH + 1);
  for (let length = 0; length <= MAX_LENGTH; length++) table[length] = BM25.k1 * (1 - BM25.b + (BM25.b * length) / average);
  return table;
}

/** The average of the lengths (1 when there are none, so a norm is always defined). */
export function averageOf(total: number, count: number): number {
  return count === 0 ? 1 : total / count;
}

export function sumOf(lengths: Uint16Array): number {
  let total = 0;
  for (const length of lengths) total += length;
  return total;
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

/** A text's index terms, each once: what a document of that text is listed under. */
export function termsOfText(text: string): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    const term = stemOf(word);
    if (term !== null) out.add(term);
  }
  return [...out];
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
    this.lengths.push(Math.min(length, MAX_LENGTH));
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
  documents(): DocumentTerms {
    return { terms: this.names.values, docStarts: this.docStarts.finish(), docTerms: this.docTerms.finish(), docFreqs: this.docFreqs.finish(), lengths: this.lengths.finish() };
  }
}

/** Per-document term lists (a forward index) against a dictionary of terms. */
export interface DocumentTerms {
  terms: string[];
  docStarts: Uint32Array;
  docTerms: Uint32Array;
  docFreqs: Uint8Array;
  lengths: Uint16Array;
}

/**
 * Inverts per-document term lists into postings sorted by document, with the terms renumbered
 * in sorted order (so a term's id is its place in the sorted list). Document d of the input
 * gets id `first + d`.
 */
export function invert(input: DocumentTerms, first = 0): Postings {
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
      docs[at] = first + doc;
      freqs[at] = docFreqs[p] as number;
    }
  }
  return { terms: order.map((id) => names[id] as string), offsets, docs, freqs, lengths: input.lengths };
}
