import { basename } from 'node:path';
import { watchTree, type EarlyWatch, type TreeWatcher } from './corpus/watch.js';
import type { LoadFailure } from './corpus/types.js';
import type { ArticleTable } from './index/articleTable.js';
import { Indexer } from './build/indexer.js';
import { Verbatim, type VerbatimOptions } from './verbatim.js';
import type { Logger } from './log.js';
import { errorFields } from './log.js';
import { pause } from './pause.js';

/** What a reload changed, by article file. */
export interface CorpusChange {
  added: string[];
  removed: string[];
  changed: string[];
  /** Every file that could not be loaded, with why. */
  failed: LoadFailure[];
  articles: number;
  ms: number;
}

export interface ReloadOptions {
  cacheDir: string;
  log: Logger;
  /** Quiet time after the last change before rebuilding: an editor's save is several events. */
  debounceMs?: number;
  verbatim?: VerbatimOptions;
  /** Hears of every finished reload (tests wait on it). */
  onReloaded?: (change: CorpusChange) => void;
}

const DEFAULT_DEBOUNCE_MS = 300;
// After watching starts, the indexer reads the corpus's analyses into memory this much later:
// the first change is then as quick as the next, and a start is not slowed by it.
const PRIME_DELAY_MS = 2000;
// Priming is background work, on one helper thread: it leaves a core to the questions and to a
// replica starting beside it, and takes longer, which no one waits for.
const PRIME_THREADS = 1;
// Articles compared between two yields to the event loop, when describing a change.
const ARTICLES_PER_SLICE = 1000;

/**
 * Keeps the corpus current while serving. A change under the corpus folder rebuilds the index
 * on the indexer thread, which keeps every unchanged slice's analysis in memory, and then swaps
 * it in with one assignment: a question holds the index it started with, so it is answered
 * wholly from the old one or wholly from the new. A file that breaks is logged with its reason
 * and listed as not loaded; every other article keeps serving.
 */
export class CorpusReloader {
  private serving: Verbatim;
  private watcher: TreeWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private queued: Promise<CorpusChange> | null = null;
  private last: Promise<unknown> = Promise.resolve();
  private closed = false;
  private servingKeys: Promise<ArticleKeys> | null = null;
  private readonly indexer = new Indexer();
  private primer: NodeJS.Timeout | null = null;

  constructor(private readonly dir: string, initial: Verbatim, private readonly options: ReloadOptions) {
    this.serving = initial;
  }

  /** The index to answer from now. */
  current(): Verbatim {
    return this.serving;
  }

  /**
   * Watches the corpus folder and its subfolders; changes to hidden files (editors' swap files) are
   * ignored. With `early` (begun before the corpus was opened), its watch is taken over, and a
   * change it saw while the corpus opened is reloaded.
   */
  watch(early: EarlyWatch | null = null): void {
    if (this.watcher || this.closed) {
      early?.close();
      return;
    }
    const onChange = (name: string) => {
      if (name && basename(name).startsWith('.')) return;
      this.scheduleReload();
    };
    const onError = (error: Error) => this.options.log.error({ dir: this.dir, ...errorFields(error) }, 'cannot watch the corpus folder');
    this.watcher = early ? early.handTo(onChange, onError) : watchTree(this.dir, onChange, onError);
    this.primer = setTimeout(() => void this.prepare(), PRIME_DELAY_MS);
    this.primer.unref();
  }

  /** Reads the corpus's analyses into the indexer's memory now, so the next change is reloaded quickly. */
  async prepare(): Promise<void> {
    if (this.primer) clearTimeout(this.primer);
    this.primer = null;
    if (this.closed) return;
    const started = performance.now();
    try {
      await this.indexer.prime(this.dir, this.options.cacheDir, PRIME_THREADS);
      this.options.log.info({ ms: Math.round(performance.now() - started) }, 'indexer ready for changes');
    } catch (error) {
      // Nothing lost: the next reload reads the analyses itself. Stopped by close(): nothing to say.
      if (this.closed) return;
      this.options.log.warn({ dir: this.dir, ...errorFields(error) }, 'the indexer could not read the corpus ahead of changes');
    }
  }

