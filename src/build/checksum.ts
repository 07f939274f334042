import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** SHA-1 of the bytes: corruption of the same size is caught too (it runs at disk speed here). */
export function checksum(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

// Plain JavaScript, so the thread starts without the TypeScript loader (~30 ms, not ~200).
const READ_AND_HASH_THREAD = `
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const bytes = new Uint8Array(workerData.memory);
const fd = openSync(workerData.path, 'r');
try {
  for (let done = 0; done < bytes.length; ) {
    const read = readSync(fd, bytes, done, bytes.length - done, done);
    if (read === 0) throw new Error(workerData.path + ' ended after ' + done + ' of ' + bytes.length + ' bytes');
    done += read;
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage({ read: true });
parentPort.postMessage({ digest: createHash('sha1').update(bytes).digest('hex') });
`;

/** A file being read into shared memory and hashed on another thread. */
export interface ReadingFile {
  /** The file's bytes, once read. */
  bytes: Promise<Uint8Array>;
  /** Their SHA-1, once computed: await it before trusting the bytes. */
  digest: Promise<string>;
  /** Stops the thread (when the file turns out not to be needed). */
  cancel(): void;
}

/**
 * Reads a whole file into shared memory and hashes it, on another thread. At start-up the
 * snapshot (230 MB at a million sentences) is read while this thread checks the corpus files'
 * stat data, and hashed while this thread puts the index together.
 */
export function readAndHash(path: string, size: number): ReadingFile {
  const memory = new SharedArrayBuffer(size);
  const thread = new Worker(READ_AND_HASH_THREAD, { eval: true, workerData: { path, memory } });
  const bytes = deferred<Uint8Array>();
  const digest = deferred<string>();
  const fail = (error: Error) => {
    bytes.reject(error);
    digest.reject(error);
  };
  thread.on('message', (message: { read?: boolean; digest?: string }) => {
    if (message.read) bytes.resolve(new Uint8Array(memory));
    if (message.digest) digest.resolve(message.digest);
  });
  thread.once('error', fail);
  // After the digest, an exit changes nothing: both promises are settled.
  thread.once('exit', (code) => fail(new Error(`the snapshot reader stopped (exit ${code})`)));
  return { bytes: bytes.promise, digest: digest.promise, cancel: () => void thread.terminate() };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // Never an unhandled rejection when the caller stops waiting (a stale snapshot is cancelled).
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
