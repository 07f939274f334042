import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { indexOfSorted } from '../index/seek.js';
import { writeAtomically } from './vectors.js';

/** The parts of speech wink-lemmatizer knows. */
export type LemmaPart = 'noun' | 'verb' | 'adjective';
const PARTS: readonly LemmaPart[] = ['noun', 'verb', 'adjective'];

/**
 * wink-lemmatizer's answers for the words of the compiled word vectors (the vocabulary of news),
 * worked out once and kept under CACHE_DIR. Loading wink's word lists compiles about 10 MB of
 * JavaScript (~0.2 s, and twice that under tsx) on the first topic question of every process;
 * this table opens in milliseconds. It holds exactly what wink says for these words, so answers
 * do not depend on whether it exists: a word outside it is still asked of wink.
 */
export class LemmaTable {
  /**
   * `words`: the words it holds, sorted by <; `changed`: per part of speech, the
   * words whose lemma is another word, sorted, and their lemmas. Searched by halving: nothing is
   * built when the table opens (a Set and Maps of these words took ~0.1 s).
   */
  constructor(private readonly words: readonly string[], private readonly changed: Record<LemmaPart, { words: readonly string[]; lemmas: readonly string[] }>) {}

  /** wink's lemma of a word for one part of speech, or undefined when the word is not in the table. */
  lemma(word: string, part: LemmaPart): string | undefined {
    if (indexOfSorted(this.words, word) < 0) return undefined;
    const { words, lemmas } = this.changed[part];
    const at = indexOfSorted(words, word);
    return at < 0 ? word : lemmas[at];
  }
}

/** On disk: each list is one string of lines, which JSON reads in a few milliseconds. */
interface TableFile {
  version: string;
  words: string;
  changed: Record<LemmaPart, { words: string; lemmas: string }>;
}

function winkFiles(): { module: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('wink-lemmatizer/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { module: require.resolve('wink-lemmatizer'), version };
}

export function lemmaTablePath(cacheDir: string, version = winkFiles().version): string {
  return join(cacheDir, `lemmas-wink-${version}.json`);
}

/** The table saved under `cacheDir`, or null when there is none (or it is damaged). */
export function openLemmaTable(cacheDir: string): LemmaTable | null {
  const { version } = winkFiles();
  const path = lemmaTablePath(cacheDir, version);
  if (!existsSync(path)) return null;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as TableFile;
    if (file.version !== version || typeof file.words !== 'string') return null;
    const lines = (text: string) => (text === '' ? [] : text.split('\n'));
    const changed = Object.fromEntries(PARTS.map((part) => {
      const { words, lemmas } = file.changed[part];
      if (typeof words !== 'string' || typeof lemmas !== 'string') throw new Error('damaged lemma table');
      return [part, { words: lines(words), lemmas: lines(lemmas) }];
    })) as Record<LemmaPart, { words: string[]; lemmas: string[] }>;
    if (PARTS.some((part) => changed[part].words.length !== changed[part].lemmas.length)) return null;
    return new LemmaTable(lines(file.words), changed);
  } catch {
    return null;
  }
}

// Plain JavaScript for a worker thread: it loads wink there, so the serving thread never holds
// still while wink's lists compile.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const wink = require(workerData.module);
const changed = { noun: [], verb: [], adjective: [] };
for (const word of workerData.words) {
  for (const part of ['noun', 'verb', 'adjective']) {
    const lemma = wink[part](word);
    if (lemma !== word) changed[part].push([word, lemma]);
  }
}
parentPort.postMessage(changed);
`;

/** Works the table out for `words` on a worker thread and saves it (written whole, then renamed). */
export async function compileLemmaTable(cacheDir: string, words: readonly string[]): Promise<LemmaTable> {
  const { module, version } = winkFiles();
  // Sorted by <, as indexOfSorted compares; no word twice, and none with a line break in it.
  const sorted = [...new Set(words)].filter((word) => !word.includes('\n')).sort(byLessThan);
  const pairs = await new Promise<Record<LemmaPart, [string, string][]>>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module, words: sorted } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the lemma worker stopped (exit ${code})`)));
  });
  const changed = Object.fromEntries(PARTS.map((part) => [part, { words: pairs[part].map(([word]) => word), lemmas: pairs[part].map(([, lemma]) => lemma) }])) as Record<LemmaPart, { words: string[]; lemmas: string[] }>;
  const file: TableFile = {
    version, words: sorted.join('\n'),
    changed: Object.fromEntries(PARTS.map((part) => [part, { words: changed[part].words.join('\n'), lemmas: changed[part].lemmas.join('\n') }])) as TableFile['changed'],
  };
  writeAtomically(lemmaTablePath(cacheDir, version), JSON.stringify(file));
  return new LemmaTable(sorted, changed);
}

function byLessThan(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
