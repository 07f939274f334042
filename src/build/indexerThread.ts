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
import { assemble, indexBuffers, splitIndex, type Assembled, type IndexData } from './assemble.js';
import { corpusKey, loadSnapshot, packIndex, type PackedIndex } from './snapshot.js';
import { statFingerprint } from './fingerprint.js';
import { analyzeSlice, analyzeSlices, saveIfUnchanged, type SliceAnalysis } from './slices.js';
import { buildOnce } from './buildOnce.js';
import { FileDigests } from './fileDigests.js';
import type { BuilderMessage } from './worker.js';

export type IndexerRequest =
  | { type: 'update'; dir: string; cacheDir: string; threads: number }
  | { type: 'prime'; dir: string; cacheDir: string; threads: number }
  | { type: 'close' };

/** An update sends the builder's messages, then `saved` once its snapshot is written (or skipped). */
export type IndexerMessage = BuilderMessage | { type: 'saved' } | { type: 'primed'; analysed: number; reused: number } | { type: 'closed' }
  | { type: 'timings'; timings: UpdateTimings };

/** Where an update's time went on the indexer thread, in milliseconds (for the reload's log line). */
export interface UpdateTimings {
  /** Stat data of every corpus file, and the content key. */
  lookMs: number;
  /** Listing, slice keys, and analysing (or reading back) the changed slices. */
  analyseMs: number;
  assembleMs: number;
  /** Copying the arrays into one buffer of shared memory, handed over and saved as it is. */
  copyMs: number;
}

// Up to this many changed slices are analysed on this thread: starting helper threads costs more.
const INLINE_SLICES = 2;

type Post = (message: IndexerMessage, transfer?: ArrayBuffer[]) => void;

class IndexerState {
  private readonly digests = new FileDigests();
  /** Slice analyses by their key (the slice's files and bytes): those of the corpus as last seen. */
  private kept = new Map<string, SliceAnalysis>();
  /** The index last assembled or opened here, its parts, and the corpus key it is the index of: what the next change splices into (see assemble). */
  private previous: (Assembled & { key: string }) | null = null;

  constructor(private readonly post: Post) {}

  async update(dir: string, cacheDir: string, threads: number): Promise<void> {
    const note = (message: string) => this.post({ type: 'note', message });
    let clock = performance.now();
    const lap = () => Math.round(-clock + (clock = performance.now()));
    this.digests.look();
    const key = corpusKey(dir, this.digests);
    const lookMs = lap();
    const build = async (): Promise<IndexData> => {
      const { parts, failures, keys } = await this.analyses(dir, cacheDir, threads);
      const analyseMs = lap();
      const assembled = assemble(parts, failures, this.previous);
      const assembleMs = lap();
      // One buffer of shared memory: the thread that serves reads the very arrays this one saves.
      const packed = packIndex(assembled, true);
      this.previous = { parts, data: packed.data, key };
      this.post({ type: 'timings', timings: { lookMs, analyseMs, assembleMs, copyMs: lap() } });
      this.handOver(packed.data);
      this.save(dir, cacheDir, key, packed, note);
      pruneParts(cacheDir, keys);
      return packed.data;
    };
    // A replica may be building the same corpus: then its snapshot is taken (see buildOnce).
    const { data, built } = await buildOnce(cacheDir, key, build, () => note('another process is building this corpus: waiting for its snapshot'));
    if (!built) {
      // A snapshot of this corpus (saved by another replica, or by this thread when nothing
      // changed): unless it is of the index kept here, its parts are unknown, and the next change assembles anew.
      if (key !== this.previous?.key) this.previous = null;
      this.handOver(data);
    }
    this.post({ type: 'saved' });
  }

  /** Reads every slice's analysis into memory (from CACHE_DIR, or made), so that the first change is as quick as the next. */
  async prime(dir: string, cacheDir: string, threads: number): Promise<void> {
    this.digests.look();
    const { parts, failures, analysed, reused } = await this.analyses(dir, cacheDir, threads);
    const key = corpusKey(dir, this.digests);
    this.previous = { parts, data: await this.indexOf(cacheDir, key, parts, failures), key };
    this.post({ type: 'primed', analysed, reused });
  }

  /**
   * The index of these parts, for the first change to splice into: the corpus's snapshot when
   * there is one (reading it takes a fraction of a second at a million sentences, assembling
   * several), checked to cover the same sentences; else assembled.
   */
  private async indexOf(cacheDir: string, key: string, parts: Part[], failures: LoadFailure[]): Promise<IndexData> {
    const snapshot = await loadSnapshot(cacheDir, key);
    const sentences = parts.reduce((n, part) => n + part.lengths.length, 0);
    if ('data' in snapshot && (await snapshot.problem) === null && snapshot.data.store.copyOf.length === sentences) return snapshot.data;
    return assemble(parts, failures);
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
    const analysed = made.filter((a) => !a.cached).length;
    this.post({ type: 'analysis', analysed, reused: analyses.length - analysed });
    return {
      parts: analyses.map((a) => a.part), failures: analyses.flatMap((a) => a.failures), keys: new Set(this.kept.keys()),
      analysed, reused: made.length - analysed,
    };
  }

  private async analyse(dir: string, slices: string[][], cacheDir: string, threads: number, total: number): Promise<SliceAnalysis[]> {
    if (slices.length <= INLINE_SLICES) return slices.map((slice) => analyzeSlice(dir, slice, cacheDir, this.digests));
    const progress = (done: number) => this.post({ type: 'progress', done, total });
    return analyzeSlices(dir, slices, threads, cacheDir, progress);
  }

  /** Sends the index to the thread that serves: buffers of its own are moved, shared ones (packIndex, a snapshot's) are read there as they are. */
  private handOver(data: IndexData): void {
    const { arrays, objects } = splitIndex(data);
    this.post({ type: 'arrays', arrays }, indexBuffers(data));
    this.post({ type: 'done', objects });
  }

  /**
   * Saves the snapshot when the corpus is still what was built: its key, looked at again, is
   * unchanged. The stat fingerprint is taken before that look, so the key remembered for it
   * (see cachedCorpusKey) was true of every file when it was taken.
   */
  private save(dir: string, cacheDir: string, key: string, data: PackedIndex, note: (message: string) => void): void {
    const fingerprint = statFingerprint(dir);
    this.digests.look();
    saveIfUnchanged(cacheDir, key, fingerprint, corpusKey(dir, this.digests) === key, data, note);
  }
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
