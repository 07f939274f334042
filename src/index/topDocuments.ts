import { BM25, type TermIndexData } from './termIndex.js';
import type { Boost, Ranking } from './search.js';
import { TopHits } from './topHits.js';
import { seek } from './seek.js';

/** A query term: its id in the index and its weight (1 for exact matches, less for approximate ones). */
export interface QueryTerm {
  id: number;
  idf: number;
}

/** What ranking reads besides the postings: reused scratch space, and which documents repeat an earlier text. */
export interface RankingContext {
  data: TermIndexData;
  /** -1 for the first document with its text; a repeat is ranked but counted once. */
  copyOf: Int32Array;
  scratch: Float64Array;
  touched: Uint32Array;
  marks: Uint8Array;
}

// Past this many query terms (a fuzzy or prefix fallback can expand to hundreds), comparing every
// list at every document costs more than accumulating scores in an array.
const MAX_MERGED_TERMS = 8;
// Above any document id, and a small integer to V8 (0xffffffff would make every id a double).
const NO_DOC = 0x7fffffff;

/**
 * The `k` best documents holding any query term (BM25+, times the boost; ties: lower id first),
 * how many documents match, and how many distinct texts. Exact, but most postings of common
 * terms are never scored: see maxScore.
 */
export function topDocuments(context: RankingContext, terms: readonly QueryTerm[], k: number, boost?: Boost): Ranking {
  const best = new TopHits(k);
  if (terms.length === 0) return { hits: [], matched: 0, counted: 0 };
  if (terms.length > MAX_MERGED_TERMS) return accumulate(context, terms, best, boost);
  if (terms.length <= 2) maxScoreUpToTwo(context, terms, best, boost);
  else maxScore(context, terms, best, boost);
  return { hits: best.sorted(), ...countMatches(context, terms) };
}

/** BM25+'s term-frequency part for one posting; times the term's idf, its score. */
export function impact(freq: number, norm: number): number {
  return BM25.d + (freq * (BM25.k1 + 1)) / (freq + norm);
}

/**
 * MaxScore (Turtle and Flood, 1995), document at a time. Terms are ordered by their highest
 * possible score; once the k-th best score exceeds what the weakest terms could add up to
 * together, documents holding only those terms cannot enter the top k, so their lists are no
 * longer walked, only probed for documents the stronger lists bring. A question of two common
 * words at a million sentences scores a few thousand postings instead of a few hundred thousand.
 */
