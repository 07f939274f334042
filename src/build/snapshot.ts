import { createHash } from 'node:crypto';
import { checksum, readAndHash, type ReadingFile } from './checksum.js';
import { pause } from '../pause.js';
import { FileDigests } from './fileDigests.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles, statFingerprint } from './fingerprint.js';
import type { IndexData } from './assemble.js';
import type { SentenceStoreData } from '../index/sentenceStore.js';
import type { TermIndexData } from '../index/postings.js';
import type { ArticleTableData } from '../index/articleTable.js';
import { BM25 } from '../index/postings.js';
import { lookupFromWire, lookupToWire, type LookupArrays, type LookupText } from '../search/speakerLookup.js';

/** Bump when the analysis or the index format changes: old snapshots are then never trusted. */
export const INDEX_VERSION = 12;
const PREFIX = 'index-';

type ArrayName = Exclude<keyof SentenceStoreData, 'cues'> | `terms.${Exclude<keyof TermIndexData, 'terms'>}` | `articles.${keyof ArticleTableData}` | `lookup.${keyof LookupArrays}`;
type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array } as const;

interface Layout {
  name: ArrayName;
  type: keyof typeof TYPES;
  offset: number;
  length: number;
}

interface Meta {
  version: number;
  key: string;
  bytes: number;
  checksum: string;
  layout: Layout[];
  speakers: IndexData['speakers'];
  failures: IndexData['failures'];
  cues: string[];
  lookup: LookupText;
}

/**
 * The snapshot key: the index version and options, and every corpus file's path and bytes.
 * Any edit, addition or removal in the corpus gives a new key.
 */
export function corpusKey(dir: string, digests: FileDigests = new FileDigests()): string {
  const key = new KeyHash();
  for (const file of corpusFiles(dir)) key.add(file, digests.digest(`${dir}/${file}`));
  return key.digest();
}

/** Hashes each file's path and the digest of its bytes: a long-lived indexer keeps the digests of unchanged files (FileDigests). */
class KeyHash {
  private readonly hash = createHash('sha256').update(JSON.stringify({ INDEX_VERSION, BM25 }));

  add(file: string, digest: string): void {
    this.hash.update(file).update('\0').update(digest).update('\n');
  }

  digest(): string {
    return this.hash.digest('hex').slice(0, 32);
  }
}

const KEY_CACHE = 'corpus-key.json';

/**
 * The content key of the corpus, computed only when the files' stat fingerprint changed since
 * the last time (remembered under CACHE_DIR).
 */
export function cachedCorpusKey(dir: string, cacheDir: string): string {
  const fingerprint = statFingerprint(dir);
  const known = rememberedKey(cacheDir);
  if (known?.fingerprint === fingerprint) return known.key;
  const key = corpusKey(dir);
  rememberKey(cacheDir, fingerprint, key);
  return key;
}

/** The content key last computed, and the stat fingerprint it was computed for; null when none. */
export function rememberedKey(cacheDir: string): { fingerprint: string; key: string } | null {
  try {
    const known = JSON.parse(readFileSync(join(cacheDir, KEY_CACHE), 'utf8')) as { fingerprint?: unknown; key?: unknown; version?: unknown };
    if (known.version === INDEX_VERSION && typeof known.key === 'string' && typeof known.fingerprint === 'string') return { fingerprint: known.fingerprint, key: known.key };
  } catch {
    // No remembered key, or an unreadable one.
  }
  return null;
}

/** Remembers that files with this stat fingerprint have this content key. */
export function rememberKey(cacheDir: string, fingerprint: string, key: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, KEY_CACHE), JSON.stringify({ fingerprint, key, version: INDEX_VERSION }));
  } catch {
    // A read-only cache only costs the next start some time.
  }
}

/** Like corpusKey, yielding to the event loop every few files: for a thread with other work to answer. */
export async function corpusKeyInSlices(dir: string, digests: FileDigests = new FileDigests()): Promise<string> {
  const key = new KeyHash();
  for (const [i, file] of corpusFiles(dir).entries()) {
    key.add(file, digests.digest(`${dir}/${file}`));
    if (i % FILES_PER_SLICE === FILES_PER_SLICE - 1) await pause();
  }
  return key.digest();
}

const FILES_PER_SLICE = 100;


