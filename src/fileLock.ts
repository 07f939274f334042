import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/**
 * A lock held by one process among several on the same CACHE_DIR (replicas, shards): a file
 * created with O_EXCL, so exactly one creator wins, holding who holds it. The holder touches it
 * every few seconds; a lock whose holder is gone (its process no longer runs on this machine,
 * or it was not touched for `staleMs`) is taken over, by an atomic rename so only one taker wins.
 */
export class FileLock {
  private timer: NodeJS.Timeout | null = null;

  private constructor(readonly path: string) {}

  /** Takes the lock if it is free or its holder is gone; null when another live process holds it. */
  static tryTake(path: string, staleMs = DEFAULT_STALE_MS): FileLock | null {
    mkdirSync(dirname(path), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
        closeSync(fd);
        const lock = new FileLock(path);
        lock.keepFresh(staleMs);
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (!holderIsGone(path, staleMs) || !removeStale(path, staleMs)) return null;
    }
    return null;
  }

  /** Lets the lock go (only if it is still this process's: a takeover may have replaced it). */
  release(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.stillMine()) rmSync(this.path, { force: true });
  }

  /** Whether the file is still the one this process wrote. */
  stillMine(): boolean {
    const holder = readHolder(this.path);
    return holder?.pid === process.pid && holder.host === hostname();
  }

  private keepFresh(staleMs: number): void {
    this.timer = setInterval(() => {
      try {
        const now = new Date();
        utimesSync(this.path, now, now);
      } catch {
        // Removed by a takeover: the holder finds out through stillMine.
      }
    }, Math.max(100, Math.floor(staleMs / 4)));
    this.timer.unref();
  }
}

const DEFAULT_STALE_MS = 30_000;

interface Holder {
  pid: number;
  host: string;
}

function readHolder(path: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host } : null;
  } catch {
    return null;
  }
}

/** The holder's process has ended (same machine), or the lock went untouched too long (any machine), or it is unreadable and old. */
function holderIsGone(path: string, staleMs: number): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return true;
  }
  if (age > staleMs) return true;
  const holder = readHolder(path);
  // Being written this instant: give its writer the benefit of the doubt.
  if (!holder) return false;
  if (holder.host !== hostname()) return false;
  return !processRuns(holder.pid);
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a stale lock aside (one taker wins the rename) and removes it; false when another taker
 * was first. What was moved is checked again: if another taker had already replaced the stale
 * lock with its own fresh one, that one is put back (link fails if the path is taken meanwhile).
 */
function removeStale(path: string, staleMs: number): boolean {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  const stale = holderIsGone(aside, staleMs);
  if (!stale) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds the path now: either way, not ours.
    }
  }
  rmSync(aside, { force: true });
  return stale;
}
