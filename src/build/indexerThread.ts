/**
 * The long-lived indexer thread that keeps the corpus current (issue 13). It keeps every
 * slice's analysis in memory between reloads, so a change costs: a look at the files' stat data,
 * reading and analysing the slices whose files changed, and assembling. The new index is handed
 * over before its snapshot is saved (the save takes seconds at a million sentences and the
 * thread that serves has no need to wait for it). Requests are taken one at a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { listArticleFiles } from '../corpus/load.js';
import type { LoadFailure } from '../corpus/types.js';
import type { Part } from './part.js';
import { pruneParts, sliceFiles, sliceKey } from './partCache.js';
import { assemble, indexBuffers, splitIndex, type IndexData } from './assemble.js';
import { corpusKey, rememberKey, saveSnapshot, statFingerprint } from './snapshot.js';
import { analyzeSlice, analyzeSlices, type SliceAnalysis } from './slices.js';
import { buildOnce } from './buildOnce.js';
import { FileDigests } from './fileDigests.js';
import type { BuilderMessage } from './worker.js';

export type IndexerRequest =
  | { type: 'update'; dir: string; cacheDir: string; threads: number }
  | { type: 'prime'; dir: string; cacheDir: string; threads: number }
  | { type: 'close' };

/** An update sends the builder's messages, then `saved` once its snapshot is written (or skipped). */
export type IndexerMessage = BuilderMessage | { type: 'saved' } | { type: 'primed'; analysed: number; reused: number } | { type: 'closed' };

// Up to this many changed slices are analysed on this thread: starting helper threads costs more.
const INLINE_SLICES = 2;

type Post = (message: IndexerMessage, transfer?: ArrayBuffer[]) => void;

class IndexerState {
  private readonly digests = new FileDigests();
  /** Slice analyses by their key (the slice's files and bytes): those of the corpus as last seen. */
  private kept = new Map<string, SliceAnalysis>();

  constructor(private readonly post: Post) {}

  async update(dir: string, cacheDir: string, threads: number): Promise<void> {
    const note = (message: string) => this.post({ type: 'note', message });
    this.digests.look();
    const key = corpusKey(dir, this.digests);
    const build = async (): Promise<IndexData> => {
      const { parts, failures, keys } = await this.analyses(dir, cacheDir, threads);
      const data = assemble(parts, failures);
      this.handOver(data, true);
      this.save(dir, cacheDir, key, data, note);
      pruneParts(cacheDir, keys);
      return data;
    };
    // A replica may be building the same corpus: then its snapshot is taken (see buildOnce).
    const { data, built } = await buildOnce(cacheDir, key, build, () => note('another process is building this corpus: waiting for its snapshot'));
    if (!built) this.handOver(data, false);
    this.post({ type: 'saved' });
  }

  /** Reads every slice's analysis into memory (from CACHE_DIR, or made), so that the first change is as quick as the next. */
  async prime(dir: string, cacheDir: string, threads: number): Promise<void> {
    this.digests.look();
    const { analysed, reused } = await this.analyses(dir, cacheDir, threads);
    this.post({ type: 'primed', analysed, reused });
  }

  /** Every slice's analysis for the files as they are now: from memory when unchanged, else read back or made. */
  private async analyses(dir: string, cacheDir: string, threads: number): Promise<{ parts: Part[]; failures: LoadFailure[]; keys: Set<string>; analysed: number; reused: number }> {
    const files = listArticleFiles(dir);
    const slices = sliceFiles(files);
    const keys = slices.map((slice) => sliceKey(dir, slice, process.cwd(), this.digests));
    const found = keys.map((key) => this.kept.get(key));
    const missing = found.flatMap((analysis, i) => (analysis ? [] : [i]));
    const made = await this.analyse(dir, missing.map((i) => slices[i] as string[]), cacheDir, threads, files.length);
    missing.forEach((i, j) => (found[i] = made[j]));
    const analyses = found as SliceAnalysis[];
    // What a helper read may be newer than the stat data looked at: it is kept under the key of what it read.
    this.kept = new Map(analyses.map((analysis, i) => [analysis.key ?? (keys[i] as string), analysis]));
    this.post({ type: 'analysis', analysed: made.filter((a) => !a.cached).length, reused: analyses.length - made.filter((a) => !a.cached).length });
    return {
      parts: analyses.map((a) => a.part), failures: analyses.flatMap((a) => a.failures), keys: new Set(this.kept.keys()),
      analysed: made.filter((a) => !a.cached).length, reused: made.filter((a) => a.cached).length,
    };
  }

  private async analyse(dir: string, slices: string[][], cacheDir: string, threads: number, total: number): Promise<SliceAnalysis[]> {
    if (slices.length <= INLINE_SLICES) return slices.map((slice) => analyzeSlice(dir, slice, cacheDir, this.digests));
    const progress = (done: number) => this.post({ type: 'progress', done, total });
    return (await analyzeSlices(dir, slices, threads, cacheDir, progress)).analyses;
  }

  /**
   * Sends the index to the thread that serves. With `keep`, a copy is sent (made here, so the
   * receiver only takes buffers over) and this thread keeps the original to save.
   */
  private handOver(data: IndexData, keep: boolean): void {
    const { arrays, objects } = splitIndex(data);
    const sent = keep ? structuredClone(arrays) : arrays;
    this.post({ type: 'arrays', arrays: sent }, keep ? buffersIn(sent) : indexBuffers(data));
    this.post({ type: 'done', objects });
  }

  /**
   * Saves the snapshot when the corpus is still what was built: its key, looked at again, is
   * unchanged. The stat fingerprint is taken before that look, so the key remembered for it
   * (see cachedCorpusKey) was true of every file when it was taken.
   */
  private save(dir: string, cacheDir: string, key: string, data: IndexData, note: (message: string) => void): void {
    const fingerprint = statFingerprint(dir);
    this.digests.look();
    if (corpusKey(dir, this.digests) !== key) {
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
}

/** The transferable buffers of every typed array in a value of plain objects (shared memory is never transferred). */
function buffersIn(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) buffersIn(inner, out);
  }
  return [...out];
}

/** Runs the indexer on this thread: requests in order, each answered with its messages. */
export function runIndexer(): void {
  const post: Post = (message, transfer = []) => parentPort?.postMessage(message, transfer);
  const state = new IndexerState(post);
  let queue = Promise.resolve();
  parentPort?.on('message', (request: IndexerRequest) => {
    queue = queue.then(async () => {
      try {
        if (request.type === 'update') await state.update(request.dir, request.cacheDir, request.threads);
        else if (request.type === 'prime') await state.prime(request.dir, request.cacheDir, request.threads);
        else {
          post({ type: 'closed' });
          parentPort?.close();
        }
      } catch (error) {
        post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    });
  });
}
