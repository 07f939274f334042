import { editDistance, indexTerm, words } from './terms.js';
import { indexOfSorted, seek } from './seek.js';
import { TopHits } from './topHits.js';
import { averageOf, normTable, sumOf, termsOfText, type Postings, type TermIndexData } from './postings.js';
import { accumulateSegment, boundAt, impact, intersect, markMatches, rankSegment, termBounds, type QueryTerm, type Scoring, type SegmentView } from './topDocuments.js';
import { mergePostings } from './merge.js';
import type { Boost, Hit, Ranking, RelatedTerm, TermSearch } from './search.js';

export type { Boost, Hit, Ranking, RelatedTerm } from './search.js';
export { BM25, TermIndexBuilder, invert, type Postings, type TermIndexData } from './postings.js';

/** Weights of approximate matches, used only when no word of the query matches exactly. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
// A fifth of a word's letters may differ in the fallback (at least one).
const FUZZY_SHARE = 0.2;
const MIN_PREFIX = 3;
// Past this many query terms (a fuzzy or prefix fallback can expand to hundreds), comparing every
// list at every document costs more than accumulating scores in an array.
const MAX_MERGED_TERMS = 8;
// How much the arrays by document id grow when documents are added past their size.
const GROWTH = 1.25;

/** One segment: postings over the ids [first, first + count), and what changed in it since it was made. */
interface Segment {
  data: TermIndexData;
  first: number;
  count: number;
  /** The average length its bounds (maxImpacts) were computed at. */
  boundAverage: number;
  /** How many of its documents are deleted; per term id, live documents lost and distinct texts gained or lost since it was made. */
  deletedCount: number;
  dfChange: Map<number, number>;
  distinctChange: Map<number, number>;
}

/** A query term as the whole index sees it: its weight, and its id in each segment (-1 where absent). */
interface ResolvedTerm {
  idf: number;
  ids: Int32Array;
}

/**
 * An inverted index over sentences in typed arrays, in segments: about 5 bytes a posting, no
 * object per term or document, so it stays small at a million sentences, moves between threads
 * without copying, and saves as raw bytes. A full build is one segment; a document added later
 * goes into a new small segment (ids only grow), a removed one is marked deleted, and segments
 * are merged into one. Every score uses corpus-wide statistics (live documents, their average
 * length, each term's live document frequency), and sums a document's terms in the query's
 * order, so an answer does not depend on how the documents are split into segments: it equals
 * that of one segment built over the live documents.
 */
export class TermIndex implements TermSearch {
  private segments: Segment[] = [];
  private copyOf: Int32Array;
  /** Deletion marks by global id (ids are never reused). */
  private deleted = new Uint8Array(0);
  private live = 0;
  private totalLength = 0;
  private scoring: Scoring;
  private normsAverage = NaN;
  private readonly stems = new Map<string, string | null>();

  /** `copyOf`: per document, -1 for the first with its text (repeats are ranked, but counted once). */
  constructor(data: TermIndexData, copyOf: Int32Array) {
    this.copyOf = copyOf;
    this.scoring = { norms: new Float32Array(0), copyOf, scratch: new Float64Array(0), touched: new Uint32Array(0), marks: new Uint8Array(0) };
    // Bounds are computed where the index is built, at the average of all its documents.
    const total = sumOf(data.lengths);
    this.addSegment(data, 0, averageOf(total, data.lengths.length));
  }

  get documentCount(): number {
    return this.live;
  }

