import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { IndexArrays, IndexData } from './assemble.js';
import { joinIndex } from './assemble.js';
import type { BuildOptions } from './build.js';
import type { IndexerMessage, IndexerRequest, UpdateTimings } from './indexerThread.js';
import { startBuildThread } from './threads.js';

export type UpdateOptions = Omit<BuildOptions, 'cacheDir' | 'lockHeld'> & { onTimings?: (timings: UpdateTimings) => void };

/**
 * The serving thread's side of the indexer thread (indexerThread.ts): one long-lived thread that
 * keeps the corpus's analyses in memory between reloads. Requests run one at a time. The thread
 * is started on first use, started again after a crash (its memory is then read back from
 * CACHE_DIR), and does not keep the process alive while it has nothing to do.
 */
export class Indexer {
  private worker: Worker | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  /** What the thread is doing for us now, if anything. */
  private running: IndexerRequest['type'] | null = null;

  /**
   * Indexes the corpus as it is now and runs `install` on the result. Resolves once installed;
   * the snapshot is saved after that (`idle` waits for it).
   */
  update<T>(dir: string, cacheDir: string, install: (data: IndexData) => Promise<T>, options: UpdateOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let arrays: IndexArrays | null = null;
      let delivered = false;
      const request: IndexerRequest = { type: 'update', dir, cacheDir, threads: options.threads ?? availableParallelism() };
      this.run(request, (message) => {
        if (message.type === 'progress') options.onProgress?.(message.done, message.total);
        else if (message.type === 'note') options.onNote?.(message.message);
        else if (message.type === 'analysis') options.onAnalysis?.({ analysed: message.analysed, reused: message.reused });
        else if (message.type === 'timings') options.onTimings?.(message.timings);
        else if (message.type === 'arrays') arrays = message.arrays;
        else if (message.type === 'done' && arrays) {
          delivered = true;
          joinIndex(arrays, message.objects).then(install).then(resolve, reject);
        } else if (message.type === 'saved') return true;
        return false;
      }).catch((error: unknown) => {
        if (!delivered) reject(error);
      });
    });
  }

  /** Reads the corpus's analyses into the thread's memory ahead of the first change. */
  prime(dir: string, cacheDir: string, threads = availableParallelism()): Promise<void> {
    return this.run({ type: 'prime', dir, cacheDir, threads }, (message) => message.type === 'primed');
  }

  /** Resolves when every request so far is finished, snapshots saved. */
  idle(): Promise<void> {
    return this.queue.catch(() => undefined);
  }

  /**
   * Lets the thread finish an update it was asked for (its snapshot saved), then stops it. A
   * prime is stopped at once: it is only a head start for the next change, and at a million
   * sentences it reads for seconds, which held a SIGTERM's exit ~12 s. Requests not yet started
   * are refused.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.running === 'prime') await this.worker?.terminate();
    await this.idle();
    const worker = this.worker;
    if (!worker) return;
    await this.send(worker, { type: 'close' }, (message) => message.type === 'closed').catch(() => undefined);
    await worker.terminate();
    this.worker = null;
  }

  /** Queues a request; `hear` sees its messages and returns true on the last one. */
  private run(request: IndexerRequest, hear: (message: IndexerMessage) => boolean): Promise<void> {
    const next = this.queue.catch(() => undefined).then(() => {
      if (this.closed) throw new Error('the indexer is closed');
      this.running = request.type;
      return this.send(this.thread(), request, hear).finally(() => {
        this.running = null;
      });
    });
    this.queue = next;
    return next;
  }

  private send(worker: Worker, request: IndexerRequest, hear: (message: IndexerMessage) => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error) => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        worker.off('error', onError);
        worker.unref();
        if (error) reject(error);
        else resolve();
      };
      const onMessage = (message: IndexerMessage) => {
        if (message.type === 'error') finish(new Error(message.message));
        else if (hear(message)) finish();
      };
      const onError = (error: Error) => {
        this.forget(worker);
        finish(error);
      };
      const onExit = (code: number) => {
        this.forget(worker);
        finish(new Error(`the indexer thread stopped (exit ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.on('error', onError);
      // Kept alive while it works for us; let go of when idle.
      worker.ref();
      worker.postMessage(request);
    });
  }

  private thread(): Worker {
    if (!this.worker) {
      const worker = startBuildThread({ role: 'indexer' });
      // A thread that dies while idle is forgotten too, so that the next request starts another.
      worker.once('exit', () => this.forget(worker));
      this.worker = worker;
    }
    return this.worker;
  }

  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
  }
}
