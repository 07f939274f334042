import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileLock } from '../fileLock.js';
import { loadSnapshot } from './snapshot.js';
import type { IndexData } from './assemble.js';

// How often a process waiting for another's build looks for its snapshot.
const POLL_MS = 200;

/**
 * Builds the index for `key` unless another process on the same CACHE_DIR (a replica, a shard)
 * is building it already: then waits for that process's snapshot and opens it. A lock file per
 * key decides who builds; one whose holder died is taken over (see FileLock), so a crash
 * mid-build costs a rebuild, never a wait for ever.
 */
export async function buildOnce(cacheDir: string, key: string, build: () => Promise<IndexData>, onWait: () => void = () => {}): Promise<{ data: IndexData; built: boolean }> {
  const path = join(cacheDir, 'locks', `build-${key}.lock`);
  let waited = false;
  for (;;) {
    const theirs = await openedSnapshot(cacheDir, key);
    if (theirs) return { data: theirs, built: false };
    const lock = FileLock.tryTake(path);
    if (lock) {
      try {
        // The other may have finished between the look and the lock.
        const finished = await openedSnapshot(cacheDir, key);
        return finished ? { data: finished, built: false } : { data: await build(), built: true };
      } finally {
        lock.release();
      }
    }
    if (!waited) onWait();
    waited = true;
    await sleep(POLL_MS);
  }
}

/** The snapshot for `key` when one is there and checks out; null otherwise. */
async function openedSnapshot(cacheDir: string, key: string): Promise<IndexData | null> {
  const snapshot = await loadSnapshot(cacheDir, key);
  if (!('data' in snapshot)) return null;
  return (await snapshot.problem) === null ? snapshot.data : null;
}
