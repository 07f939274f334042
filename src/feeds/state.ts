import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalUrl } from '../ingest/duplicates.js';

/**
 * What the feed follower remembers between runs, under CACHE_DIR/feeds/state.json: per feed,
 * its ETag and Last-Modified (for conditional GETs) and the items already dealt with (so an
 * item is fetched once, not on every run). It is replaced whole by an atomic rename of a
 * flushed temporary file, so a crash mid-write leaves the previous state, never half of one. A
 * state that cannot be read (damaged by hand, or from another version) is set aside and begun
 * anew: nothing is lost by that, since an item already in the corpus is known by its url.
 */

export type ItemOutcome = 'added' | 'refused' | 'failed' | 'in-corpus';

export interface SeenItem {
  outcome: ItemOutcome;
  /** When it was last tried, ISO 8601. */
  at: string;
  tries: number;
  file?: string;
  reason?: string;
}

export interface FeedMemory {
  etag: string | null;
  lastModified: string | null;
  checked: string | null;
  /** By canonical url key. */
  seen: Record<string, SeenItem>;
}

interface StateFile {
  version: 1;
  feeds: Record<string, FeedMemory>;
}

// A failed fetch is tried again on later runs, this many times in all, then left alone.
export const MAX_TRIES = 3;
// Items remembered per feed: a feed lists its latest few dozen, so older ones never come back.
const MAX_SEEN = 5000;

export class FeedState {
  private data: StateFile = { version: 1, feeds: {} };
  /** Why the stored state was set aside at open, when it was. */
  problem: string | null = null;

  constructor(private readonly path: string) {}

  static at(cacheDir: string): FeedState {
    return new FeedState(join(cacheDir, 'feeds', 'state.json'));
  }

  /** Reads the stored state; a missing file is a first run, a damaged one is begun anew (see `problem`). */
  open(): this {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') this.problem = `could not read ${this.path}: ${(error as Error).message}`;
      return this;
    }
    try {
      const parsed = JSON.parse(text) as StateFile;
      if (parsed?.version !== 1 || typeof parsed.feeds !== 'object' || parsed.feeds === null) throw new Error('not a feed state of this version');
      this.data = parsed;
    } catch (error) {
      this.problem = `${this.path} was unreadable (${(error as Error).message}) and is begun anew`;
    }
    return this;
  }

  feed(url: string): FeedMemory {
    let memory = this.data.feeds[url];
    if (!memory) {
      memory = { etag: null, lastModified: null, checked: null, seen: {} };
      this.data.feeds[url] = memory;
    }
    return memory;
  }

  /** What became of the item at `url` in this feed, if it was dealt with before. */
  seenItem(feedUrl: string, itemUrl: string): SeenItem | null {
    return this.feed(feedUrl).seen[itemKey(itemUrl)] ?? null;
  }

  /** Whether the item needs nothing more: added, refused, known, or failed too often. */
  isSettled(feedUrl: string, itemUrl: string): boolean {
    const seen = this.seenItem(feedUrl, itemUrl);
    return !!seen && (seen.outcome !== 'failed' || seen.tries >= MAX_TRIES);
  }

  remember(feedUrl: string, itemUrl: string, item: Omit<SeenItem, 'tries' | 'at'>, now = new Date()): void {
    const memory = this.feed(feedUrl);
    const key = itemKey(itemUrl);
    const tries = (memory.seen[key]?.tries ?? 0) + 1;
    delete memory.seen[key];
    memory.seen[key] = { ...item, at: now.toISOString(), tries };
    const keys = Object.keys(memory.seen);
    // Insertion order is age order: the oldest are forgotten first.
    for (let i = 0; i < keys.length - MAX_SEEN; i++) delete memory.seen[keys[i] as string];
  }

  /** Writes the state whole: a temporary file, flushed, then renamed over the old one. */
  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, JSON.stringify(this.data));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.path);
  }
}

function itemKey(url: string): string {
  return canonicalUrl(url) ?? url;
}
