import { averageOf, normTable, sumOf, termsOfText, type Postings, type TermIndexData } from './postings.js';
import { indexOfSorted, seek } from './seek.js';
import { boundAt, impact } from './topDocuments.js';

/**
 * One change to a one-segment term index: the old documents [at, at + removed) give way to
 * `added`, whose documents already carry their new ids (from `at` plus the shift of the edits
 * before). Edits are in id order and do not overlap.
 */
export interface PostingsEdit {
  at: number;
  removed: number;
  added: Postings;
}

/** Per document, -1 for the first with its text: before the change (old ids) and after it (new ids). */
export interface CopyChange {
  before: Int32Array;
  after: Int32Array;
}

// Bounds keep the margin termBounds gives them, so a bound is never below a float's rounding of the true highest.
const MARGIN = 1 + 1e-6;

/**
 * The term index of a corpus after `edits`, from the one before, without inverting every
 * document again: each term's postings are copied in order, with the removed documents left out,
 * the added ones put in and the ids after an edit shifted. Terms, postings, lengths and the count
 * of distinct texts per term are what a fresh build gives. Only the bounds differ: a term the
 * edits did not touch keeps its old bound, made safe at the new average length (boundAt), so
 * bounds only loosen until the next full build; they cut work, never change an answer.
 * `textOf` gives a document's text by new id (for those whose first-copy status changed).
 */
export function spliceTerms(old: TermIndexData, edits: readonly PostingsEdit[], copies: CopyChange, textOf: (doc: number) => string): TermIndexData {
  const lengths = spliceLengths(old.lengths, edits);
  const oldAverage = averageOf(sumOf(old.lengths), old.lengths.length);
  const average = averageOf(sumOf(lengths), lengths.length);
  const out = new SplicedTerms(old.docs.length + edits.reduce((n, e) => n + e.added.docs.length, 0));
  const norms = normTable(average);
  const heads = edits.map(() => 0);
  let next = 0;
  for (;;) {
    const term = smallestTerm(old.terms, next, edits, heads);
    if (term === null) break;
    const fromOld = old.terms[next] === term ? next++ : -1;
    const bound = fromOld >= 0 ? boundAt(old.maxImpacts[fromOld] as number, oldAverage, average) : 0;
    const distinct = fromOld >= 0 ? (old.distinct[fromOld] as number) : 0;
    out.begin(term, bound, distinct);
    copyPostings(out, old, fromOld, edits, heads, term, copies, lengths, norms);
    out.end();
  }
  const spliced = out.finish(lengths);
  countFlips(spliced, edits, copies, textOf);
  return spliced;
}

/** The term that comes next in sorted order among the old terms and every edit's. */
function smallestTerm(terms: readonly string[], next: number, edits: readonly PostingsEdit[], heads: number[]): string | null {
  let best: string | null = next < terms.length ? (terms[next] as string) : null;
  edits.forEach((edit, e) => {
    const candidate = edit.added.terms[heads[e] as number];
    if (candidate !== undefined && (best === null || candidate < best)) best = candidate;
  });
  return best;
}

/** One term's postings: the old ones between edits (shifted), each edit's added ones in its place. */
function copyPostings(out: SplicedTerms, old: TermIndexData, t: number, edits: readonly PostingsEdit[], heads: number[], term: string, copies: CopyChange, lengths: Uint16Array, norms: Float32Array): void {
  let p = t >= 0 ? (old.offsets[t] as number) : 0;
  const end = t >= 0 ? (old.offsets[t + 1] as number) : 0;
  let shift = 0;
  edits.forEach((edit, e) => {
    const upTo = seek(old.docs, p, end, edit.at);
    out.copyOld(old, p, upTo, shift);
    p = seek(old.docs, upTo, end, edit.at + edit.removed);
    for (let r = upTo; r < p; r++) if ((copies.before[old.docs[r] as number] as number) < 0) out.distinct--;
    const added = edit.added;
    if (added.terms[heads[e] as number] === term) {
      const a = heads[e]!++;
      for (let q = added.offsets[a] as number; q < (added.offsets[a + 1] as number); q++) {
        const doc = added.docs[q] as number;
        const freq = added.freqs[q] as number;
        out.push(doc, freq);
        out.bound = Math.max(out.bound, impact(freq, norms[lengths[doc] as number] as number) * MARGIN);
        if ((copies.after[doc] as number) < 0) out.distinct++;
      }
    }
    shift += added.lengths.length - edit.removed;
  });
  out.copyOld(old, p, end, shift);
}

