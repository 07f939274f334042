import { existsSync, statSync } from 'node:fs';
import { CorpusFolderError, loadCorpus } from '../corpus/load.js';
import { CorpusIndex } from '../search/corpusIndex.js';
import { Verbatim, type VerbatimOptions } from '../verbatim.js';
import { analyzePart } from './part.js';
import { assemble, type IndexData } from './assemble.js';
import { buildInBackground } from './build.js';
import { buildOnce } from './buildOnce.js';
import { cachedCorpusKey, loadSnapshot, saveSnapshot, type EarlyRead } from './snapshot.js';
import { corpusFiles } from './fingerprint.js';
import { startEarly } from './early.js';
import { silentProgress, type Progress } from './progress.js';
import { count } from '../text/count.js';

export interface OpenOptions {
  cacheDir: string;
  progress?: Progress;
  /** Notes for the log: where the index came from, snapshots that could not be used or saved. */
  note?: (message: string) => void;
  /** Build on other threads (default: when the corpus has more than BACKGROUND_FROM articles). */
  background?: boolean;
  /** For the opened Verbatim: hears of results withheld by the verbatim check. */
  verbatim?: VerbatimOptions;
  /** The read started when the process started (startEarly), for this cache; else it starts here. */
  early?: EarlyRead | null;
}

// Below this many files a build takes well under a second: threads would cost more than they save.
const BACKGROUND_FROM = 500;

export interface Opened {
  verbatim: Verbatim;
  source: 'snapshot' | 'built';
  ms: number;
}

/**
 * Opens a corpus: from its snapshot under CACHE_DIR when one matches the corpus exactly, else
 * by building the index (saving a snapshot for next time). Throws CorpusFolderError for a
 * folder that cannot be read.
 */
export async function openCorpus(dir: string, options: OpenOptions): Promise<Opened> {
  const started = performance.now();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CorpusFolderError(`corpus folder not found: ${dir}`);
  const note = options.note ?? (() => {});
  // The snapshot last opened is most likely still good: its arrays are read on another thread
  // while this one checks the corpus files' stat data (~0.2 s at 50,000 files).
  const early = options.early === undefined ? startEarly(options.cacheDir) : options.early;
  const key = cachedCorpusKey(dir, options.cacheDir);
  const snapshot = await loadSnapshot(options.cacheDir, key, early);
  if ('data' in snapshot) {
    const verbatim = fromSnapshot(snapshot.data, options.verbatim);
    // The checksum ran on another thread while the index was put together: only now is it trusted.
    const problem = (await snapshot.problem) ?? (verbatim ? null : 'its data could not be read');
    if (verbatim && problem === null) return { verbatim, source: 'snapshot', ms: performance.now() - started };
    note(`snapshot unreadable (${problem}): rebuilding`);
  } else if (snapshot.miss !== 'none') {
    note(`snapshot ${snapshot.miss}${snapshot.reason ? ` (${snapshot.reason})` : ''}: rebuilding`);
  }
  // Another process on this CACHE_DIR may be building the same corpus: then its snapshot is opened.
  const { data, built } = await buildOnce(options.cacheDir, key, () => build(dir, key, options), () => note('another process is building this corpus: waiting for its snapshot'));
  return { verbatim: new Verbatim(CorpusIndex.fromData(data), options.verbatim), source: built ? 'built' : 'snapshot', ms: performance.now() - started };
}

/** The index from a snapshot's data, or null when the data is corrupt enough to throw. */
function fromSnapshot(data: IndexData, options?: VerbatimOptions): Verbatim | null {
  try {
    return new Verbatim(CorpusIndex.fromData(data), options);
  } catch {
    return null;
  }
}

/** Builds the index and saves its snapshot: on the build threads for a large corpus, else here. */
async function build(dir: string, key: string, options: OpenOptions): Promise<IndexData> {
  const progress = options.progress ?? silentProgress;
  const note = options.note ?? (() => {});
  const started = performance.now();
  const background = options.background ?? corpusFiles(dir).length >= BACKGROUND_FROM;
  const data = background ? await buildOnThreads(dir, options.cacheDir, progress, note) : buildHere(dir, key, options.cacheDir, progress, note);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress.finish(`Indexed ${count(data.articles.sentences.length, 'article')}, ${count(data.store.article.length, 'sentence')} in ${seconds} s.`);
  return data;
}

function buildHere(dir: string, key: string, cacheDir: string, progress: Progress, note: (message: string) => void): IndexData {
  const corpus = loadCorpus(dir);
  progress.start(corpus.articles.length);
  const data = assemble([analyzePart(corpus.articles)], corpus.failures);
  try {
    saveSnapshot(cacheDir, key, data);
  } catch (error) {
    note(`could not save a snapshot in ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return data;
}

function buildOnThreads(dir: string, cacheDir: string, progress: Progress, note: (message: string) => void): Promise<IndexData> {
  let total: number | null = null;
  return buildInBackground(dir, {
    cacheDir,
    // openCorpus holds this corpus's build lock already.
    lockHeld: true,
    onNote: note,
    onProgress: (done, of) => {
      if (total === null) progress.start((total = of));
      progress.update(done, of);
    },
  });
}
