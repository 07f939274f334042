import type { LoadFailure } from '../corpus/types.js';
import type { ArticlePerson } from '../attribution/people.js';
import { seek } from '../index/seek.js';
import { SpeakerDirectory, type Speaker } from '../search/speakers.js';
import { ArticleTable, type ArticleTableData, type IndexedArticle } from '../index/articleTable.js';
import { UNNAMED_SOURCE, groupBySpeaker, listCopies, listStatements, SentenceStore, type SentenceStoreData } from '../index/sentenceStore.js';
import { averageOf, invert, normTable, sumOf, type Postings, type TermIndexData } from '../index/postings.js';
import { termBounds } from '../index/topDocuments.js';
import { Interner } from '../index/interner.js';
import { FirstCopies } from '../index/firstCopies.js';
import { spliceTerms, type PostingsEdit } from '../index/spliceTerms.js';
import type { Part, PersonRecord } from './part.js';
import { pause } from '../pause.js';
import { groupStatements, publicationOrder, type QuoteTable } from '../statements/group.js';
import { lookupFromWire, lookupTables, lookupToWire, type LookupArrays, type LookupTables, type LookupText } from '../search/speakerLookup.js';

/** Everything a corpus index is made of: plain data and typed arrays, ready to transfer or save. */
export interface IndexData {
  articles: ArticleTableData;
  store: SentenceStoreData;
  speakers: Speaker[];
  terms: TermIndexData;
  lookup: LookupTables;
  failures: LoadFailure[];
}

/** The index assembled last, and the parts it was assembled from (the same objects for slices that did not change). */
export interface Assembled {
  parts: readonly Part[];
  data: IndexData;
}

/**
 * Joins parts (in corpus order) into one index: speakers merged, text and postings concatenated.
 * Given the index assembled before (`previous`), its term index is spliced (spliceTerms) instead
 * of inverted again, where few slices changed: the result answers exactly as a fresh assembly.
 */
export function assemble(parts: readonly Part[], failures: LoadFailure[], previous: Assembled | null = null): IndexData {
  const people = parts.map((part) => part.articles.map((article) => article.people.map(toPerson)));
  const speakers = SpeakerDirectory.build(parts.flatMap((part, p) => {
    let first = 0;
    return part.articles.map((article, a) => {
      const own = people[p]?.[a] ?? [];
      const entry = { people: own, speaking: speakingIn(part, first, article.sentences, own) };
      first += article.sentences;
      return entry;
    });
  }));
  const store = joinStores(parts, people, speakers);
  const articleList = parts.flatMap((part) => part.articles);
  store.statementOf = groupStatements({
    ...store, quotes: joinQuotes(parts), articleOrder: publicationOrder(articleList.map((a) => a.meta.published)),
  });
  Object.assign(store, listStatements(store.statementOf));
  const terms = (previous && splicedTerms(previous, parts, store)) ?? freshTerms(parts, store);
  return {
    articles: ArticleTable.from(articlesOf(parts, store)), store, speakers: speakers.speakers, terms,
    lookup: lookupTables(speakers.speakers), failures,
  };
}

/**
 * An index's typed arrays, and the rest, as sent between threads in two messages (see
 * worker.ts). The rest travels as two strings, not as objects: deserializing the speakers'
 * hundred thousand small objects at once stalled the receiving thread ~100 ms at a million
 * sentences (most of it young-generation collections), while strings copy in one piece and
 * are parsed in slices by `joinIndex`.
 */
export type IndexArrays = { store: Omit<SentenceStoreData, 'cues'>; terms: Omit<TermIndexData, 'terms'>; articles: ArticleTableData; lookup: LookupArrays };
export type IndexObjects = { speakers: string; terms: string; lookup: LookupText; cues: string[]; failures: LoadFailure[] };

export function splitIndex(data: IndexData): { arrays: IndexArrays; objects: IndexObjects } {
  const { cues, ...store } = data.store;
  const { terms, ...postings } = data.terms;
  const lookup = lookupToWire(data.lookup);
  const speakers = data.speakers.map((speaker) => JSON.stringify(speaker)).join('\n');
  return {
    arrays: { store, terms: postings, articles: data.articles, lookup: lookup.arrays },
    objects: { speakers, terms: terms.join('\n'), lookup: lookup.text, cues, failures: data.failures },
  };
}

// Speakers parsed between two yields to the event loop: a few milliseconds of work.
const SPEAKERS_PER_SLICE = 500;