function maxScore({ data }: RankingContext, terms: readonly QueryTerm[], best: TopHits, boost?: Boost): void {
  const { offsets, docs, freqs, norms, maxImpacts } = data;
  const sorted = terms.map((t) => ({ ...t, bound: t.idf * (maxImpacts[t.id] as number) })).sort((a, b) => a.bound - b.bound);
  const n = sorted.length;
  const at = sorted.map((t) => offsets[t.id] as number);
  const end = sorted.map((t) => offsets[t.id + 1] as number);
  const idf = sorted.map((t) => t.idf);
  const bounds = sorted.map((t) => t.bound);
  // upTo[i]: the most terms 0..i can add together.
  const upTo: number[] = [];
  sorted.forEach((t, i) => upTo.push((upTo[i - 1] ?? 0) + t.bound));
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  const maxFactor = boost ? 1 + boost.max * scale : 1;
  let threshold = -Infinity;
  let essential = 0;
  for (;;) {
    let doc = NO_DOC;
    for (let i = essential; i < n; i++) if ((at[i] as number) < (end[i] as number) && (docs[at[i] as number] as number) < doc) doc = docs[at[i] as number] as number;
    if (doc === NO_DOC) return;
    const factor = factors ? 1 + (factors[doc] as number) * scale : 1;
    // The most this document could score, from the lists that hold it and those no longer walked.
    let bound = essential > 0 ? (upTo[essential - 1] as number) : 0;
    for (let i = essential; i < n; i++) if ((at[i] as number) < (end[i] as number) && docs[at[i] as number] === doc) bound += bounds[i] as number;
    if (bound * factor < threshold) {
      for (let i = essential; i < n; i++) if ((at[i] as number) < (end[i] as number) && docs[at[i] as number] === doc) at[i] = (at[i] as number) + 1;
      continue;
    }
    const norm = norms[doc] as number;
    let score = 0;
    for (let i = essential; i < n; i++) {
      const p = at[i] as number;
      if (p < (end[i] as number) && docs[p] === doc) {
        score += (idf[i] as number) * impact(freqs[p] as number, norm);
        at[i] = p + 1;
      }
    }
    for (let i = essential - 1; i >= 0; i--) {
      if ((score + (upTo[i] as number)) * factor < threshold) break;
      const p = seek(docs, at[i] as number, end[i] as number, doc);
      at[i] = p;
      if (p < (end[i] as number) && docs[p] === doc) score += (idf[i] as number) * impact(freqs[p] as number, norm);
    }
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
function maxScoreUpToTwo({ data }: RankingContext, terms: readonly QueryTerm[], best: TopHits, boost?: Boost): void {
  const { offsets, docs, freqs, norms, maxImpacts } = data;
  const [weak, strong] = terms.length === 1 ? [null, terms[0] as QueryTerm] : orderByBound(terms[0] as QueryTerm, terms[1] as QueryTerm, maxImpacts);
  let p0 = weak ? (offsets[weak.id] as number) : 0;
  const e0 = weak ? (offsets[weak.id + 1] as number) : 0;
  let p1 = offsets[strong.id] as number;
  const e1 = offsets[strong.id + 1] as number;
  const idf0 = weak?.idf ?? 0;
  const idf1 = strong.idf;
  const bound0 = weak ? idf0 * (maxImpacts[weak.id] as number) : 0;
  const bound1 = idf1 * (maxImpacts[strong.id] as number);
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  const maxFactor = boost ? 1 + boost.max * scale : 1;
  let threshold = -Infinity;
  let walkWeak = true;
  for (;;) {
    const d0 = walkWeak && p0 < e0 ? (docs[p0] as number) : NO_DOC;
    const d1 = p1 < e1 ? (docs[p1] as number) : NO_DOC;
    const doc = d0 < d1 ? d0 : d1;
    if (doc === NO_DOC) return;
    const in0 = d0 === doc;
    const in1 = d1 === doc;
    if (in0) p0++;
    if (in1) p1++;
    const factor = factors ? 1 + (factors[doc] as number) * scale : 1;
    // The most this document could score: list 0 counts whenever it may hold it.
    if (((in1 ? bound1 : 0) + (in0 || !walkWeak ? bound0 : 0)) * factor < threshold) continue;
    const norm = norms[doc] as number;
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
      if (bound1 * maxFactor + (weak ? bound0 * maxFactor : 0) < threshold) return;
    }
  }
}

function orderByBound(a: QueryTerm, b: QueryTerm, maxImpacts: Float32Array): [QueryTerm, QueryTerm] {
  return a.idf * (maxImpacts[a.id] as number) <= b.idf * (maxImpacts[b.id] as number) ? [a, b] : [b, a];
}

/**
 * How many documents hold any of the terms, and how many distinct texts: from per-term counts
 * made at build for one term, by intersecting two lists, and by marking documents for more.
 */
function countMatches({ data, copyOf, marks }: RankingContext, terms: readonly QueryTerm[]): { matched: number; counted: number } {
  const { offsets, docs, distinct } = data;
  const df = (t: QueryTerm) => (offsets[t.id + 1] as number) - (offsets[t.id] as number);
  const [a, b] = terms;
  if (!a) return { matched: 0, counted: 0 };
  if (!b) return { matched: df(a), counted: distinct[a.id] as number };
  if (terms.length === 2) {
    const { both, bothDistinct } = intersect(data, copyOf, a.id, b.id);
    return { matched: df(a) + df(b) - both, counted: (distinct[a.id] as number) + (distinct[b.id] as number) - bothDistinct };
  }
  let matched = 0;
  let counted = 0;
  for (const t of terms) {
    for (let p = offsets[t.id] as number; p < (offsets[t.id + 1] as number); p++) {
      const doc = docs[p] as number;
      if (marks[doc]) continue;
      marks[doc] = 1;
      matched++;
      if ((copyOf[doc] as number) < 0) counted++;
    }
  }
  for (const t of terms) for (let p = offsets[t.id] as number; p < (offsets[t.id + 1] as number); p++) marks[docs[p] as number] = 0;
  return { matched, counted };
}

/**
 * How many documents two terms share, and how many of those are distinct texts: a linear merge
 * when the lists are of like length, else each document of the short list sought in the long.
 */
function intersect({ offsets, docs }: TermIndexData, copyOf: Int32Array, a: number, b: number): { both: number; bothDistinct: number } {
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
    if (p < longEnd && docs[p] === doc) {
      both++;
      if ((copyOf[doc] as number) < 0) bothDistinct++;
    }
  }
  return { both, bothDistinct };
}