  /** The id the next added document gets: one past every id so far. */
  get nextId(): number {
    const last = this.segments[this.segments.length - 1];
    return last ? last.first + last.count : 0;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** The sorted term list of each segment (what the index holds besides numbers). */
  termLists(): readonly (readonly string[])[] {
    return this.segments.map((s) => s.data.terms);
  }

  /**
   * Adds documents with ids from `nextId` on, as a new segment. `copyOf` covers them already
   * (it may be a new, longer array): whether each is the first with its text.
   */
  append(postings: Postings, copyOf: Int32Array): void {
    const first = this.nextId;
    this.copyOf = copyOf;
    this.scoring.copyOf = copyOf;
    const average = averageOf(sumOf(postings.lengths), postings.lengths.length);
    const bounds = termBounds(postings, first, normTable(average), copyOf);
    this.addSegment({ ...postings, ...bounds }, first, average);
  }

  /** Marks a document deleted; `text` is its text (whose terms it is listed under). */
  remove(doc: number, text: string): void {
    const segment = this.segmentOf(doc);
    if (!segment || this.deleted[doc] === 1) return;
    this.deleted[doc] = 1;
    segment.deletedCount++;
    this.live--;
    this.totalLength -= segment.data.lengths[doc - segment.first] as number;
    const original = (this.copyOf[doc] as number) < 0;
    for (const id of this.idsIn(segment, text)) {
      change(segment.dfChange, id, -1);
      if (original) change(segment.distinctChange, id, -1);
    }
  }

  /** A repeat became the first with its text (the earlier ones were removed): the caller set copyOf[doc] to -1. */
  promote(doc: number, text: string): void {
    const segment = this.segmentOf(doc);
    if (!segment || this.deleted[doc] === 1) return;
    for (const id of this.idsIn(segment, text)) change(segment.distinctChange, id, 1);
  }

  /** Merges segments [from, to) into one without their deleted documents. */
  merge(from: number, to: number): void {
    const parts = this.segments.slice(from, to);
    const firstPart = parts[0];
    if (parts.length < 2 || !firstPart) return;
    const merged = this.mergedSegment(parts);
    this.segments.splice(from, parts.length, merged);
  }

  private mergedSegment(parts: Segment[]): Segment {
    const first = (parts[0] as Segment).first;
    const postings = mergePostings(parts.map((s) => this.view(s)));
    const count = postings.lengths.length;
    let total = 0;
    let live = 0;
    for (let doc = first; doc < first + count; doc++) {
      if (this.deleted[doc] === 1) continue;
      total += postings.lengths[doc - first] as number;
      live++;
    }
    const average = averageOf(total, live);
    const bounds = termBounds(postings, first, normTable(average), this.copyOf);
    return { data: { ...postings, ...bounds }, first, count, boundAverage: average, deletedCount: 0, dfChange: new Map(), distinctChange: new Map() };
  }

  private addSegment(data: TermIndexData, first: number, boundAverage: number): void {
    const count = data.lengths.length;
    this.segments.push({ data, first, count, boundAverage, deletedCount: 0, dfChange: new Map(), distinctChange: new Map() });
    this.live += count;
    this.totalLength += sumOf(data.lengths);
    this.reserve(first + count);
  }

  /**
   * Grows the arrays indexed by document id to hold `ids` ids: by a quarter at least once
   * documents are being added, so fifty small appends to a million documents reallocate them a
   * few times, not fifty (13 bytes an id: measured, exact growth left 650 MB for the collector).
   */
  private reserve(ids: number): void {
    if (this.deleted.length >= ids) return;
    const size = this.deleted.length === 0 ? ids : Math.max(ids, Math.ceil(this.deleted.length * GROWTH));
    const deleted = new Uint8Array(size);
    deleted.set(this.deleted);
    this.deleted = deleted;
    this.scoring.scratch = new Float64Array(size);
    this.scoring.touched = new Uint32Array(size);
    this.scoring.marks = new Uint8Array(size);
  }

  private segmentOf(doc: number): Segment | undefined {
    const { segments } = this;
    let low = 0;
    let high = segments.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const s = segments[mid] as Segment;
      if (doc < s.first) high = mid - 1;
      else if (doc >= s.first + s.count) low = mid + 1;
      else return s;
    }
    return undefined;
  }

  private idsIn(segment: Segment, text: string): number[] {
    return termsOfText(text).map((term) => indexOfSorted(segment.data.terms, term)).filter((id) => id >= 0);
  }

  private view(segment: Segment): SegmentView {
    return { data: segment.data, first: segment.first, deleted: segment.deletedCount > 0 ? this.deleted : null };
  }

  /** The scoring context at the current corpus-wide average length (the norms table is remade only when it changed). */
  private current(): Scoring {
    const average = this.average();
    if (average !== this.normsAverage) {
      this.scoring.norms = normTable(average);
      this.normsAverage = average;
    }
    return this.scoring;
  }

  private average(): number {
    return averageOf(this.totalLength, this.live);
  }

  /** The given documents (a speaker's statements) that match any query word, unordered. */
  searchAmong(query: readonly string[], among: readonly number[]): Hit[] {
    const terms = this.weighted(query);
    const { norms } = this.current();
    const hits: Hit[] = [];
    for (const doc of among) {
      const segment = this.segmentOf(doc);
      if (!segment || this.deleted[doc] === 1) continue;
      const { offsets, docs, freqs, lengths } = segment.data;
      const s = this.segments.indexOf(segment);
      const norm = norms[lengths[doc - segment.first] as number] as number;
      let score = 0;
      for (const { term, weight } of terms) {
        const id = term.ids[s] as number;
        if (id < 0) continue;
        const end = offsets[id + 1] as number;
        const p = seek(docs, offsets[id] as number, end, doc);
        if (p < end && docs[p] === doc) score += term.idf * weight * impact(freqs[p] as number, norm);
      }
      if (score > 0) hits.push({ id: doc, score });
    }
    return hits;
  }

