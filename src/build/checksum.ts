import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** SHA-1 of the bytes: corruption of the same size is caught too (it runs at disk speed here). */
export function checksum(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

// Plain JavaScript, so the thread starts without the TypeScript loader (~30 ms, not ~200).
const HASH_THREAD = `
const { createHash } = require('node:crypto');
const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage(createHash('sha1').update(new Uint8Array(workerData)).digest('hex'));
`;

/**
 * Reads a whole file into shared memory, and starts hashing it on another thread: the caller
 * goes on building from the bytes and awaits `digest` before trusting them. At start-up this
 * hides the checksum of a 220 MB snapshot (~180 ms) behind the rest of the load.
 */
export function readAndHash(path: string): { bytes: Uint8Array; digest: Promise<string> } {
  const bytes = readShared(path);
  const digest = new Promise<string>((resolve, reject) => {
    const thread = new Worker(HASH_THREAD, { eval: true, workerData: bytes.buffer });
    thread.once('message', (hex: string) => resolve(hex));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`checksum thread exited with code ${code}`)));
  });
  return { bytes, digest };
}

function readShared(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    for (let done = 0; done < size; ) {
      const read = readSync(fd, bytes, done, size - done, done);
      if (read === 0) throw new Error(`${path} ended after ${done} of ${size} bytes`);
      done += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
