import { decodeXml } from '../fetch/charset.js';
import type { Fetcher, Fetched } from '../fetch/fetcher.js';
import { addSource, type AddResult } from '../ingest/add.js';
import type { CorpusWriter } from '../ingest/corpusWriter.js';
import type { FeedConfig } from './feedsFile.js';
import { matchesFeed } from './match.js';
import { parseFeed, type FeedItem } from './parseFeed.js';
import type { FeedState } from './state.js';

/**
 * Reads one feed and adds the new articles it lists that match: the feed is fetched with a
 * conditional GET (nothing is read when it has not changed), its items filtered by `match`,
 * and each item not dealt with before is fetched and added through the same path as
 * `npm run add`. An item whose url is already in the corpus is skipped without fetching it.
 * The state is saved after each item, so a crash mid-run costs at most the item under way.
 */

export interface FeedRun {
  feed: string;
  status: 'read' | 'unchanged' | 'failed';
  reason?: string;
  /** Items the feed lists, and how many of them match. */
  items: number;
  matching: number;
  /** Matching items skipped without a fetch: dealt with before, or their url already in the corpus. */
  known: number;
  /** What became of each item fetched this run. */
  results: AddResult[];
  /** Matching new items left for the next run (past the per-run bound). */
  deferred: number;
  ms: number;
}

export interface FollowerDeps {
  fetcher: Fetcher;
  writer: CorpusWriter;
  state: FeedState;
  /** Items fetched per feed per run at most: a feed that suddenly lists a thousand new items is read over several runs. */
  maxPerRun?: number;
  /** Hears of each item added or refused as it happens (the bot logs them). */
  onResult?: (feed: string, result: AddResult) => void;
  /** Asked between items: true ends the run early (the bot is stopping); the rest wait for the next run. */
  stopping?: () => boolean;
}

const ACCEPT_FEED = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const DEFAULT_MAX_PER_RUN = 100;
// A sitemap index is read one level deep, its first few sitemaps (news sitemaps list the latest first).
const MAX_CHILD_SITEMAPS = 5;

export class FeedFollower {
  constructor(private readonly deps: FollowerDeps) {}

  /** Reads `feed` once. Never throws: a feed that fails is reported in the run. */
  async read(feed: FeedConfig): Promise<FeedRun> {
    const started = Date.now();
    const run: FeedRun = { feed: feed.url, status: 'read', items: 0, matching: 0, known: 0, results: [], deferred: 0, ms: 0 };
    try {
      const items = await this.items(feed, run);
      if (run.status === 'read') await this.take(feed, items, run);
    } catch (error) {
      run.status = 'failed';
      run.reason = error instanceof Error ? error.message : String(error);
    }
    run.ms = Date.now() - started;
    return run;
  }

  /** The items the feed lists now, or none when it is unchanged since the last run. */
  private async items(feed: FeedConfig, run: FeedRun): Promise<FeedItem[]> {
    const memory = this.deps.state.feed(feed.url);
    const fetched = await this.deps.fetcher.fetch(feed.url, { accept: ACCEPT_FEED, etag: memory.etag, lastModified: memory.lastModified });
    memory.checked = new Date().toISOString();
    if (fetched.status === 304) {
      run.status = 'unchanged';
      this.deps.state.save();
      return [];
    }
    const parsed = parseFeed(textOf(fetched), fetched.url);
    const items = [...parsed.items];
    for (const sitemap of parsed.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
      // A child sitemap that fails is skipped; the others still count.
      try {
        const child = await this.deps.fetcher.fetch(sitemap, { accept: ACCEPT_FEED });
        if (child.status === 200) items.push(...parseFeed(textOf(child), child.url).items);
      } catch {
        continue;
      }
    }
    // Remembered only once the feed was read: a failed read is tried again in full next time.
    memory.etag = fetched.etag;
    memory.lastModified = fetched.lastModified;
    return items;
  }

  private async take(feed: FeedConfig, items: FeedItem[], run: FeedRun): Promise<void> {
    const { writer, state, fetcher } = this.deps;
    const maxPerRun = this.deps.maxPerRun ?? DEFAULT_MAX_PER_RUN;
    run.items = items.length;
    const matching = inReadingOrder(items.filter((item) => matchesFeed(item, feed.match)));
    run.matching = matching.length;
    writer.refresh();
    for (const item of matching) {
      if (state.isSettled(feed.url, item.url)) {
        run.known++;
        continue;
      }
      const inCorpus = writer.fileWithUrl(item.url);
      if (inCorpus) {
        run.known++;
        state.remember(feed.url, item.url, { outcome: 'in-corpus', file: inCorpus });
        continue;
      }
      if (run.results.length >= maxPerRun || this.deps.stopping?.()) {
        run.deferred++;
        continue;
      }
      const result = await addSource(writer, item.url, { fetcher });
      run.results.push(result);
      state.remember(feed.url, item.url, result.status === 'added' ? { outcome: 'added', file: result.file } : { outcome: result.status, reason: result.reason });
      state.save();
      this.deps.onResult?.(feed.url, result);
    }
    state.save();
  }
}

function textOf(fetched: Fetched): string {
  return decodeXml(fetched.body, fetched.charset).text;
}

/**
 * One item per url (a feed and its sitemaps may list a story twice), oldest first, so that of
 * two reports of one story the earlier is added and the later refused as its copy. Undated
 * items come after dated ones, in the reverse of the feed's order (feeds list newest first).
 */
function inReadingOrder(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    if (seen.has(item.url)) continue;
    seen.add(item.url);
    out.push(item);
  }
  out.reverse();
  const time = (item: FeedItem) => (item.published ? Date.parse(item.published) : Number.POSITIVE_INFINITY);
  return out.map((item, at) => ({ item, at, time: time(item) }))
    .sort((a, b) => a.time - b.time || a.at - b.at)
    .map(({ item }) => item);
}

/** One line for a person: what a run of one feed did. */
export function describeRun(run: FeedRun): string {
  if (run.status === 'failed') return `feed ${run.feed}: failed: ${run.reason ?? 'unknown error'}`;
  if (run.status === 'unchanged') return `feed ${run.feed}: unchanged since the last run (${run.ms} ms)`;
  const added = run.results.filter((r) => r.status === 'added').length;
  const parts = [`${run.items} items`, `${run.matching} matching`, `${added} added`, `${run.known} already seen or in the corpus`];
  const notAdded = run.results.length - added;
  if (notAdded > 0) parts.push(`${notAdded} not added`);
  if (run.deferred > 0) parts.push(`${run.deferred} left for the next run`);
  return `feed ${run.feed}: ${parts.join(', ')} (${run.ms} ms)`;
}
