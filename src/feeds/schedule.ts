import { statSync } from 'node:fs';
import { errorFields, type Logger } from '../log.js';
import { FeedsFileError, readFeedsFile, type FeedConfig } from './feedsFile.js';
import { FeedFollower, type FeedRun } from './follow.js';

/**
 * Follows the feeds of FEEDS_FILE in the background while the bot runs: each feed is read on
 * its `every`, one feed at a time (the fetcher is polite per host, and a bot should not flood
 * anyone), and nothing a feed does can stop another feed or the bot: a failure is logged and
 * the feed tried again at its next time. The file is looked at again every minute; a change
 * takes effect at once, and a malformed file is logged and the feeds already followed go on.
 */

export interface ScheduleOptions {
  /** How often the feeds file is checked for changes. */
  checkFileEveryMs?: number;
  /** How soon after start the first reads happen. */
  firstReadAfterMs?: number;
  /** Hears of every finished run (tests wait on it). */
  onRun?: (run: FeedRun) => void;
}

const CHECK_FILE_MS = 60_000;
const FIRST_READ_MS = 2_000;

export class FeedSchedule {
  private feeds = new Map<string, { config: FeedConfig; timer: NodeJS.Timeout }>();
  private queue: Promise<void> = Promise.resolve();
  private fileTimer: NodeJS.Timeout | null = null;
  private fileStamp: string | null = null;
  private stopped = false;

  constructor(private readonly feedsFile: string, private readonly follower: FeedFollower, private readonly log: Logger, private readonly options: ScheduleOptions = {}) {}

  /** Reads the feeds file and starts following; without a file, follows nothing until one appears. */
  start(): void {
    this.checkFile();
    this.fileTimer = setInterval(() => this.checkFile(), this.options.checkFileEveryMs ?? CHECK_FILE_MS);
    this.fileTimer.unref();
  }

  /** No new reads start; the one under way stops after its current item. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.fileTimer) clearInterval(this.fileTimer);
    for (const { timer } of this.feeds.values()) clearTimeout(timer);
    this.feeds.clear();
    await this.queue;
  }

  get isStopping(): boolean {
    return this.stopped;
  }

  private checkFile(): void {
    const stamp = fileStamp(this.feedsFile);
    if (stamp === this.fileStamp) return;
    this.fileStamp = stamp;
    let feeds: FeedConfig[] | null;
    try {
      feeds = readFeedsFile(this.feedsFile);
    } catch (error) {
      const reason = error instanceof FeedsFileError ? error.message : String(error);
      this.log.error({ feedsFile: this.feedsFile, reason }, 'feeds file not read; the feeds already followed go on');
      return;
    }
    this.follow(feeds ?? []);
  }

  /** Starts following `feeds`, keeping the timing of those already followed with the same settings. */
  private follow(feeds: FeedConfig[]): void {
    const wanted = new Map(feeds.map((feed) => [feed.url, feed]));
    for (const [url, entry] of this.feeds) {
      const next = wanted.get(url);
      if (!next || next.everyMs !== entry.config.everyMs || next.match.join('\n') !== entry.config.match.join('\n')) {
        clearTimeout(entry.timer);
        this.feeds.delete(url);
      }
    }
    for (const feed of feeds) {
      if (!this.feeds.has(feed.url)) this.schedule(feed, this.options.firstReadAfterMs ?? FIRST_READ_MS);
    }
    this.log.info({ feeds: feeds.length, feedsFile: this.feedsFile }, 'following feeds');
  }

  private schedule(feed: FeedConfig, afterMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => this.enqueue(feed), afterMs);
    timer.unref();
    this.feeds.set(feed.url, { config: feed, timer });
  }

  private enqueue(feed: FeedConfig): void {
    this.queue = this.queue.then(async () => {
      if (this.stopped || this.feeds.get(feed.url)?.config !== feed) return;
      const run = await this.follower.read(feed);
      this.report(run);
      // Unless the feeds file changed meanwhile and the feed was scheduled anew.
      if (this.feeds.get(feed.url)?.config === feed) this.schedule(feed, feed.everyMs);
    }).catch((error: unknown) => {
      // Nothing here should throw; if it does, the feed is tried again later and the others go on.
      this.log.error({ feed: feed.url, ...errorFields(error) }, 'feed run failed');
      if (this.feeds.get(feed.url)?.config === feed) this.schedule(feed, feed.everyMs);
    });
  }

  private report(run: FeedRun): void {
    const added = run.results.filter((r) => r.status === 'added');
    const fields = { feed: run.feed, status: run.status, items: run.items, matching: run.matching, added: added.length, known: run.known, notAdded: run.results.length - added.length, ms: run.ms };
    if (run.status === 'failed') this.log.warn({ ...fields, reason: run.reason }, 'feed not read');
    else this.log.info(fields, 'feed read');
    for (const result of run.results) {
      if (result.status === 'added') this.log.info({ feed: run.feed, source: result.source, file: result.file }, 'article added from a feed');
      else this.log.info({ feed: run.feed, source: result.source, status: result.status, reason: result.reason }, 'feed item not added');
    }
    this.options.onRun?.(run);
  }
}

/** Size and modification time, or null when there is no file: a change of either is a new file to read. */
function fileStamp(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}