/** Many terms: scores accumulate in a reused array, then every matching document is offered. */
function accumulate(context: RankingContext, terms: readonly QueryTerm[], best: TopHits, boost?: Boost): Ranking {
  const { copyOf, scratch, touched } = context;
  const count = accumulateScores(context, terms);
  let counted = 0;
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    const score = scratch[doc] as number;
    scratch[doc] = 0;
    if ((copyOf[doc] as number) < 0) counted++;
    best.offer(doc, factors ? score * (1 + (factors[doc] as number) * scale) : score);
  }
  return { hits: best.sorted(), matched: count, counted };
}

/** Every posting of the terms scored into `scratch`; the documents touched are listed in `touched`. Returns how many. */
function accumulateScores({ data, scratch, touched }: RankingContext, terms: readonly QueryTerm[]): number {
  const { offsets, docs, freqs, norms } = data;
  let count = 0;
  for (const { id, idf } of terms) {
    const end = offsets[id + 1] as number;
    for (let p = offsets[id] as number; p < end; p++) {
      const doc = docs[p] as number;
      const before = scratch[doc] as number;
      if (before === 0) touched[count++] = doc;
      scratch[doc] = before + idf * impact(freqs[p] as number, norms[doc] as number);
    }
  }
  return count;
}

/**
 * Per term, at build: the highest impact any of its postings has (MaxScore's bound, rounded
 * up so float32 storage never understates it), and how many of its documents are distinct texts.
 */
export function termBounds(data: Pick<TermIndexData, 'offsets' | 'docs' | 'freqs' | 'norms'>, copyOf: Int32Array): { maxImpacts: Float32Array; distinct: Uint32Array } {
  const terms = data.offsets.length - 1;
  const maxImpacts = new Float32Array(Math.max(terms, 0));
  const distinct = new Uint32Array(Math.max(terms, 0));
  for (let t = 0; t < terms; t++) {
    let most = 0;
    let count = 0;
    for (let p = data.offsets[t] as number; p < (data.offsets[t + 1] as number); p++) {
      const doc = data.docs[p] as number;
      most = Math.max(most, impact(data.freqs[p] as number, data.norms[doc] as number));
      if ((copyOf[doc] as number) < 0) count++;
    }
    maxImpacts[t] = most * (1 + 1e-6);
    distinct[t] = count;
  }
  return { maxImpacts, distinct };
}

/**
 * The `k` best documents that `keep` accepts (a filter by date or outlet), with exact counts of
 * the accepted matches and of their distinct texts. Every posting is scored: a filtered question
 * cannot use the bounds, which are over all documents; it is still one pass over the postings.
 */
export function topDocumentsWhere(context: RankingContext, terms: readonly QueryTerm[], k: number, keep: (doc: number) => boolean, boost?: Boost): Ranking {
  const { copyOf, scratch, touched, marks } = context;
  const best = new TopHits(k);
  const count = accumulateScores(context, terms);
  let matched = 0;
  let counted = 0;
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    const score = scratch[doc] as number;
    scratch[doc] = 0;
    if (!keep(doc)) continue;
    matched++;
    // A text counts once, by its first copy, whether or not that copy passes the filter.
    const first = (copyOf[doc] as number) < 0 ? doc : (copyOf[doc] as number);
    if (!marks[first]) {
      marks[first] = 1;
      counted++;
    }
    best.offer(doc, factors ? score * (1 + (factors[doc] as number) * scale) : score);
  }
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    marks[(copyOf[doc] as number) < 0 ? doc : (copyOf[doc] as number)] = 0;
  }
  return { hits: best.sorted(), matched, counted };
}
