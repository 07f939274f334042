import { BM25, type TermIndexData } from './postings.js';
import type { Boost } from './search.js';
import { TopHits } from './topHits.js';
import { seek } from './seek.js';

/**
 * Ranking within one segment of the term index. A question runs these over every segment in id
 * order with one TopHits, so the k-th best score found in earlier segments prunes the later ones
 * and the result is that of one index over all documents (see termIndex.ts).
 */

/** One segment as ranking sees it. */
export interface SegmentView {
  data: TermIndexData;
  /** The global id of its first document (its lengths are counted from there). */
  first: number;
  /** Deletion marks by global id, or null when none of this segment's documents is deleted. */
  deleted: Uint8Array | null;
}

/** What one question's ranking shares across segments: norms by length, copies, scratch space. */
export interface Scoring {
  /** BM25's length term by document length, at the corpus-wide average (normTable). */
  norms: Float32Array;
  /** -1 for the first document with its text; a repeat is ranked but counted once. By global id. */
  copyOf: Int32Array;
  scratch: Float64Array;
  touched: Uint32Array;
  marks: Uint8Array;
}

/** A query term in one segment: its id there, its corpus-wide weight, and the most it can add there. */
export interface QueryTerm {
  id: number;
  idf: number;
  bound: number;
}

// Above any document id, and a small integer to V8 (0xffffffff would make every id a double).
const NO_DOC = 0x7fffffff;

/** BM25+'s term-frequency part for one posting; times the term's idf, its score. */
export function impact(freq: number, norm: number): number {
  return BM25.d + (freq * (BM25.k1 + 1)) / (freq + norm);
}

/** Offers the segment's documents holding any of the terms to `best` (BM25+ times the boost), most never scored: see maxScore. */
export function rankSegment(segment: SegmentView, scoring: Scoring, terms: readonly QueryTerm[], best: TopHits, boost?: Boost): void {
  if (terms.length === 0) return;
  if (terms.length <= 2) maxScoreUpToTwo(segment, scoring, terms, best, boost);
  else maxScore(segment, scoring, terms, best, boost);
}

/**
 * MaxScore (Turtle and Flood, 1995), document at a time. Terms are ordered by their highest
 * possible score; once the k-th best score exceeds what the weakest terms could add up to
 * together, documents holding only those terms cannot enter the top k, so their lists are no
 * longer walked, only probed for documents the stronger lists bring. A question of two common
 * words at a million sentences scores a few thousand postings instead of a few hundred thousand.
 */
function maxScore({ data, first, deleted }: SegmentView, { norms }: Scoring, terms: readonly QueryTerm[], best: TopHits, boost?: Boost): void {
  const { offsets, docs, freqs, lengths } = data;
  const order = terms.map((_, i) => i).sort((a, b) => (terms[a] as QueryTerm).bound - (terms[b] as QueryTerm).bound);
  const sorted = order.map((i) => terms[i] as QueryTerm);
  const n = sorted.length;
  const at = sorted.map((t) => offsets[t.id] as number);
  const end = sorted.map((t) => offsets[t.id + 1] as number);
  const idf = sorted.map((t) => t.idf);
  const bounds = sorted.map((t) => t.bound);
  // upTo[i]: the most terms 0..i can add together.
  const upTo: number[] = [];
  sorted.forEach((t, i) => upTo.push((upTo[i - 1] ?? 0) + t.bound));
  // A document's score is summed in the query's order, not the lists' (float addition is not
  // associative): so it is the same whichever segment holds the document.
  const parts = new Float64Array(n);
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  const maxFactor = boost ? 1 + boost.max * scale : 1;
  let threshold = best.full ? best.floor : -Infinity;
  let essential = 0;
  while (essential < n && (upTo[essential] as number) * maxFactor < threshold) essential++;
  for (;;) {
    let doc = NO_DOC;
    for (let i = essential; i < n; i++) if ((at[i] as number) < (end[i] as number) && (docs[at[i] as number] as number) < doc) doc = docs[at[i] as number] as number;
    if (doc === NO_DOC) return;
    const factor = factors ? 1 + (factors[doc] as number) * scale : 1;
    // The most this document could score, from the lists that hold it and those no longer walked.
    let bound = essential > 0 ? (upTo[essential - 1] as number) : 0;
    for (let i = essential; i < n; i++) if ((at[i] as number) < (end[i] as number) && docs[at[i] as number] === doc) bound += bounds[i] as number;
    if (bound * factor < threshold || (deleted !== null && deleted[doc] === 1)) {
      for (let i = essential; i < n; i++) if ((at[i] as number) < (end[i] as number) && docs[at[i] as number] === doc) at[i] = (at[i] as number) + 1;
      continue;
    }
    const norm = norms[lengths[doc - first] as number] as number;
    parts.fill(0);
    let partial = 0;
    for (let i = essential; i < n; i++) {
      const p = at[i] as number;
      if (p < (end[i] as number) && docs[p] === doc) {
        const value = (idf[i] as number) * impact(freqs[p] as number, norm);
        parts[order[i] as number] = value;
        partial += value;
        at[i] = p + 1;
      }
    }
    let pruned = false;
    for (let i = essential - 1; i >= 0; i--) {
      if ((partial + (upTo[i] as number)) * factor < threshold) {
        pruned = true;
        break;
      }
      const p = seek(docs, at[i] as number, end[i] as number, doc);
      at[i] = p;
      if (p < (end[i] as number) && docs[p] === doc) {
        const value = (idf[i] as number) * impact(freqs[p] as number, norm);
        parts[order[i] as number] = value;
        partial += value;
      }
    }
    if (pruned) continue;
    let score = 0;
    for (let j = 0; j < n; j++) score += parts[j] as number;
    best.offer(doc, score * factor);
    if (best.full) {
      threshold = best.floor;
      while (essential < n && (upTo[essential] as number) * maxFactor < threshold) essential++;
    }
  }
}

