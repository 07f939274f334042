import type { Config } from './config.js';
import { fetcherFor, type Fetcher } from './fetch/fetcher.js';
import { FeedFollower } from './feeds/follow.js';
import { FeedSchedule } from './feeds/schedule.js';
import { FeedState } from './feeds/state.js';
import { addSource, type AddResult } from './ingest/add.js';
import { CorpusWriter } from './ingest/corpusWriter.js';
import type { Logger } from './log.js';
import { join } from 'node:path';
import { FeedLeadership } from './feeds/leader.js';

/**
 * Where new articles come in while the bot runs: /add and the feeds of FEEDS_FILE, both
 * through one fetcher (so politeness per host holds across them) and one corpus writer (so
 * each knows what the other just wrote). The corpus watcher then indexes what they write.
 */
export class Intake {
  private readonly fetcher: Fetcher;
  private readonly schedule: FeedSchedule;
  private readonly writer: CorpusWriter;
  private adds: Promise<unknown> = Promise.resolve();
  private readonly leadership: FeedLeadership;

  constructor(config: Config, private readonly log: Logger) {
    this.fetcher = fetcherFor(config);
    // Not read until first needed (an /add or a feed's first run): start-up stays fast.
    this.writer = new CorpusWriter(config.corpusDir);
    const state = FeedState.at(config.cacheDir).open();
    if (state.problem) log.warn({ problem: state.problem }, 'feed state begun anew');
    const follower = new FeedFollower({ fetcher: this.fetcher, writer: this.writer, state, stopping: () => this.schedule.isStopping });
    this.schedule = new FeedSchedule(config.feedsFile, follower, log);
    this.leadership = new FeedLeadership(join(config.cacheDir, 'locks', 'feeds.lock'), () => this.schedule.start(), () => void this.schedule.stop(), log);
  }

  /**
   * Starts following the feeds (none when there is no feeds file), in one process of those
   * sharing CACHE_DIR: the one holding the feeds lock (see FeedLeadership).
   */
  start(): this {
    this.leadership.begin();
    return this;
  }

  /** Whether this process is the one following the feeds. */
  get followsFeeds(): boolean {
    return this.leadership.leading;
  }

  /** /add: one url at a time, so two managers adding the same story get one file and one refusal. */
  addUrl(url: string): Promise<AddResult> {
    const result = this.adds.then(() => {
      this.writer.refresh();
      return addSource(this.writer, url, { fetcher: this.fetcher });
    });
    this.adds = result.catch(() => undefined);
    void result.then((r) => this.log.info({ source: r.source, status: r.status, ...(r.status === 'added' ? { file: r.file } : { reason: r.reason }) }, 'add'));
    return result;
  }

  async stop(): Promise<void> {
    await this.schedule.stop();
    this.leadership.end();
    await this.adds;
  }
}
