import { availableParallelism } from 'node:os';
import type { BuilderData, BuilderMessage } from './worker.js';
import { joinIndex, type IndexArrays, type IndexData } from './assemble.js';
import { startBuildThread } from './threads.js';

export interface BuildOptions {
  /** Helper threads for analysis; default: one per core. */
  threads?: number;
  /** Articles analysed so far, of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Save a snapshot of the result here (from the build thread). */
  cacheDir?: string;
  /** The caller holds this corpus's build lock already (see buildOnce): the build thread does not take it again. */
  lockHeld?: boolean;
  /** Notes for the log, such as a snapshot that could not be saved. */
  onNote?: (message: string) => void;
  /** How many slices of articles were analysed, and how many were read back from CACHE_DIR unchanged. */
  onAnalysis?: (slices: { analysed: number; reused: number }) => void;
}

/**
 * Builds the index of a corpus folder on other threads: the calling thread only receives the
 * finished arrays (transferred, not copied), so it keeps serving while a build runs.
 */
export function buildInBackground(dir: string, options: BuildOptions = {}): Promise<IndexData> {
  return buildAndInstall(dir, async (data) => data, options);
}

/**
 * Builds in the background, then runs `install` on the result (e.g. putting a new index in
 * service in slices) before letting the build threads go. Measured at a million sentences: the
 * builder's exit frees a heap of ~700 MB, and while that ran, the serving thread's own young-
 * generation collections during the install took 20–46 ms each instead of a few.
 */
export function buildAndInstall<T>(dir: string, install: (data: IndexData) => Promise<T>, options: BuildOptions = {}): Promise<T> {
  const data: BuilderData = { role: 'builder', dir, threads: options.threads ?? availableParallelism(), ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), lockHeld: options.lockHeld ?? false };
  const builder = startBuildThread(data);
  return new Promise<T>((resolve, reject) => {
    let arrays: IndexArrays | null = null;
    // Set once the last message arrived: any exit after that is the builder being let go.
    let received = false;
    builder.on('message', (message: BuilderMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.done, message.total);
      else if (message.type === 'note') options.onNote?.(message.message);
      else if (message.type === 'analysis') options.onAnalysis?.({ analysed: message.analysed, reused: message.reused });
      else if (message.type === 'arrays') arrays = message.arrays;
      else if (message.type === 'done' && arrays) {
        received = true;
        joinIndex(arrays, message.objects).then(install).then(resolve, reject);
      } else reject(new Error(message.type === 'error' ? message.message : 'the index builder sent its parts out of order'));
    });
    builder.on('error', reject);
    builder.on('exit', (code) => {
      if (!received) reject(new Error(`the index builder stopped (exit ${code})`));
    });
  }).finally(() => void builder.terminate());
}