  /**
   * The `k` best documents for any query word (ties: lower id first), each score multiplied by
   * the boost; how many documents match, and how many distinct texts.
   */
  top(query: readonly string[], k: number, boost?: Boost, related: readonly RelatedTerm[] = []): Ranking {
    const terms = this.weighted(query, related).map(({ term, weight }) => ({ ids: term.ids, idf: term.idf * weight }));
    const scoring = this.current();
    const best = new TopHits(k);
    if (terms.length === 0) return { hits: [], matched: 0, counted: 0 };
    if (terms.length > MAX_MERGED_TERMS) return this.accumulated(scoring, terms, best, null, boost);
    const average = this.average();
    this.segments.forEach((segment, s) => {
      const local = this.localTerms(segment, s, terms, average);
      rankSegment(this.view(segment), scoring, local, best, boost);
    });
    return { hits: best.sorted(), ...this.countMatches(scoring, terms) };
  }

  /**
   * As `top`, among the documents `keep` accepts (a filter by date or outlet), with exact
   * counts of the accepted matches and of their distinct texts. Every posting is scored: a
   * filtered question cannot use the bounds, which are over all documents.
   */
  topWhere(query: readonly string[], k: number, keep: (doc: number) => boolean, boost?: Boost, related: readonly RelatedTerm[] = []): Ranking {
    const terms = this.weighted(query, related).map(({ term, weight }) => ({ ids: term.ids, idf: term.idf * weight }));
    return this.accumulated(this.current(), terms, new TopHits(k), keep, boost);
  }

  /**
   * Every live posting scored into one array across segments, then every document `keep`
   * accepts (all when null) offered, with counts of those and of their distinct texts.
   */
  private accumulated(scoring: Scoring, terms: ResolvedTerm[], best: TopHits, keep: ((doc: number) => boolean) | null, boost?: Boost): Ranking {
    let count = 0;
    this.segments.forEach((segment, s) => {
      count = accumulateSegment(this.view(segment), scoring, this.localTerms(segment, s, terms, 1), count);
    });
    const counts = keep ? offerKept(scoring, count, best, keep, boost) : offerAll(scoring, count, best, boost);
    return { hits: best.sorted(), ...counts };
  }

  /** The query's terms present in one segment, in the query's order, with their bounds there. */
  private localTerms(segment: Segment, s: number, terms: readonly ResolvedTerm[], average: number): QueryTerm[] {
    const out: QueryTerm[] = [];
    for (const term of terms) {
      const id = term.ids[s] as number;
      if (id < 0) continue;
      const bound = term.idf * boundAt(segment.data.maxImpacts[id] as number, segment.boundAverage, average);
      out.push({ id, idf: term.idf, bound });
    }
    return out;
  }

  /** How many live documents hold any of the terms, and how many distinct texts. */
  private countMatches(scoring: Scoring, terms: readonly ResolvedTerm[]): { matched: number; counted: number } {
    const [a, b] = terms;
    if (!a) return { matched: 0, counted: 0 };
    let matched = 0;
    let counted = 0;
    if (terms.length <= 2) {
      this.segments.forEach((segment, s) => {
        const one = this.counts(segment, a.ids[s] as number);
        matched += one.df;
        counted += one.distinct;
        if (!b) return;
        const two = this.counts(segment, b.ids[s] as number);
        matched += two.df;
        counted += two.distinct;
        if ((a.ids[s] as number) < 0 || (b.ids[s] as number) < 0) return;
        const both = intersect(this.view(segment), scoring.copyOf, a.ids[s] as number, b.ids[s] as number);
        matched -= both.both;
        counted -= both.bothDistinct;
      });
      return { matched, counted };
    }
    const marked: number[] = [];
    this.segments.forEach((segment, s) => {
      const found = markMatches(this.view(segment), scoring, this.localTerms(segment, s, terms, 1), marked);
      matched += found.matched;
      counted += found.counted;
    });
    for (const doc of marked) scoring.marks[doc] = 0;
    return { matched, counted };
  }

  /** A term's live documents in a segment, and how many are distinct texts. */
  private counts(segment: Segment, id: number): { df: number; distinct: number } {
    if (id < 0) return { df: 0, distinct: 0 };
    const { offsets, distinct } = segment.data;
    return {
      df: (offsets[id + 1] as number) - (offsets[id] as number) + (segment.dfChange.get(id) ?? 0),
      distinct: (distinct[id] as number) + (segment.distinctChange.get(id) ?? 0),
    };
  }

