import { availableParallelism } from 'node:os';
import type { BuilderData, BuilderMessage } from './worker.js';
import { joinIndex, type IndexArrays, type IndexData } from './assemble.js';
import { startBuildThread } from './threads.js';

export interface BuildOptions {
  /** Helper threads for analysis; default: one per core. */
  threads?: number;
  /** Articles analysed so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Builds the index of a corpus folder on other threads: the calling thread only receives the
 * finished arrays (transferred, not copied), so it keeps serving while a build runs.
 */
export function buildInBackground(dir: string, options: BuildOptions = {}): Promise<IndexData> {
  const data: BuilderData = { role: 'builder', dir, threads: options.threads ?? availableParallelism() };
  const builder = startBuildThread(data);
  return new Promise<IndexData>((resolve, reject) => {
    let arrays: IndexArrays | null = null;
    builder.on('message', (message: BuilderMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.done, message.total);
      else if (message.type === 'arrays') arrays = message.arrays;
      else if (message.type === 'done' && arrays) resolve(joinIndex(arrays, message.objects));
      else reject(new Error(message.type === 'error' ? message.message : 'the index builder sent its parts out of order'));
    });
    builder.on('error', reject);
    builder.on('exit', (code) => reject(new Error(`the index builder stopped (exit ${code})`)));
  }).finally(() => void builder.terminate());
}