/**
 * The same MaxScore for one or two terms (most questions), with each list's cursor in a local
 * variable: the general loop's arrays of cursors cost about twice as much per document.
 * List 1 is the one with the higher bound; once the k-th best score passes what list 0 alone
 * could give, list 0 is only probed.
 */
function maxScoreUpToTwo({ data, first, deleted }: SegmentView, { norms }: Scoring, terms: readonly QueryTerm[], best: TopHits, boost?: Boost): void {
  const { offsets, docs, freqs, lengths } = data;
  const [weak, strong] = terms.length === 1 ? [null, terms[0] as QueryTerm] : orderByBound(terms[0] as QueryTerm, terms[1] as QueryTerm);
  let p0 = weak ? (offsets[weak.id] as number) : 0;
  const e0 = weak ? (offsets[weak.id + 1] as number) : 0;
  let p1 = offsets[strong.id] as number;
  const e1 = offsets[strong.id + 1] as number;
  const idf0 = weak?.idf ?? 0;
  const idf1 = strong.idf;
  const bound0 = weak ? weak.bound : 0;
  const bound1 = strong.bound;
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  const maxFactor = boost ? 1 + boost.max * scale : 1;
  let threshold = best.full ? best.floor : -Infinity;
  // Documents only list 0 holds may already be unable to enter (a earlier segment filled the top k).
  let walkWeak = !(bound0 * maxFactor < threshold);
  if (bound1 * maxFactor + bound0 * maxFactor < threshold) return;
  for (;;) {
    const d0 = walkWeak && p0 < e0 ? (docs[p0] as number) : NO_DOC;
    const d1 = p1 < e1 ? (docs[p1] as number) : NO_DOC;
    const doc = d0 < d1 ? d0 : d1;
    if (doc === NO_DOC) return;
    const in0 = d0 === doc;
    const in1 = d1 === doc;
    if (in0) p0++;
    if (in1) p1++;
    if (deleted !== null && deleted[doc] === 1) continue;
    const factor = factors ? 1 + (factors[doc] as number) * scale : 1;
    // The most this document could score: list 0 counts whenever it may hold it.
    if (((in1 ? bound1 : 0) + (in0 || !walkWeak ? bound0 : 0)) * factor < threshold) continue;
    const norm = norms[lengths[doc - first] as number] as number;
    let score = in1 ? idf1 * impact(freqs[p1 - 1] as number, norm) : 0;
    if (in0) score += idf0 * impact(freqs[p0 - 1] as number, norm);
    else if (!walkWeak && weak) {
      p0 = seek(docs, p0, e0, doc);
      if (p0 < e0 && docs[p0] === doc) score += idf0 * impact(freqs[p0] as number, norm);
    }
    best.offer(doc, score * factor);
    if (best.full) {
      threshold = best.floor;
      // Documents only list 0 holds can no longer enter: it is probed, not walked.
      if (walkWeak && bound0 * maxFactor < threshold) walkWeak = false;
      if (bound1 * maxFactor + bound0 * maxFactor < threshold) return;
    }
  }
}

function orderByBound(a: QueryTerm, b: QueryTerm): [QueryTerm, QueryTerm] {
  return a.bound <= b.bound ? [a, b] : [b, a];
}

/**
 * Every live posting of the terms in one segment scored into `scratch` (shared across segments,
 * by global id); documents touched for the first time are listed in `touched` from `count` on.
 * Returns the new count.
 */