/** The index again from its two messages, parsing the speakers in slices so the thread keeps serving. */
export async function joinIndex(arrays: IndexArrays, objects: IndexObjects): Promise<IndexData> {
  const speakers: Speaker[] = [];
  const lines = objects.speakers === '' ? [] : objects.speakers.split('\n');
  for (let i = 0; i < lines.length; i++) {
    speakers.push(JSON.parse(lines[i] as string) as Speaker);
    if (i % SPEAKERS_PER_SLICE === SPEAKERS_PER_SLICE - 1) await pause();
  }
  return {
    store: { ...arrays.store, cues: objects.cues }, terms: { ...arrays.terms, terms: objects.terms === '' ? [] : objects.terms.split('\n') },
    articles: arrays.articles, speakers, lookup: lookupFromWire(objects.lookup, arrays.lookup), failures: objects.failures,
  };
}

/**
 * The typed arrays' buffers of an index, each once, to transfer rather than copy between threads.
 * An index read from a snapshot has one shared buffer for all: shared memory is never transferred
 * (it is shared already), so it is left out.
 */
export function indexBuffers(data: IndexData): ArrayBuffer[] {
  const { store, terms, articles } = data;
  const buffers = [...Object.values(lookupToWire(data.lookup).arrays), articles.lines, articles.lineStarts, articles.sentences, articles.statements, articles.firstSentence, store.text, store.articleStarts, store.article, store.start, store.end, store.paragraph, store.speaker, store.quote,
    store.confidence, store.cue, store.textHash, store.copyOf, store.copyGroups, store.copyMembers, store.bySpeakerStarts, store.bySpeaker, store.quoteKey, store.statementOf, store.statementGroups, store.statementMembers, terms.offsets, terms.docs, terms.freqs, terms.lengths, terms.maxImpacts, terms.distinct].map((a) => a.buffer);
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => !(typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer));
}

function toPerson(record: PersonRecord): ArticlePerson {
  return { ...record, forms: new Set(record.forms), roles: new Set(record.roles) };
}

/** Who each of an article's sentences (`count` of them from `first` in its part) reports speaking. */
function* speakingIn(part: Part, first: number, count: number, people: readonly ArticlePerson[]): Generator<ArticlePerson | null> {
  let joint = seek(part.jointSentences, 0, part.jointSentences.length, first);
  for (let s = first; s < first + count; s++) {
    const index = part.person[s] as number;
    yield index >= 0 ? people[index] ?? null : null;
    // The others of a joint statement speak in it too.
    for (; joint < part.jointSentences.length && part.jointSentences[joint] === s; joint++) yield people[part.jointPeople[joint] as number] ?? null;
  }
}

function joinStores(parts: readonly Part[], people: ArticlePerson[][][], speakers: SpeakerDirectory): SentenceStoreData {
  const sentences = parts.reduce((n, p) => n + p.start.length, 0);
  const articleCount = parts.reduce((n, p) => n + p.articles.length, 0);
  const store: SentenceStoreData = {
    text: new Uint8Array(parts.reduce((n, p) => n + p.text.length, 0)),
    articleStarts: new Uint32Array(articleCount + 1), article: new Uint32Array(sentences), start: new Uint32Array(sentences),
    end: new Uint32Array(sentences), paragraph: new Uint32Array(sentences), speaker: new Int32Array(sentences),
    quote: new Uint8Array(sentences), confidence: new Uint8Array(sentences), cue: new Uint16Array(sentences),
    textHash: new Uint32Array(sentences), copyOf: new Int32Array(sentences), copyGroups: new Uint32Array(0), copyMembers: new Uint32Array(0), bySpeakerStarts: new Uint32Array(0), bySpeaker: new Uint32Array(0),
    quoteKey: new Uint32Array(sentences), statementOf: new Int32Array(0), statementGroups: new Uint32Array(0), statementMembers: new Uint32Array(0), cues: [],
  };
  // Cue 0 stands for no cue.
  const cues = new Interner(['']);
  let bytes = 0;
  let sentence = 0;
  let articleBase = 0;
  parts.forEach((part, p) => {
    store.text.set(part.text, bytes);
    const cueMap = part.cues.map((cue, i) => (i === 0 ? 0 : cues.id(cue)));
    let s = 0;
    part.articles.forEach((article, a) => {
      store.articleStarts[articleBase + a] = bytes + (part.articleStarts[a] as number);
      for (let k = 0; k < article.sentences; k++, s++, sentence++) {
        store.article[sentence] = articleBase + a;
        store.start[sentence] = bytes + (part.start[s] as number);
        store.end[sentence] = bytes + (part.end[s] as number);
        store.paragraph[sentence] = part.paragraph[s] as number;
        const person = part.person[s] as number;
        const speaker = person >= 0 ? people[p]?.[a]?.[person] : undefined;
        store.speaker[sentence] = person === UNNAMED_SOURCE ? UNNAMED_SOURCE : speaker ? speakers.idOf(speaker) ?? -1 : -1;
        store.quote[sentence] = part.quote[s] as number;
        store.confidence[sentence] = part.confidence[s] as number;
        store.cue[sentence] = cueMap[part.cue[s] as number] ?? 0;
        store.textHash[sentence] = part.textHash[s] as number;
        store.quoteKey[sentence] = part.quoteKey[s] as number;
      }
    });
    bytes += part.text.length;
    articleBase += part.articles.length;
  });
  store.articleStarts[articleCount] = bytes;
  store.cues = cues.values;
  markCopies(store);
  Object.assign(store, listCopies(store.copyOf), groupBySpeaker(store.speaker, speakers.speakers.length, jointSpeakers(parts, people, speakers)));
  return store;
}

