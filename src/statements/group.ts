import { compatibleGuards, sameStatementInOtherWords, sharedTerms, VARIANT_MIN_SHARED } from './quotedWords.js';

/** Every sentence's quotation signature (see quotedWords.ts), in corpus order, as flat typed arrays. */
export interface QuoteTable {
  /** 0 for a sentence that quotes too little to tell. */
  key: Uint32Array;
  /** Sentence i's content terms are terms[termStarts[i] .. termStarts[i + 1]). */
  termStarts: Uint32Array;
  terms: Uint32Array;
  /** Per sentence: what must agree between quotations in other words (quotedWords.ts). */
  guard: Uint32Array;
}

/** What grouping needs of the store. */
export interface GroupingInput {
  /** Per sentence: its article. */
  article: Uint32Array;
  /** Per sentence: the first sentence with the same text, or -1. */
  copyOf: Int32Array;
  bySpeakerStarts: Uint32Array;
  bySpeaker: Uint32Array;
  quotes: QuoteTable;
  /** Per article: its place in publication order (earliest 0; undated articles last). */
  articleOrder: Uint32Array;
}

// A quoted term shared by more of one speaker's statements than this ("talks", "sanctions")
// tells none of them apart; candidates are found through rarer terms, which keeps grouping
// close to linear for a speaker quoted thousands of times.
const MAX_LEADERS_PER_TERM = 256;

/**
 * Groups reports of one statement, and returns per sentence its statement's earliest report
 * (-1 for that report itself and for a statement reported once). Reports of one statement are:
 * the same sentence (wire copies); the same speaker's same quoted words in another sentence; and
 * the same speaker's quotation in other words (a translation, a cut): most of the shorter's
 * content terms in the longer. A speaker's statements are read oldest first, and each is compared
 * with the first report of every statement already seen, never with later ones, so a chain of
 * small changes can't join two different statements.
 */
export function groupStatements(input: GroupingInput): Int32Array {
  const sentences = input.article.length;
  const roots = new UnionFind(sentences);
  for (let id = 0; id < sentences; id++) {
    const first = input.copyOf[id] as number;
    if (first >= 0) roots.union(first, id);
  }
  const scratch = { shared: new Uint16Array(sentences), touched: [] as number[] };
  for (let s = 0; s + 1 < input.bySpeakerStarts.length; s++) {
    const statements = input.bySpeaker.subarray(input.bySpeakerStarts[s], input.bySpeakerStarts[s + 1]);
    groupSpeaker(input, statements, roots, scratch);
  }
  return earliestReports(input, roots);
}

interface Scratch {
  shared: Uint16Array;
  touched: number[];
}

/** One speaker's quotations, oldest first, each joined to the first report of its statement. */
function groupSpeaker(input: GroupingInput, statements: Uint32Array, roots: UnionFind, scratch: Scratch): void {
  const { key, termStarts, terms } = input.quotes;
  const quoting = Array.from(statements).filter((id) => key[id] !== 0);
  if (quoting.length < 2) return;
  const order = (id: number) => input.articleOrder[input.article[id] as number] as number;
  quoting.sort((a, b) => order(a) - order(b) || a - b);
  const byKey = new Map<number, number>();
  const byTerm = new Map<number, number[]>();
  for (const id of quoting) {
    const own = terms.subarray(termStarts[id], termStarts[id + 1]);
    const same = byKey.get(key[id] as number) ?? closestLeader(id, own, byTerm, input.quotes, scratch);
    if (same !== undefined) {
      roots.union(same, id);
      if (!byKey.has(key[id] as number)) byKey.set(key[id] as number, same);
      continue;
    }
    byKey.set(key[id] as number, id);
    for (const term of own) {
      const leaders = byTerm.get(term);
      if (!leaders) byTerm.set(term, [id]);
      else if (leaders.length <= MAX_LEADERS_PER_TERM) leaders.push(id);
    }
  }
}

/** The first report, among those seen, whose quotation is this one in other words: the one sharing most terms. */
function closestLeader(id: number, own: Uint32Array, byTerm: Map<number, number[]>, quotes: QuoteTable, scratch: Scratch): number | undefined {
  const { shared, touched } = scratch;
  for (const term of own) {
    const leaders = byTerm.get(term);
    if (!leaders || leaders.length > MAX_LEADERS_PER_TERM) continue;
    for (const leader of leaders) {
      if (shared[leader] === 0) touched.push(leader);
      shared[leader]!++;
    }
  }
  let best: number | undefined;
  let bestShared = 0;
  for (const leader of touched) {
    const count = shared[leader] as number;
    shared[leader] = 0;
    if (count < VARIANT_MIN_SHARED || count < bestShared || !compatibleGuards(quotes.guard[id] as number, quotes.guard[leader] as number)) continue;
    const theirs = quotes.terms.subarray(quotes.termStarts[leader], quotes.termStarts[leader + 1]);
    if (!sameStatementInOtherWords(own, theirs)) continue;
    const exact = sharedTerms(own, theirs);
    if (exact > bestShared || (exact === bestShared && best !== undefined && leader < best)) {
      best = leader;
      bestShared = exact;
    }
  }
  touched.length = 0;
  return best;
}

/** Per sentence, its group's earliest report (by publication, then corpus order), or -1 for that report. */
function earliestReports(input: GroupingInput, roots: UnionFind): Int32Array {
  const sentences = input.article.length;
  const earliest = new Int32Array(sentences).fill(-1);
  const order = (id: number) => input.articleOrder[input.article[id] as number] as number;
  for (let id = 0; id < sentences; id++) {
    const root = roots.find(id);
    const current = earliest[root] as number;
    if (current < 0 || order(id) < order(current)) earliest[root] = id;
  }
  const out = new Int32Array(sentences);
  for (let id = 0; id < sentences; id++) {
    const first = earliest[roots.find(id)] as number;
    out[id] = first === id ? -1 : first;
  }
  return out;
}

/** Disjoint sets over sentence ids, with path halving. */
class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(id: number): number {
    let at = id;
    while (this.parent[at] !== at) {
      const up = this.parent[this.parent[at] as number] as number;
      this.parent[at] = up;
      at = up;
    }
    return at;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}

/** Each article's place in publication order: dated articles by date (ISO strings sort as dates), then undated ones, corpus order breaking ties. */
export function publicationOrder(published: readonly (string | null)[]): Uint32Array {
  const ids = published.map((_, i) => i);
  ids.sort((a, b) => {
    const dateA = published[a] ?? null;
    const dateB = published[b] ?? null;
    if (dateA === null || dateB === null) return dateA === dateB ? a - b : dateA === null ? 1 : -1;
    return dateA < dateB ? -1 : dateA > dateB ? 1 : a - b;
  });
  const order = new Uint32Array(published.length);
  ids.forEach((id, place) => (order[id] = place));
  return order;
}