export function accumulateSegment({ data, first, deleted }: SegmentView, { norms, scratch, touched }: Scoring, terms: readonly QueryTerm[], count: number): number {
  const { offsets, docs, freqs, lengths } = data;
  for (const { id, idf } of terms) {
    const end = offsets[id + 1] as number;
    for (let p = offsets[id] as number; p < end; p++) {
      const doc = docs[p] as number;
      if (deleted !== null && deleted[doc] === 1) continue;
      const before = scratch[doc] as number;
      if (before === 0) touched[count++] = doc;
      scratch[doc] = before + idf * impact(freqs[p] as number, norms[lengths[doc - first] as number] as number);
    }
  }
  return count;
}

/**
 * How many live documents of the segment two of its terms share, and how many of those are
 * distinct texts: a linear merge when the lists are of like length, else each document of the
 * short list sought in the long.
 */
export function intersect({ data, deleted }: SegmentView, copyOf: Int32Array, a: number, b: number): { both: number; bothDistinct: number } {
  const { offsets, docs } = data;
  const [short, long] = (offsets[a + 1] as number) - (offsets[a] as number) <= (offsets[b + 1] as number) - (offsets[b] as number) ? [a, b] : [b, a];
  const shortEnd = offsets[short + 1] as number;
  const longEnd = offsets[long + 1] as number;
  const galloping = (longEnd - (offsets[long] as number)) > 16 * (shortEnd - (offsets[short] as number));
  let both = 0;
  let bothDistinct = 0;
  let p = offsets[long] as number;
  for (let q = offsets[short] as number; q < shortEnd && p < longEnd; q++) {
    const doc = docs[q] as number;
    if (galloping) p = seek(docs, p, longEnd, doc);
    else while (p < longEnd && (docs[p] as number) < doc) p++;
    if (p < longEnd && docs[p] === doc && !(deleted !== null && deleted[doc] === 1)) {
      both++;
      if ((copyOf[doc] as number) < 0) bothDistinct++;
    }
  }
  return { both, bothDistinct };
}

/** Marks (in `marks`, by global id) the segment's live documents holding any of the terms; counts the newly marked and their distinct texts. */
export function markMatches({ data, deleted }: SegmentView, { copyOf, marks }: Scoring, terms: readonly QueryTerm[], marked: number[]): { matched: number; counted: number } {
  const { offsets, docs } = data;
  let matched = 0;
  let counted = 0;
  for (const t of terms) {
    for (let p = offsets[t.id] as number; p < (offsets[t.id + 1] as number); p++) {
      const doc = docs[p] as number;
      if (marks[doc] || (deleted !== null && deleted[doc] === 1)) continue;
      marks[doc] = 1;
      marked.push(doc);
      matched++;
      if ((copyOf[doc] as number) < 0) counted++;
    }
  }
  return { matched, counted };
}

/**
 * Per term, when a segment is made: the highest impact any of its postings has at the average
 * length of the segment's documents (MaxScore's bound, rounded up so float32 storage never
 * understates it), and how many of its documents are distinct texts.
 */
export function termBounds(data: Pick<TermIndexData, 'offsets' | 'docs' | 'freqs' | 'lengths'>, first: number, norms: Float32Array, copyOf: Int32Array): { maxImpacts: Float32Array; distinct: Uint32Array } {
  const terms = data.offsets.length - 1;
  const maxImpacts = new Float32Array(Math.max(terms, 0));
  const distinct = new Uint32Array(Math.max(terms, 0));
  for (let t = 0; t < terms; t++) {
    let most = 0;
    let count = 0;
    for (let p = data.offsets[t] as number; p < (data.offsets[t + 1] as number); p++) {
      const doc = data.docs[p] as number;
      most = Math.max(most, impact(data.freqs[p] as number, norms[data.lengths[doc - first] as number] as number));
      if ((copyOf[doc] as number) < 0) count++;
    }
    maxImpacts[t] = most * (1 + 1e-6);
    distinct[t] = count;
  }
  return { maxImpacts, distinct };
}

/**
 * A bound computed at one average length, made safe at another. A norm k1 · (1 − b + b · L / A)
 * shrinks by at most the factor s = A / A' when the average grows from A to A' (and not at all
 * when it falls); the impact's part above d, f (k1 + 1) / (f + norm), then grows by at most 1 / s.
 */
export function boundAt(maxImpact: number, boundAverage: number, average: number): number {
  if (average <= boundAverage) return maxImpact;
  return BM25.d + ((maxImpact - BM25.d) * average) / boundAverage * (1 + 1e-9);
}