function arraysOf(data: IndexData): [ArrayName, Typed][] {
  const { store, terms, articles } = data;
  const lookup = Object.entries(lookupToWire(data.lookup).arrays).map(([name, array]): [ArrayName, Typed] => [`lookup.${name as keyof LookupArrays}`, array]);
  return [
    ...lookup,
    ['articles.lines', articles.lines], ['articles.lineStarts', articles.lineStarts], ['articles.sentences', articles.sentences],
    ['articles.statements', articles.statements], ['articles.firstSentence', articles.firstSentence],
    ['text', store.text], ['articleStarts', store.articleStarts], ['article', store.article], ['start', store.start], ['end', store.end],
    ['paragraph', store.paragraph], ['speaker', store.speaker], ['quote', store.quote], ['confidence', store.confidence], ['cue', store.cue],
    ['textHash', store.textHash], ['copyOf', store.copyOf], ['copyGroups', store.copyGroups], ['copyMembers', store.copyMembers], ['bySpeakerStarts', store.bySpeakerStarts], ['bySpeaker', store.bySpeaker],
    ['quoteKey', store.quoteKey], ['statementOf', store.statementOf], ['statementGroups', store.statementGroups], ['statementMembers', store.statementMembers], ['terms.offsets', terms.offsets], ['terms.docs', terms.docs], ['terms.freqs', terms.freqs], ['terms.lengths', terms.lengths], ['terms.maxImpacts', terms.maxImpacts], ['terms.distinct', terms.distinct],
  ];
}

/** An index whose typed arrays all sit in one buffer, laid out as a snapshot's arrays.bin. */
export interface PackedIndex {
  bytes: Uint8Array;
  layout: Layout[];
  data: IndexData;
}

/**
 * Copies every typed array of an index into one buffer, 8-byte aligned (the layout arrays.bin
 * has), and gives the index again over it. With `shared`, the buffer is shared memory: another
 * thread can then be given the index without a copy while this one saves it.
 */
export function packIndex(data: IndexData, shared = false): PackedIndex {
  const layout: Layout[] = [];
  let offset = 0;
  for (const [name, array] of arraysOf(data)) {
    layout.push({ name, type: array.constructor.name as keyof typeof TYPES, offset, length: array.length });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const bytes = new Uint8Array(shared ? new SharedArrayBuffer(offset) : new ArrayBuffer(offset));
  for (const [i, [, array]] of arraysOf(data).entries()) bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), layout[i]?.offset ?? 0);
  const { terms, speakers, failures, store: { cues }, lookup } = data;
  return { bytes, layout, data: viewData(layout, bytes, { terms: terms.terms, speakers, failures, cues, lookup: lookupToWire(lookup).text }) };
}

/**
 * Saves a snapshot under `cacheDir` as three files: arrays.bin (every typed array, 8-byte
 * aligned, raw), terms.txt (one term a line) and meta.json (articles, speakers, layout, checksum).
 * No single string holds the index, so size is bounded by disk, not by V8's string limit.
 * Written to a temporary folder and renamed, so a reader never sees half a snapshot; older
 * snapshots are removed.
 */