  /** Resolves when every reload so far is finished, its snapshot saved under CACHE_DIR too. */
  async settled(): Promise<void> {
    await this.last.catch(() => undefined);
    await this.indexer.idle();
  }

  /**
   * Rebuilds now (after any rebuild already running) and resolves with what changed. Calls made
   * while one is waiting to start share it, so a burst of changes costs one more build.
   */
  reload(): Promise<CorpusChange> {
    if (this.queued) return this.queued;
    const next = this.last.catch(() => undefined).then(() => {
      this.queued = null;
      return this.rebuild();
    });
    this.queued = next;
    this.last = next;
    return next;
  }

  /** Stops watching, waits for a rebuild under way (and its snapshot), and stops the indexer. */
  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.primer) clearTimeout(this.primer);
    await this.last.catch(() => undefined);
    await this.indexer.close();
  }

  private scheduleReload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      // Failures are logged in rebuild; the old index keeps serving.
      this.reload().catch(() => undefined);
    }, this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  private async rebuild(): Promise<CorpusChange> {
    const { log } = this.options;
    const started = performance.now();
    try {
      // The serving index's keys are kept from the reload that made it: decoded once, not twice.
      const before = await (this.servingKeys ??= articleKeys(this.serving.index.articles));
      let slices = { analysed: 0, reused: 0 };
      let timings = {};
      let installStarted = 0;
      const after = await this.indexer.update(this.dir, this.options.cacheDir, (data) => Verbatim.fromDataInSlices(data, this.options.verbatim), {
        onNote: (note) => log.warn({ note }, 'reload'),
        onAnalysis: (counts) => (slices = counts),
        // Sent just before the arrays: from here on, the time is this thread's (receiving, parsing, installing).
        onTimings: (t) => {
          timings = t;
          installStarted = performance.now();
        },
      });
      const installMs = Math.round(performance.now() - installStarted);
      this.serving = after;
      const afterKeys = articleKeys(after.index.articles);
      this.servingKeys = afterKeys;
      const change = { ...describeChange(before, await afterKeys), articles: after.index.articles.length, failed: after.index.failures, ms: Math.round(performance.now() - started) };
      log.info({ articles: change.articles, added: change.added.length, removed: change.removed.length, changed: change.changed.length, failed: change.failed.length, slicesAnalysed: slices.analysed, slicesReused: slices.reused, ...timings, installMs, ms: change.ms }, 'corpus reloaded');
      for (const failure of change.failed) log.warn({ file: failure.file, reason: failure.reason }, 'article not loaded');
      this.options.onReloaded?.(change);
      return change;
    } catch (error) {
      log.error({ dir: this.dir, ...errorFields(error) }, 'reload failed: still serving the previous corpus');
      throw error;
    }
  }
}

/** Articles added, removed and changed (same file, other content), compared in slices. */
function describeChange(old: ArticleKeys, now: ArticleKeys): Omit<CorpusChange, 'failed' | 'ms' | 'articles'> {
  const added = [...now.keys()].filter((file) => !old.has(file));
  const removed = [...old.keys()].filter((file) => !now.has(file));
  const changed = [...now].filter(([file, key]) => old.has(file) && old.get(file) !== key).map(([file]) => file);
  return { added, removed, changed };
}

/** Each article's file and content key. */
type ArticleKeys = Map<string, string>;

/** The file → content key map of an index's articles, read in slices (every article line is decoded). */
async function articleKeys(table: ArticleTable): Promise<ArticleKeys> {
  const map: ArticleKeys = new Map();
  for (let i = 0; i < table.length; i++) {
    const article = table.get(i);
    if (article) map.set(article.file, article.key);
    if (i % ARTICLES_PER_SLICE === ARTICLES_PER_SLICE - 1) await pause();
  }
  return map;
}