/** The other speakers of joint statements ("X and Y said"), as [sentence id, speaker id] over the whole corpus. */
function jointSpeakers(parts: readonly Part[], people: ArticlePerson[][][], speakers: SpeakerDirectory): [number, number][] {
  const joint: [number, number][] = [];
  let base = 0;
  parts.forEach((part, p) => {
    // The article of each of the part's sentences, to find the person among its people.
    const articleOf = new Uint32Array(part.start.length);
    let s = 0;
    part.articles.forEach((article, a) => articleOf.fill(a, s, (s += article.sentences)));
    for (let j = 0; j < part.jointSentences.length; j++) {
      const sentence = part.jointSentences[j] as number;
      const person = people[p]?.[articleOf[sentence] as number]?.[part.jointPeople[j] as number];
      const id = person ? speakers.idOf(person) : null;
      if (id !== null && id !== undefined) joint.push([base + sentence, id]);
    }
    base += part.start.length;
  });
  return joint;
}

/** The parts' quotation signatures as one table over the corpus's sentence ids. */
function joinQuotes(parts: readonly Part[]): QuoteTable {
  const sentences = parts.reduce((n, p) => n + p.quoteKey.length, 0);
  const key = new Uint32Array(sentences);
  const guard = new Uint32Array(sentences);
  const termStarts = new Uint32Array(sentences + 1);
  const terms = new Uint32Array(parts.reduce((n, p) => n + p.quoteTerms.length, 0));
  let sentence = 0;
  let term = 0;
  for (const part of parts) {
    key.set(part.quoteKey, sentence);
    guard.set(part.quoteGuard, sentence);
    for (let s = 0; s < part.quoteKey.length; s++) termStarts[sentence + s] = term + (part.quoteTermStarts[s] as number);
    terms.set(part.quoteTerms, term);
    sentence += part.quoteKey.length;
    term += part.quoteTerms.length;
  }
  termStarts[sentences] = term;
  return { key, termStarts, terms, guard };
}

/** Links each sentence to the first one with the same text (same hash, then same decoded text). */
function markCopies(store: SentenceStoreData): void {
  const text = new SentenceStore(store);
  const firsts = new FirstCopies((id) => store.textHash[id] as number, store.copyOf.length);
  const same = (a: number, b: number) => text.sameText(a, b);
  for (let id = 0; id < store.copyOf.length; id++) store.copyOf[id] = firsts.firstOf(id, same);
}

function articlesOf(parts: readonly Part[], store: SentenceStoreData): IndexedArticle[] {
  const articles: IndexedArticle[] = [];
  let firstSentence = 0;
  for (const part of parts) {
    for (const article of part.articles) {
      let statements = 0;
      for (let s = firstSentence; s < firstSentence + article.sentences; s++) if ((store.speaker[s] as number) >= 0) statements++;
      articles.push({ file: article.file, meta: article.meta, key: article.key, sentences: article.sentences, statements, firstSentence });
      firstSentence += article.sentences;
    }
  }
  return articles;
}

