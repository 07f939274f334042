import { Worker } from 'node:worker_threads';
import { programFile } from '../programFiles.js';

/**
 * Starts a thread of the background build. Its entry is plain JavaScript that registers tsx,
 * because a worker does not inherit the main thread's TypeScript loader.
 */
export function startBuildThread(workerData: unknown): Worker {
  return new Worker(programFile('./build/worker-entry.mjs'), { workerData });
}