  /**
   * The query's terms and their weights: exact matches, and the related terms the index has
   * (words of the same meaning, at their lower weights); approximate ones only if neither matches.
   */
  private weighted(query: readonly string[], related: readonly RelatedTerm[] = []): { term: ResolvedTerm; weight: number }[] {
    const names = this.queryTerms(query);
    const exact: { term: ResolvedTerm; weight: number }[] = [];
    const own = new Set<string>();
    for (const name of names) {
      const term = this.resolve(name);
      if (term) exact.push({ term, weight: 1 });
      if (term) own.add(name);
    }
    const widened = new Map<string, { term: ResolvedTerm; weight: number }>();
    for (const { term: name, weight } of related) {
      if (own.has(name) || (widened.get(name)?.weight ?? 0) >= weight) continue;
      const term = this.resolve(name);
      if (term) widened.set(name, { term, weight });
    }
    const all = [...exact, ...widened.values()];
    return all.length > 0 ? all : names.flatMap((name) => this.approximate(name).map(({ resolved, weight }) => ({ term: resolved, weight })));
  }

  /** A term's corpus-wide weight and its id in each segment; null when no live document holds it. */
  private resolve(name: string): ResolvedTerm | null {
    return this.resolvedFrom(Int32Array.from(this.segments, (segment) => indexOfSorted(segment.data.terms, name)));
  }

  private resolvedFrom(ids: Int32Array): ResolvedTerm | null {
    let df = 0;
    this.segments.forEach((segment, s) => {
      if ((ids[s] as number) >= 0) df += this.counts(segment, ids[s] as number).df;
    });
    if (df <= 0) return null;
    return { ids, idf: Math.log(1 + (this.live - df + 0.5) / (df + 0.5)) };
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
    return this.resolve(term)?.idf ?? 0;
  }

  /** Whether any live document with id in [from, to) holds the term (an article's sentences are such a range). */
  occursIn(term: string, from: number, to: number): boolean {
    for (const segment of this.segments) {
      if (segment.first >= to || segment.first + segment.count <= from) continue;
      const id = indexOfSorted(segment.data.terms, term);
      if (id < 0) continue;
      const { offsets, docs } = segment.data;
      const end = offsets[id + 1] as number;
      // Postings are in document order: the first live one at or after `from` tells.
      for (let at = seek(docs, offsets[id] as number, end, from); at < end && (docs[at] as number) < to; at++) {
        if (this.deleted[docs[at] as number] !== 1) return true;
      }
    }
    return false;
  }

  /**
   * Terms that start with `term`, or are within a fifth of its letters of it (same first
   * letter), that some live document holds: in sorted order, as one segment over the live
   * documents would list them.
   */
  private approximate(term: string): { name: string; weight: number; resolved: ResolvedTerm }[] {
    const first = term[0] ?? '';
    const maxDistance = Math.max(1, Math.floor(term.length * FUZZY_SHARE));
    const found = new Map<string, { weight: number; ids: Int32Array }>();
    this.segments.forEach((segment, s) => {
      const { terms } = segment.data;
      for (let id = lowerBound(terms, first); id < terms.length && (terms[id] as string).startsWith(first); id++) {
        const candidate = terms[id] as string;
        const known = found.get(candidate);
        if (known) {
          known.ids[s] = id;
          continue;
        }
        let weight = 0;
        if (term.length >= MIN_PREFIX && candidate.startsWith(term)) weight = PREFIX_WEIGHT;
        else if (Math.abs(candidate.length - term.length) <= maxDistance && editDistance(term, candidate, maxDistance) <= maxDistance) weight = FUZZY_WEIGHT;
        if (weight === 0) continue;
        const ids = new Int32Array(this.segments.length).fill(-1);
        ids[s] = id;
        found.set(candidate, { weight, ids });
      }
    });
    const out: { name: string; weight: number; resolved: ResolvedTerm }[] = [];
    for (const [name, { weight, ids }] of found) {
      const resolved = this.resolvedFrom(ids);
      if (resolved) out.push({ name, weight, resolved });
    }
    return this.segments.length === 1 ? out : out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** Offers every accumulated document; counts them and the first copies among them. */
function offerAll({ copyOf, scratch, touched }: Scoring, count: number, best: TopHits, boost?: Boost): { matched: number; counted: number } {
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  let counted = 0;
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    const score = scratch[doc] as number;
    scratch[doc] = 0;
    if ((copyOf[doc] as number) < 0) counted++;
    best.offer(doc, factors ? score * (1 + (factors[doc] as number) * scale) : score);
  }
  return { matched: count, counted };
}

/** Offers the accumulated documents `keep` accepts; counts them, and their texts by first copy. */
function offerKept({ copyOf, scratch, touched, marks }: Scoring, count: number, best: TopHits, keep: (doc: number) => boolean, boost?: Boost): { matched: number; counted: number } {
  const factors = boost?.factors;
  const scale = boost?.scale ?? 0;
  let matched = 0;
  let counted = 0;
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
  return { matched, counted };
}

function change(map: Map<number, number>, id: number, by: number): void {
  map.set(id, (map.get(id) ?? 0) + by);
}

function lowerBound(terms: readonly string[], prefix: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((terms[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}
