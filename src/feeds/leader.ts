import { FileLock } from '../fileLock.js';
import type { Logger } from '../log.js';

// How often a process that does not follow the feeds looks whether their follower is gone, and
// after how long without a touch a follower's lock is taken over.
const ATTEMPT_EVERY_MS = 10_000;
const STALE_MS = 30_000;

/**
 * Of the processes on one CACHE_DIR (replicas, shards), the one that holds the feeds lock
 * follows the feeds; the others look every ten seconds and take over when it is gone (its
 * process ended, or its lock went untouched for 30 s). One reading of each feed, one writer.
 */
export class FeedLeadership {
  private lock: FileLock | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lost = false;

  constructor(private readonly path: string, private readonly lead: () => void, private readonly resign: () => void, private readonly log: Logger, private readonly everyMs = ATTEMPT_EVERY_MS) {}

  begin(): void {
    if (!this.attempt()) this.log.info({ lock: this.path }, 'another process follows the feeds: this one takes over if it stops');
    this.timer = setInterval(() => (this.lock ? this.check() : this.attempt()), this.everyMs);
    this.timer.unref();
  }

  get leading(): boolean {
    return this.lock !== null;
  }

  end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.lock?.release();
    this.lock = null;
  }

  private attempt(): boolean {
    if (this.lost) return false;
    let lock: FileLock | null;
    try {
      lock = FileLock.tryTake(this.path, STALE_MS);
    } catch (error) {
      this.log.warn({ lock: this.path, reason: error instanceof Error ? error.message : String(error) }, 'the feeds lock cannot be taken: feeds are not followed');
      return false;
    }
    if (!lock) return false;
    this.lock = lock;
    this.log.info({ lock: this.path }, 'this process follows the feeds');
    this.lead();
    return true;
  }

  /** Another process took the lock (this one stalled past the stale time): stop following, for good. */
  private check(): void {
    if (this.lock?.stillMine()) return;
    this.log.error({ lock: this.path }, 'the feeds lock was taken over: this process no longer follows the feeds');
    this.lock = null;
    this.lost = true;
    this.resign();
  }
}
