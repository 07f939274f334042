/**
 * Threads of the background build. The builder loads the corpus, gives slices of articles to
 * helpers, assembles their parts and transfers the finished arrays to whoever started it; a
 * helper analyses the slices it is given. Nothing here runs on the thread that serves.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setPriority } from 'node:os';

const BUILD_NICENESS = 15;
import { listArticleFiles, readArticles } from '../corpus/load.js';
import type { LoadFailure } from '../corpus/types.js';
import { analyzePart, partBuffers, type Part } from './part.js';
import { loadPart, pruneParts, savePart, sliceFiles, sliceKey, type SavedPart } from './partCache.js';
import { assemble, indexBuffers, splitIndex, type IndexArrays, type IndexData, type IndexObjects } from './assemble.js';
import { corpusKeyInSlices, rememberKey, saveSnapshot, statFingerprint } from './snapshot.js';
import { startBuildThread } from './threads.js';
import { buildOnce } from './buildOnce.js';

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

/**
 * A helper reads its slice of files itself: loading runs in parallel too, and no text is copied
 * to it. With a cache folder it reads the slice's saved analysis when its articles are unchanged
 * (see partCache.ts), and saves the analysis it makes.
 */
type HelperRequest = { id: number; dir: string; files: string[]; cacheDir?: string };
type HelperReply = { id: number; part: Part; failures: LoadFailure[]; key: string | null; cached: boolean } | { id: number; error: string };

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
        saveHere(cacheDir, dir, fingerprint, key, built.data, note);
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
  const { parts, failures, keys, reused } = await analyzeSlices(dir, slices, threads, cacheDir, (done) => post({ type: 'progress', done, total: files.length }));
  post({ type: 'analysis', analysed: slices.length - reused, reused });
  return { data: assemble(parts, failures), keys };
}

/**
 * Saves the snapshot from the build thread, so the thread that serves never writes hundreds of
 * megabytes. Only when no file changed during the build (same stat fingerprint before and
 * after): then the content key read here describes exactly what was built.
 */
function saveHere(cacheDir: string, dir: string, fingerprint: string, key: string, data: IndexData, note: (message: string) => void): void {
  if (statFingerprint(dir) !== fingerprint) {
    note('the corpus changed during the build: no snapshot saved');
    return;
  }
  try {
    saveSnapshot(cacheDir, key, data);
    rememberKey(cacheDir, fingerprint, key);
  } catch (error) {
    note(`could not save a snapshot in ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs the slices on `threads` helpers, in any order; returns the parts and failures in corpus order. */
async function analyzeSlices(dir: string, slices: string[][], threads: number, cacheDir: string | undefined, progress: (files: number) => void): Promise<{ parts: Part[]; failures: LoadFailure[]; keys: Set<string>; reused: number }> {
  const parts: Part[] = new Array(slices.length);
  const failures: LoadFailure[][] = new Array(slices.length);
  const keys = new Set<string>();
  let reused = 0;
  let next = 0;
  let filesDone = 0;
  const helpers = Array.from({ length: Math.max(1, Math.min(threads, slices.length)) }, () => startBuildThread({ role: 'helper' }));
  try {
    await Promise.all(helpers.map((helper) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= slices.length) return resolve();
        const id = next++;
        helper.postMessage({ id, dir, files: slices[id] ?? [], ...(cacheDir ? { cacheDir } : {}) } satisfies HelperRequest);
      };
      helper.on('message', (reply: HelperReply) => {
        if ('error' in reply) return reject(new Error(reply.error));
        parts[reply.id] = reply.part;
        failures[reply.id] = reply.failures;
        if (reply.key) keys.add(reply.key);
        if (reply.cached) reused++;
        filesDone += slices[reply.id]?.length ?? 0;
        progress(filesDone);
        send();
      });
      helper.on('error', reject);
      send();
    })));
  } finally {
    await Promise.all(helpers.map((helper) => helper.terminate()));
  }
  return { parts, failures: failures.flat(), keys, reused };
}

function runHelper(): void {
  parentPort?.on('message', ({ id, dir, files, cacheDir }: HelperRequest) => {
    try {
      const key = cacheDir ? sliceKey(dir, files) : null;
      const saved = cacheDir && key ? loadPart(cacheDir, key) : null;
      const { part, failures } = saved ?? analyzeFiles(dir, files);
      if (cacheDir && key && !saved) saveQuietly(cacheDir, key, { part, failures });
      parentPort?.postMessage({ id, part, failures, key, cached: saved !== null } satisfies HelperReply, partBuffers(part));
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies HelperReply);
    }
  });
}

function analyzeFiles(dir: string, files: readonly string[]): SavedPart {
  const { articles, failures } = readArticles(dir, files);
  return { part: analyzePart(articles), failures };
}

/** A part that cannot be saved (a full or read-only cache) is only analysed again next time. */
function saveQuietly(cacheDir: string, key: string, saved: SavedPart): void {
  try {
    savePart(cacheDir, key, saved);
  } catch {
    // Nothing lost but time.
  }
}
