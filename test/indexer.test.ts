import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, utimesSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { buildInBackground } from '../src/build/build.js';
import { Indexer } from '../src/build/indexer.js';
import { FileDigests } from '../src/build/fileDigests.js';
import { corpusKey, loadSnapshot } from '../src/build/snapshot.js';
import type { IndexData } from '../src/build/assemble.js';
import { CorpusIndex } from '../src/search/corpusIndex.js';
import { Verbatim } from '../src/verbatim.js';
import { syntheticCorpus } from '../src/bench/synthetic.js';
import type { Article } from '../src/corpus/types.js';
import { writeArticle as write } from './helpers/articles.js';
import { expectSameIndex } from './helpers/sameIndex.js';

// Invented people and words (the bench's generator): enough articles for several slices.
const articles = syntheticCorpus(6_000, 43).articles;

type Counts = { analysed: number; reused: number };

async function update(indexer: Indexer, corpus: string, cache: string): Promise<{ data: IndexData; counts: Counts }> {
  let counts: Counts = { analysed: -1, reused: -1 };
  const data = await indexer.update(corpus, cache, async (d) => d, { threads: 2, onAnalysis: (c) => (counts = c) });
  return { data, counts };
}

function sameAnswers(a: IndexData, b: IndexData): void {
  const left = new Verbatim(CorpusIndex.fromData(a));
  const right = new Verbatim(CorpusIndex.fromData(b));
  const names = right.speakerChoices('', 4).map((c) => c.name);
  for (const question of [...names.map((n) => `what did ${n} say`), 'talks', 'minister warned', 'harbour would reopen']) {
    expect(left.ask(question, 10)).toEqual(right.ask(question, 10));
  }
}

describe('the indexer thread', () => {
  let root: string;
  let corpus: string;
  let cache: string;
  const indexer = new Indexer();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'verbatim-indexer-'));
    corpus = join(root, 'corpus');
    cache = join(root, 'cache');
    for (const article of articles.slice(0, -3)) write(corpus, article);
  });
  afterAll(async () => {
    await indexer.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the analyses between changes: a change analyses only its slices, and the index equals a fresh build', async () => {
    const first = await update(indexer, corpus, cache);
    expect(first.counts.analysed).toBeGreaterThan(2);
    expect(first.data).toEqual(await buildInBackground(corpus, { threads: 2 }));

    // Nothing changed: nothing analysed (the snapshot just saved for this corpus is opened, or memory used).
    const again = await update(indexer, corpus, cache);
    expect(Math.max(0, again.counts.analysed)).toBe(0);
    expect(again.data).toEqual(first.data);

    // Two articles added, one changed, one removed.
    for (const article of articles.slice(-3, -1)) write(corpus, article);
    const changed = articles[5] as Article;
    write(corpus, { ...changed, body: `${changed.body}\n\nThe envoy said the harbour would reopen on Monday.` });
    rmSync(join(corpus, (articles[9] as Article).file));
    const after = await update(indexer, corpus, cache);
    expect(after.counts.analysed).toBeGreaterThan(0);
    expect(after.counts.analysed).toBeLessThanOrEqual(4);
    const fresh = await buildInBackground(corpus, { threads: 2 });
    // The change was spliced into the index kept from the first update (only its term bounds may be looser).
    expectSameIndex(after.data, fresh);
    expect(after.data.terms.maxImpacts).not.toEqual(fresh.terms.maxImpacts);
    sameAnswers(after.data, fresh);
    expect(new Verbatim(CorpusIndex.fromData(after.data)).ask('harbour would reopen on Monday', 3).results[0]?.text).toContain('harbour would reopen on Monday');

    // The snapshot is saved after the hand-over: once idle, the new corpus's snapshot opens.
    await indexer.idle();
    const snapshot = await loadSnapshot(cache, corpusKey(corpus));
    expect('data' in snapshot).toBe(true);
    if ('data' in snapshot) expect(await snapshot.problem).toBeNull();
  }, 120_000);

  it('reads the analyses ahead when primed, and starts a crashed thread again', async () => {
    const primed = new Indexer();
    try {
      await primed.prime(corpus, cache, 2);
      write(corpus, { ...(articles[12] as Article), body: `${(articles[12] as Article).body}\n\nThe delegation said the border would stay shut.` });
      const after = await update(primed, corpus, cache);
      expect(after.counts.analysed).toBe(1);
      // Spliced into the index the prime opened from the snapshot.
      expectSameIndex(after.data, await buildInBackground(corpus, { threads: 2 }));

      // The thread dies while idle (out of memory, say): the next update starts a new one, which reads the analyses back.
      await primed.idle();
      await ((primed as unknown as { worker: Worker }).worker).terminate();
      write(corpus, articles.at(-1) as Article);
      const recovered = await update(primed, corpus, cache);
      expect(recovered.counts.reused).toBeGreaterThan(0);
      expect(recovered.data).toEqual(await buildInBackground(corpus, { threads: 2 }));
    } finally {
      await primed.close();
    }
  }, 120_000);

  it('stops a prime under way when closed, and refuses work afterwards', async () => {
    const stopping = new Indexer();
    const prime = stopping.prime(corpus, cache, 2);
    // Under way: the thread is starting (it loads the TypeScript loader first, for far longer than a turn of the loop).
    await new Promise((resolve) => setImmediate(resolve));
    await stopping.close();
    await expect(prime).rejects.toThrow(/stopped/);
    await expect(stopping.prime(corpus, cache, 2)).rejects.toThrow(/closed/);
  }, 60_000);
});

describe('file digests remembered by stat data', () => {
  it('sees a rewrite of the same size with the old modification time put back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-digests-'));
    try {
      const path = join(dir, 'a.md');
      writeFileSync(path, 'Envoy Tamsin Aldous said the talks would resume.');
      // Old enough not to be "racy": the digest is remembered.
      const old = new Date(Date.now() - 60_000);
      utimesSync(path, old, old);
      const digests = new FileDigests();
      const before = digests.digest(path);
      digests.look();
      expect(digests.digest(path)).toBe(before);
      const { mtime } = statSync(path);
      writeFileSync(path, 'Envoy Tamsin Aldous said the talks would resumX.');
      utimesSync(path, mtime, mtime);
      digests.look();
      expect(digests.digest(path)).not.toBe(before);
      rmSync(path);
      digests.look();
      expect(digests.digest(path)).toMatch(/^missing ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
