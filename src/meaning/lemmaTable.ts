import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

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
  private readonly known: Set<string>;

  constructor(words: readonly string[], private readonly changed: Record<LemmaPart, Map<string, string>>) {
    this.known = new Set(words);
  }

  /** wink's lemma of a word for one part of speech, or undefined when the word is not in the table. */
  lemma(word: string, part: LemmaPart): string | undefined {
    if (!this.known.has(word)) return undefined;
    return this.changed[part].get(word) ?? word;
  }
}

interface TableFile {
  version: string;
  words: string;
  changed: Record<LemmaPart, Record<string, string>>;
}

function winkFiles(): { module: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('wink-lemmatizer/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { module: require.resolve('wink-lemmatizer'), version };
}

export function lemmaTablePath(cacheDir: string): string {
  return join(cacheDir, `lemmas-wink-${winkFiles().version}.json`);
}

/** The table saved under `cacheDir`, or null when there is none (or it is damaged). */
export function openLemmaTable(cacheDir: string): LemmaTable | null {
  const path = lemmaTablePath(cacheDir);
  if (!existsSync(path)) return null;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as TableFile;
    if (file.version !== winkFiles().version || typeof file.words !== 'string') return null;
    const changed = Object.fromEntries(PARTS.map((part) => [part, new Map(Object.entries(file.changed[part] ?? {}))])) as Record<LemmaPart, Map<string, string>>;
    return new LemmaTable(file.words.split('\n'), changed);
  } catch {
    return null;
  }
}

// Plain JavaScript for a worker thread: it loads wink there, so the serving thread never holds
// still while wink's lists compile.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const wink = require(workerData.module);
const changed = { noun: {}, verb: {}, adjective: {} };
for (const word of workerData.words) {
  for (const part of ['noun', 'verb', 'adjective']) {
    const lemma = wink[part](word);
    if (lemma !== word) changed[part][word] = lemma;
  }
}
parentPort.postMessage(changed);
`;

/** Works the table out for `words` on a worker thread and saves it (written whole, then renamed). */
export async function compileLemmaTable(cacheDir: string, words: readonly string[]): Promise<LemmaTable> {
  const { module, version } = winkFiles();
  const changed = await new Promise<TableFile['changed']>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module, words } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the lemma worker stopped (exit ${code})`)));
  });
  const path = lemmaTablePath(cacheDir);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ version, words: words.join('\n'), changed } satisfies TableFile));
  renameSync(temporary, path);
  return new LemmaTable(words, Object.fromEntries(PARTS.map((part) => [part, new Map(Object.entries(changed[part]))])) as Record<LemmaPart, Map<string, string>>);
}
