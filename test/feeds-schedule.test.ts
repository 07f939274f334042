import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedSchedule } from '../src/feeds/schedule.js';
import type { FeedFollower, FeedRun } from '../src/feeds/follow.js';
import type { FeedConfig } from '../src/feeds/feedsFile.js';
import { recordingLogger, type LogLine } from './helpers/bot.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A follower that only records which feed it was asked to read, and when. */
function recordingFollower(reads: { url: string; at: number }[], fail?: string): FeedFollower {
  return {
    read: async (feed: FeedConfig): Promise<FeedRun> => {
      reads.push({ url: feed.url, at: Date.now() });
      if (feed.url === fail) throw new Error('boom');
      return { feed: feed.url, status: 'read', items: 0, matching: 0, known: 0, results: [], deferred: 0, ms: 0 };
    },
  } as unknown as FeedFollower;
}

describe('following feeds in the background', () => {
  it('reads each feed on its every, picks up an edit of the file, and keeps the feeds when an edit is malformed', async () => {
    vi.useFakeTimers({ now: 0 });
    const file = join(mkdtempSync(join(tmpdir(), 'verbatim-schedule-')), 'feeds.yaml');
    writeFileSync(file, 'feeds:\n  - url: https://a.example/rss\n    every: 2m\n  - url: https://b.example/rss\n    every: 5m\n');
    const reads: { url: string; at: number }[] = [];
    const logs: LogLine[] = [];
    const schedule = new FeedSchedule(file, recordingFollower(reads, 'https://b.example/rss'), recordingLogger(logs), { checkFileEveryMs: 60_000, firstReadAfterMs: 1000 });
    schedule.start();
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    const times = (url: string) => reads.filter((r) => r.url === url).map((r) => r.at);
    expect(times('https://a.example/rss')).toEqual([1000, 121_000, 241_000, 361_000, 481_000, 601_000]);
    // A feed whose read throws is logged and tried again on its every; the other is untouched.
    expect(times('https://b.example/rss')).toEqual([1000, 301_000, 601_000]);
    expect(logs.filter((l) => l.message === 'feed run failed')).toHaveLength(3);

    writeFileSync(file, 'feeds:\n  - url: https://c.example/rss\n');
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(times('https://c.example/rss')).toHaveLength(1);
    const readsBefore = times('https://a.example/rss').length;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(times('https://a.example/rss')).toHaveLength(readsBefore);

    writeFileSync(file, 'feeds:\n  - url: ftp://nowhere.example/rss\n    every: 1m\n');
    await vi.advanceTimersByTimeAsync(61 * 60_000);
    expect(logs.some((l) => l.level === 'error' && l.message.startsWith('feeds file not read'))).toBe(true);
    expect(times('https://c.example/rss').length).toBeGreaterThanOrEqual(2);
    await schedule.stop();
    const after = reads.length;
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(reads.length).toBe(after);
  });

  it('without a feeds file follows nothing, and starts when one appears', async () => {
    vi.useFakeTimers({ now: 0 });
    const file = join(mkdtempSync(join(tmpdir(), 'verbatim-schedule-')), 'feeds.yaml');
    const reads: { url: string; at: number }[] = [];
    const schedule = new FeedSchedule(file, recordingFollower(reads), recordingLogger([]), { checkFileEveryMs: 60_000, firstReadAfterMs: 0 });
    schedule.start();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(reads).toEqual([]);
    writeFileSync(file, 'feeds:\n  - url: https://a.example/rss\n');
    await vi.advanceTimersByTimeAsync(61_000);
    expect(reads.map((r) => r.url)).toEqual(['https://a.example/rss']);
    await schedule.stop();
  });
});