/** The term index inverted from every part: one segment over every document, its bounds at the average length of all of them. */
function freshTerms(parts: readonly Part[], store: SentenceStoreData): TermIndexData {
  const postings = joinTerms(parts);
  const norms = normTable(averageOf(sumOf(postings.lengths), postings.lengths.length));
  return { ...postings, ...termBounds(postings, 0, norms, store.copyOf) };
}

// Past this share of the documents changed, inverting everything again costs less than splicing.
const MOST_SPLICED = 0.5;

/** The previous term index with the changed slices' documents spliced in; null when too much changed to gain by it. */
function splicedTerms(previous: Assembled, parts: readonly Part[], store: SentenceStoreData): TermIndexData | null {
  const changes = changedParts(previous.parts, parts);
  // Counted before anything is inverted: past the share, freshTerms inverts every part anyway.
  const added = changes.reduce((n, change) => n + change.parts.reduce((m, part) => m + part.lengths.length, 0), 0);
  if (added > MOST_SPLICED * store.copyOf.length) return null;
  const text = new SentenceStore(store);
  return spliceTerms(previous.data.terms, postingsEdits(changes), { before: previous.data.store.copyOf, after: store.copyOf }, (doc) => text.text(doc));
}

/** Old documents [at, at + removed) replaced by those of `parts`. */
interface PartChange {
  at: number;
  removed: number;
  parts: Part[];
}

/** What changed between two lists of parts, as edits of the term index (see spliceTerms). */
export function partEdits(before: readonly Part[], after: readonly Part[]): PostingsEdit[] {
  return postingsEdits(changedParts(before, after));
}

/** Each change's parts inverted, their documents numbered from where they go (after the shifts of the changes before). */
function postingsEdits(changes: readonly PartChange[]): PostingsEdit[] {
  let shift = 0;
  return changes.map(({ at, removed, parts }) => {
    const added = joinTerms(parts, at + shift);
    shift += added.lengths.length - removed;
    return { at, removed, added };
  });
}

/**
 * What changed between two lists of parts: unchanged slices are the very same Part objects (the
 * indexer keeps them), matched in order; the parts between two matches replace those between the
 * matching old ones.
 */
function changedParts(before: readonly Part[], after: readonly Part[]): PartChange[] {
  const oldPlace = new Map(before.map((part, i) => [part, i]));
  const oldFirst = firstDocuments(before);
  const changes: PartChange[] = [];
  let i = 0;
  let pending: Part[] = [];
  const close = (upTo: number) => {
    const at = oldFirst[i] as number;
    const removed = (oldFirst[upTo] as number) - at;
    if (removed > 0 || pending.length > 0) changes.push({ at, removed, parts: pending });
    pending = [];
  };
  for (const part of after) {
    const place = oldPlace.get(part);
    if (place === undefined || place < i) {
      pending.push(part);
      continue;
    }
    close(place);
    i = place + 1;
  }
  close(before.length);
  return changes;
}

/** Each part's first document id, and one past the last. */
function firstDocuments(parts: readonly Part[]): number[] {
  const firsts = [0];
  for (const part of parts) firsts.push((firsts[firsts.length - 1] as number) + part.lengths.length);
  return firsts;
}

/** One dictionary for all parts; each part's term ids renumbered into it, then inverted (ids from `first`). */
function joinTerms(parts: readonly Part[], first = 0): Postings {
  const terms = new Interner();
  const documents = parts.reduce((n, p) => n + p.lengths.length, 0);
  const postings = parts.reduce((n, p) => n + p.docTerms.length, 0);
  const docStarts = new Uint32Array(documents);
  const docTerms = new Uint32Array(postings);
  const docFreqs = new Uint8Array(postings);
  const lengths = new Uint16Array(documents);
  let doc = 0;
  let at = 0;
  for (const part of parts) {
    const remap = part.terms.map((term) => terms.id(term));
    for (let d = 0; d < part.lengths.length; d++) docStarts[doc + d] = at + (part.docStarts[d] as number);
    for (let p = 0; p < part.docTerms.length; p++) docTerms[at + p] = remap[part.docTerms[p] as number] as number;
    docFreqs.set(part.docFreqs, at);
    lengths.set(part.lengths, doc);
    doc += part.lengths.length;
    at += part.docTerms.length;
  }
  return invert({ terms: terms.values, docStarts, docTerms, docFreqs, lengths }, first);
}