/** The new lengths: the old ones around the edits, each edit's in its place. */
function spliceLengths(old: Uint16Array, edits: readonly PostingsEdit[]): Uint16Array {
  const size = old.length + edits.reduce((n, e) => n + e.added.lengths.length - e.removed, 0);
  const lengths = new Uint16Array(size);
  let from = 0;
  let to = 0;
  for (const edit of edits) {
    lengths.set(old.subarray(from, edit.at), to);
    to += edit.at - from;
    lengths.set(edit.added.lengths, to);
    to += edit.added.lengths.length;
    from = edit.at + edit.removed;
  }
  lengths.set(old.subarray(from), to);
  return lengths;
}

/**
 * Documents outside the edits whose first-copy status changed (a copy of their text was added
 * before them, or the first one removed) count once more, or once less, for each of their terms.
 */
function countFlips(spliced: TermIndexData, edits: readonly PostingsEdit[], copies: CopyChange, textOf: (doc: number) => string): void {
  let shift = 0;
  let e = 0;
  for (let oldDoc = 0; oldDoc < copies.before.length; oldDoc++) {
    const edit = edits[e];
    if (edit && oldDoc === edit.at) {
      shift += edit.added.lengths.length - edit.removed;
      oldDoc += edit.removed - 1;
      e++;
      continue;
    }
    const doc = oldDoc + shift;
    const was = (copies.before[oldDoc] as number) < 0;
    const is = (copies.after[doc] as number) < 0;
    if (was === is) continue;
    for (const term of termsOfText(textOf(doc))) {
      const id = indexOfSorted(spliced.terms, term);
      if (id >= 0) spliced.distinct[id] = (spliced.distinct[id] as number) + (is ? 1 : -1);
    }
  }
}

/** The spliced index as it is written, term by term; terms left with no postings are dropped, as a fresh build has none. */
class SplicedTerms {
  private readonly terms: string[] = [];
  private readonly offsets: number[] = [0];
  private readonly docs: Uint32Array;
  private readonly freqs: Uint8Array;
  private readonly bounds: number[] = [];
  private readonly counts: number[] = [];
  private at = 0;
  private term = '';
  private started = 0;
  bound = 0;
  distinct = 0;

  constructor(capacity: number) {
    this.docs = new Uint32Array(capacity);
    this.freqs = new Uint8Array(capacity);
  }

  begin(term: string, bound: number, distinct: number): void {
    this.term = term;
    this.bound = bound;
    this.distinct = distinct;
    this.started = this.at;
  }

  push(doc: number, freq: number): void {
    this.docs[this.at] = doc;
    this.freqs[this.at++] = freq;
  }

  copyOld(old: TermIndexData, from: number, to: number, shift: number): void {
    this.docs.set(old.docs.subarray(from, to), this.at);
    this.freqs.set(old.freqs.subarray(from, to), this.at);
    if (shift !== 0) for (let i = this.at; i < this.at + to - from; i++) this.docs[i] = (this.docs[i] as number) + shift;
    this.at += to - from;
  }

  end(): void {
    if (this.at === this.started) return;
    this.terms.push(this.term);
    this.offsets.push(this.at);
    this.bounds.push(this.bound);
    this.counts.push(this.distinct);
  }

  finish(lengths: Uint16Array): TermIndexData {
    return {
      terms: this.terms, offsets: Uint32Array.from(this.offsets), docs: this.docs.slice(0, this.at), freqs: this.freqs.slice(0, this.at),
      lengths, maxImpacts: Float32Array.from(this.bounds), distinct: Uint32Array.from(this.counts),
    };
  }
}