export function saveSnapshot(cacheDir: string, key: string, data: IndexData | PackedIndex): string {
  const { bytes, layout, data: index } = 'layout' in data ? data : packIndex(data);
  mkdirSync(cacheDir, { recursive: true });
  const target = join(cacheDir, `${PREFIX}${key}`);
  const temporary = `${target}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(temporary);
  writeFileSync(join(temporary, 'arrays.bin'), bytes);
  writeFileSync(join(temporary, 'terms.txt'), index.terms.terms.join('\n'));
  const meta: Meta = {
    version: INDEX_VERSION, key, bytes: bytes.length, checksum: checksum(bytes), layout,
    speakers: index.speakers, failures: index.failures, cues: index.store.cues, lookup: lookupToWire(index.lookup).text,
  };
  writeFileSync(join(temporary, 'meta.json'), JSON.stringify(meta));
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
  for (const entry of readdirSync(cacheDir)) {
    if (entry.startsWith(PREFIX) && entry !== `${PREFIX}${key}` && !entry.includes('.tmp-')) rmSync(join(cacheDir, entry), { recursive: true, force: true });
  }
  return target;
}

/** Why a snapshot was not used, for the log. */
export type SnapshotMiss = 'none' | 'stale' | 'unreadable';

/**
 * A snapshot read from disk, whose checksum is still being computed on another thread:
 * `problem` resolves to null when the bytes match, else to the reason they cannot be trusted.
 * Build from `data` meanwhile, but answer nothing before `problem` has resolved to null.
 */
export interface PendingSnapshot {
  data: IndexData;
  problem: Promise<string | null>;
}

/** A snapshot whose arrays are being read on another thread before its key is confirmed (see openCorpus). */
export interface EarlyRead {
  key: string;
  reading: ReadingFile;
}

/** Starts reading the snapshot for `key` on another thread; null when there is none. */
export function readEarly(cacheDir: string, key: string): EarlyRead | null {
  try {
    const path = join(cacheDir, `${PREFIX}${key}`, 'arrays.bin');
    return { key, reading: readAndHash(path, statSync(path).size) };
  } catch {
    return null;
  }
}

/**
 * The snapshot for `key`, or why there is none: any doubt about it means a rebuild. `early`
 * is a read already started (used when its key is this one, else stopped).
 */
export async function loadSnapshot(cacheDir: string, key: string, early: EarlyRead | null = null): Promise<PendingSnapshot | { miss: SnapshotMiss; reason?: string }> {
  let reading = early?.key === key ? early.reading : null;
  if (early && !reading) early.reading.cancel();
  const folder = join(cacheDir, `${PREFIX}${key}`);
  try {
    if (!existsSync(folder)) {
      reading?.cancel();
      const others = existsSync(cacheDir) && readdirSync(cacheDir).some((e) => e.startsWith(PREFIX));
      return { miss: others ? 'stale' : 'none' };
    }
    const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as Meta;
    if (meta.version !== INDEX_VERSION || meta.key !== key) {
      reading?.cancel();
      return { miss: 'stale' };
    }
    const path = join(folder, 'arrays.bin');
    reading ??= readAndHash(path, statSync(path).size);
    const bytes = await reading.bytes;
    if (bytes.length !== meta.bytes) throw new Error('arrays.bin has the wrong size');
    const problem = reading.digest.then(
      (hex) => (hex === meta.checksum ? null : 'arrays.bin does not match its checksum'),
      (error: unknown) => `arrays.bin could not be checked: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { data: readData(folder, meta, bytes), problem };
  } catch (error) {
    reading?.cancel();
    return { miss: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

function readData(folder: string, meta: Meta, bytes: Uint8Array): IndexData {
  const termsText = readFileSync(join(folder, 'terms.txt'), 'utf8');
  const data = viewData(meta.layout, bytes, { ...meta, terms: termsText === '' ? [] : termsText.split('\n') });
  if (data.terms.offsets.length !== data.terms.terms.length + 1) throw new Error('terms.txt does not match the postings');
  return data;
}

/** What an index holds besides its typed arrays. */
type IndexObjects = { terms: string[]; speakers: IndexData['speakers']; failures: IndexData['failures']; cues: string[]; lookup: LookupText };

/** The index over one buffer of its arrays, as `layout` places them. */
function viewData(layout: readonly Layout[], bytes: Uint8Array, objects: IndexObjects): IndexData {
  const arrays = new Map<ArrayName, Typed>();
  // Shared memory (a snapshot is hashed on another thread meanwhile): typed arrays read it alike.
  const buffer = bytes.buffer as ArrayBuffer;
  for (const entry of layout) {
    const Type = TYPES[entry.type];
    if (!Type || entry.offset % 8 !== 0 || entry.offset + entry.length * Type.BYTES_PER_ELEMENT > bytes.length) throw new Error(`bad layout for ${entry.name}`);
    arrays.set(entry.name, new Type(buffer, bytes.byteOffset + entry.offset, entry.length));
  }
  const get = <T extends Typed>(name: ArrayName) => {
    const array = arrays.get(name);
    if (!array) throw new Error(`missing ${name}`);
    return array as T;
  };
  return {
    articles: {
      lines: get('articles.lines'), lineStarts: get('articles.lineStarts'), sentences: get('articles.sentences'),
      statements: get('articles.statements'), firstSentence: get('articles.firstSentence'),
    },
    speakers: objects.speakers, failures: objects.failures,
    store: {
      text: get('text'), articleStarts: get('articleStarts'), article: get('article'), start: get('start'), end: get('end'),
      paragraph: get('paragraph'), speaker: get('speaker'), quote: get('quote'), confidence: get('confidence'), cue: get('cue'),
      textHash: get('textHash'), copyOf: get('copyOf'), copyGroups: get('copyGroups'), copyMembers: get('copyMembers'), bySpeakerStarts: get('bySpeakerStarts'), bySpeaker: get('bySpeaker'),
      quoteKey: get('quoteKey'), statementOf: get('statementOf'), statementGroups: get('statementGroups'), statementMembers: get('statementMembers'), cues: objects.cues,
    },
    terms: {
      terms: objects.terms, offsets: get('terms.offsets'), docs: get('terms.docs'),
      freqs: get('terms.freqs'), lengths: get('terms.lengths'), maxImpacts: get('terms.maxImpacts'), distinct: get('terms.distinct'),
    },
    lookup: lookupFromWire(objects.lookup, {
      forms: get('lookup.forms'), quotedForms: get('lookup.quotedForms'), quotedWords: get('lookup.quotedWords'),
      singleWords: get('lookup.singleWords'), formKinds: get('lookup.formKinds'), mostQuoted: get('lookup.mostQuoted'),
    }),
  };
}
