import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { LoadFailure } from '../corpus/types.js';
import type { Part } from './part.js';
import { INDEX_VERSION } from './snapshot.js';
import { hashText } from '../statements/quotedWords.js';
import { FileDigests } from './fileDigests.js';

/**
 * The analysis of each slice of articles, kept under CACHE_DIR/parts by the content of its
 * articles: a rebuild after one article was added, changed or removed analyses only the slice
 * that holds it, and reads every other slice's analysis back (attribution is most of a build's
 * cost: about 85 µs a sentence, against a few for reading a saved part).
 */

const FOLDER = 'parts';
const SUFFIX = '.part';

// Slices end after a file whose name hashes to 0 modulo this: about this many articles a slice
// (a thousand sentences), and the boundaries depend on the names alone, so adding a file changes
// only the slice it falls in (content-defined chunking, as rsync and backup tools cut files).
const ARTICLES_PER_SLICE = 50;
// A run of names that never hashes to a boundary is still cut here.
const MAX_ARTICLES_PER_SLICE = 4 * ARTICLES_PER_SLICE;

/** The corpus files, in their order, cut into slices whose boundaries depend only on the names around them. */
export function sliceFiles(files: readonly string[]): string[][] {
  const slices: string[][] = [];
  let current: string[] = [];
  for (const file of files) {
    current.push(file);
    if (hashText(file) % ARTICLES_PER_SLICE === 0 || current.length >= MAX_ARTICLES_PER_SLICE) {
      slices.push(current);
      current = [];
    }
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

/**
 * The key of a slice's analysis: the index version, and each file's name and bytes (with a
 * plain-text article's metadata file beside it), read raw: an unchanged slice is known without
 * parsing any article (parsing was most of the time of a rebuild that analysed nothing).
 */
export function sliceKey(dir: string, files: readonly string[], cwd = process.cwd(), digests: FileDigests = new FileDigests()): string {
  const hash = createHash('sha256').update(`verbatim part ${INDEX_VERSION}\n`);
  for (const file of files) {
    // Articles are named relative to the working folder (see readArticles): so is the key.
    hash.update(relative(cwd, join(dir, file))).update('\0');
    hash.update(digests.digest(join(dir, file))).update('\0');
    if (extname(file).toLowerCase() === '.txt') hash.update(digests.digest(join(dir, file.slice(0, -4) + '.json'))).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array;
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array } as const;
type ArrayField = { [K in keyof Part]: Part[K] extends Typed ? K : never }[keyof Part];
const ARRAY_FIELDS: ArrayField[] = [
  'text', 'articleStarts', 'start', 'end', 'paragraph', 'person', 'quote', 'confidence', 'cue', 'textHash', 'quoteKey',
  'quoteTermStarts', 'quoteTerms', 'quoteGuard', 'jointSentences', 'jointPeople', 'docStarts', 'docTerms', 'docFreqs', 'lengths',
];

/** A slice's analysis, and the files of it that could not be loaded (with why). */
export interface SavedPart {
  part: Part;
  failures: LoadFailure[];
}

interface Header {
  version: number;
  key: string;
  checksum: string;
  failures: LoadFailure[];
  articles: Part['articles'];
  cues: string[];
  terms: string[];
  layout: { field: ArrayField; type: keyof typeof TYPES; offset: number; length: number }[];
}

/**
 * Saves a part as one file: a 4-byte header length, the header (JSON), then every typed array
 * raw and 8-byte aligned, with a checksum of those bytes. Written under a temporary name and
 * renamed, so a reader never sees half of one.
 */
export function savePart(cacheDir: string, key: string, { part, failures }: SavedPart): void {
  const folder = join(cacheDir, FOLDER);
  mkdirSync(folder, { recursive: true });
  const layout: Header['layout'] = [];
  let offset = 0;
  for (const field of ARRAY_FIELDS) {
    const array = part[field];
    layout.push({ field, type: array.constructor.name as keyof typeof TYPES, offset, length: array.length });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const payload = new Uint8Array(offset);
  ARRAY_FIELDS.forEach((field, i) => {
    const array = part[field];
    payload.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), layout[i]?.offset ?? 0);
  });
  const header: Header = { version: INDEX_VERSION, key, checksum: digest(payload), failures, articles: part.articles, cues: part.cues, terms: part.terms, layout };
  const json = Buffer.from(JSON.stringify(header));
  const start = Math.ceil((4 + json.length) / 8) * 8;
  const file = Buffer.alloc(start + payload.length);
  file.writeUInt32LE(json.length, 0);
  json.copy(file, 4);
  file.set(payload, start);
  const target = join(folder, `${key}${SUFFIX}`);
  const temporary = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, file);
  renameSync(temporary, target);
}

/** The saved part for `key`, or null when there is none or it cannot be trusted (any doubt means analysing again). */
export function loadPart(cacheDir: string, key: string): SavedPart | null {
  let file: Buffer;
  try {
    file = readFileSync(join(cacheDir, FOLDER, `${key}${SUFFIX}`));
  } catch {
    return null;
  }
  try {
    const length = file.readUInt32LE(0);
    const header = JSON.parse(file.subarray(4, 4 + length).toString('utf8')) as Header;
    const start = Math.ceil((4 + length) / 8) * 8;
    // A copy with its own buffer: the part's arrays are transferred to the builder thread whole.
    const payload = new Uint8Array(file.subarray(start));
    if (header.version !== INDEX_VERSION || header.key !== key || header.checksum !== digest(payload)) return null;
    const arrays: Partial<Record<ArrayField, Typed>> = {};
    for (const { field, type, offset, length: count } of header.layout) {
      const Type = TYPES[type];
      if (!Type || offset % 8 !== 0 || offset + count * Type.BYTES_PER_ELEMENT > payload.length) return null;
      arrays[field] = new Type(payload.buffer, offset, count);
    }
    if (ARRAY_FIELDS.some((field) => !arrays[field])) return null;
    const part: Part = { ...(arrays as Pick<Part, ArrayField>), articles: header.articles, cues: header.cues, terms: header.terms };
    return { part, failures: header.failures };
  } catch {
    return null;
  }
}

/**
 * Removes saved parts that no slice of the last build used, unless written in the last
 * `graceMs` (another process on the same CACHE_DIR may have just saved them). A part removed
 * wrongly costs only its analysis again.
 */
export function pruneParts(cacheDir: string, used: ReadonlySet<string>, graceMs = 10 * 60_000): number {
  const folder = join(cacheDir, FOLDER);
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return 0;
  }
  const now = Date.now();
  for (const entry of entries) {
    const key = entry.endsWith(SUFFIX) ? entry.slice(0, -SUFFIX.length) : null;
    if (key !== null && used.has(key)) continue;
    try {
      if (now - statSync(join(folder, entry)).mtimeMs < graceMs) continue;
      rmSync(join(folder, entry), { force: true });
      removed++;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
