/**
 * Threads of the background build. The builder loads the corpus, gives slices of articles to
 * helpers, assembles their parts and transfers the finished arrays to whoever started it; a
 * helper analyses the slices it is given; the indexer (indexerThread.ts) is a builder that stays,
 * keeping the analyses for the next change. Nothing here runs on the thread that serves.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setPriority } from 'node:os';

const BUILD_NICENESS = 15;
import { listArticleFiles } from '../corpus/load.js';
import { partBuffers } from './part.js';
import { pruneParts, sliceFiles } from './partCache.js';
import { assemble, indexBuffers, splitIndex, type IndexArrays, type IndexData, type IndexObjects } from './assemble.js';
import { corpusKeyInSlices } from './snapshot.js';
import { statFingerprint } from './fingerprint.js';
import { analyzeSlice, analyzeSlices, saveIfUnchanged, type HelperReply, type HelperRequest } from './slices.js';
import { buildOnce } from './buildOnce.js';
import { runIndexer } from './indexerThread.js';

/**
 * The finished index comes in two messages: its typed arrays (transferred), then its plain
 * objects. Measured at a million sentences, one message holding both stalled the receiving
 * thread for about 130 ms while deserializing; two messages cost it nothing noticeable.
 */
export type BuilderMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'note'; message: string }
  | { type: 'analysis'; analysed: number; reused: number }
  | { type: 'arrays'; arrays: IndexArrays }
  | { type: 'done'; objects: IndexObjects }
  | { type: 'error'; message: string };

export interface BuilderData {
  role: 'builder';
  dir: string;
  threads: number;
  /** Where to save a snapshot of the result, if anywhere. */
  cacheDir?: string;
  /** The starter holds the build lock for this corpus (openCorpus does): not taken again here. */
  lockHeld: boolean;
}

const role = (workerData as { role?: string } | undefined)?.role;
lowerPriority();

/**
 * Build threads run at a lower priority than the thread that serves: on Linux this sets the
 * calling thread's nice value, so a rebuild uses every idle core yet never keeps a question
 * waiting for CPU. Where it cannot be set, the build simply runs at normal priority.
 */
function lowerPriority(): void {
  try {
    setPriority(0, BUILD_NICENESS);
  } catch {
    // Not permitted here: no harm done.
  }
}
if (role === 'builder') void runBuilder(workerData as BuilderData);
else if (role === 'helper') runHelper();
else if (role === 'indexer') runIndexer();

async function runBuilder({ dir, threads, cacheDir, lockHeld }: BuilderData): Promise<void> {
  const post = (message: BuilderMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);
  try {
    let data: IndexData;
    if (cacheDir) {
      // The content key first: another process on this CACHE_DIR may be building the same corpus,
      // and then its snapshot is opened instead (see buildOnce).
      const fingerprint = statFingerprint(dir);
      const key = await corpusKeyInSlices(dir);
      const note = (message: string) => post({ type: 'note', message });
      const build = async () => {
        const built = await buildData(dir, threads, cacheDir, post);
        saveIfUnchanged(cacheDir, key, fingerprint, statFingerprint(dir) === fingerprint, built.data, note);
        pruneParts(cacheDir, built.keys);
        return built.data;
      };
      data = lockHeld ? await build() : (await buildOnce(cacheDir, key, build, () => note('another process is building this corpus: waiting for its snapshot'))).data;
    } else {
      ({ data } = await buildData(dir, threads, undefined, post));
    }
    const { arrays, objects } = splitIndex(data);
    post({ type: 'arrays', arrays }, indexBuffers(data));
    post({ type: 'done', objects });
    // Stay until the receiver lets go (see buildAndInstall): a listener keeps this thread alive.
    parentPort?.on('message', () => {});
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Lists, analyses (or reads back) and assembles the corpus; the keys of the saved parts it used. */
async function buildData(dir: string, threads: number, cacheDir: string | undefined, post: (message: BuilderMessage) => void): Promise<{ data: IndexData; keys: Set<string> }> {
  const files = listArticleFiles(dir);
  // About a thousand sentences a slice: small enough to spread evenly, large enough to be cheap to send.
  const slices = sliceFiles(files);
  const analyses = await analyzeSlices(dir, slices, threads, cacheDir, (done) => post({ type: 'progress', done, total: files.length }));
  const reused = analyses.filter((a) => a.cached).length;
  post({ type: 'analysis', analysed: slices.length - reused, reused });
  const keys = new Set(analyses.flatMap((a) => (a.key ? [a.key] : [])));
  return { data: assemble(analyses.map((a) => a.part), analyses.flatMap((a) => a.failures)), keys };
}

function runHelper(): void {
  parentPort?.on('message', ({ id, dir, files, cacheDir }: HelperRequest) => {
    try {
      const { part, failures, key, cached } = analyzeSlice(dir, files, cacheDir);
      parentPort?.postMessage({ id, part, failures, key, cached } satisfies HelperReply, partBuffers(part));
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies HelperReply);
    }
  });
}

