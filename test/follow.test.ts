import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fetcher } from '../src/fetch/fetcher.js';
import { FeedFollower } from '../src/feeds/follow.js';
import { FeedState } from '../src/feeds/state.js';
import { CorpusWriter } from '../src/ingest/corpusWriter.js';
import type { FeedConfig } from '../src/feeds/feedsFile.js';
import { FakeNewsSite, atomFeed, newsPage, newsSitemap, rssFeed, type FakeItem } from './fake-news/server.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `verbatim-${name}-`));
const fetcher = () => new Fetcher({ userAgent: 'VerbatimTest/1.0', allowPrivate: true, hostPauseMs: 0, totalTimeoutMs: 1000, connectTimeoutMs: 1000 });
const feed = (url: string, match: string[] = []): FeedConfig => ({ url, match, everyMs: 60_000 });

let site: FakeNewsSite;
beforeEach(async () => {
  site = await FakeNewsSite.start();
});
afterEach(async () => {
  await site.close();
});

/** Serves `count` articles by fictional people at /story-N and returns them as feed items. */
function stories(count: number, topic = 'Port Aster talks', from = 0): FakeItem[] {
  return Array.from({ length: count }, (_, k) => {
    const n = from + k;
    const title = `${topic}: day ${n + 1}`;
    site.html(`/story-${n}`, newsPage({
      title, outlet: 'The Harbour Gazette', published: `2025-03-${String((n % 27) + 1).padStart(2, '0')}`,
      paragraphs: [`Delegates met again on day ${n + 1} of the ${topic.toLowerCase()}, story number ${n}.`, `“Day ${n + 1} brought us closer,” said Edda Marrow${n} of Valdoria.`, `Her counterpart Tobiah Quenn${n} said the sides had agreed on point ${n}.`],
    }));
    return { title, link: site.url(`/story-${n}`), summary: `Edda Marrow on day ${n + 1}`, published: `2025-03-${String((n % 27) + 1).padStart(2, '0')}T09:00:00Z` };
  });
}

function follower(corpus: string, cache: string) {
  const state = FeedState.at(cache).open();
  return { state, follower: new FeedFollower({ fetcher: fetcher(), writer: new CorpusWriter(corpus, corpus), state }) };
}

describe('following a feed', () => {
  it('adds the matching items, then reads nothing new with a conditional GET, then only the new item', async () => {
    const items = [...stories(3), ...stories(2, 'Harvest festival', 3)];
    let version = 1;
    let feedItems = items;
    site.set('/rss.xml', (request, response) => {
      const etag = `"v${version}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rssFeed('Gazette', feedItems));
    });
    const corpus = temp('follow-corpus');
    const cache = temp('follow-cache');
    const first = await follower(corpus, cache).follower.read(feed(site.url('/rss.xml'), ['port aster']));
    expect(first).toMatchObject({ status: 'read', items: 5, matching: 3, known: 0 });
    expect(first.results.map((r) => r.status)).toEqual(['added', 'added', 'added']);
    expect(readdirSync(corpus).sort()).toHaveLength(3);
    // Items that do not match are never fetched.
    expect(site.requestsFor('/story-3')).toHaveLength(0);

    const second = await follower(corpus, cache).follower.read(feed(site.url('/rss.xml'), ['port aster']));
    expect(second).toMatchObject({ status: 'unchanged', results: [] });
    expect(site.requestsFor('/rss.xml')[1]?.headers['if-none-match']).toBe('"v1"');

    version = 2;
    feedItems = [...stories(1, 'Port Aster talks', 5), ...items];
    const third = await follower(corpus, cache).follower.read(feed(site.url('/rss.xml'), ['port aster']));
    expect(third).toMatchObject({ status: 'read', matching: 4, known: 3 });
    expect(third.results.map((r) => r.source)).toEqual([site.url('/story-5')]);
    for (const n of [0, 1, 2]) expect(site.requestsFor(`/story-${n}`)).toHaveLength(1);
  });

  it('an item already in the corpus by its url is skipped without fetching it; the same text at another url is refused as a duplicate', async () => {
    const items = stories(2);
    site.copy('/story-1', '/wire/story-1-copy');
    items.push({ title: 'A wire copy', link: site.url('/wire/story-1-copy') });
    const corpus = temp('follow-corpus');
    writeFileSync(join(corpus, 'saved.md'), `---\ntitle: Saved by hand\nurl: ${items[0]?.link}?utm_source=newsletter\n---\nSaved text.\n`);
    const { follower: f } = follower(corpus, temp('follow-cache'));
    const run = await f.read(feed(site.url('/rss.xml')));
    expect(run.status).toBe('failed'); // no feed served yet
    site.html('/rss.xml', rssFeed('Gazette', items), { 'content-type': 'application/rss+xml' });
    const read = await f.read(feed(site.url('/rss.xml')));
    expect(read).toMatchObject({ status: 'read', known: 1 });
    expect(site.requestsFor('/story-0')).toHaveLength(0);
    // Dated items are read oldest first and undated ones after them: the story is added, its copy refused.
    expect(read.results.map((r) => [r.source, r.status])).toEqual([[items[1]?.link, 'added'], [site.url('/wire/story-1-copy'), 'refused']]);
    expect(read.results[1]).toMatchObject({ reason: expect.stringMatching(/^already in the corpus as .*: the same story/) });
  });

  it('reads Atom feeds and news sitemaps too', async () => {
    site.set('/atom.xml', { headers: { 'content-type': 'application/atom+xml' }, body: atomFeed('Courier', stories(2)) });
    site.set('/news-sitemap.xml', { headers: { 'content-type': 'application/xml' }, body: newsSitemap('Courier', stories(2, 'Port Aster talks', 2)) });
    const corpus = temp('follow-corpus');
    const { follower: f } = follower(corpus, temp('follow-cache'));
    expect((await f.read(feed(site.url('/atom.xml')))).results.map((r) => r.status)).toEqual(['added', 'added']);
    expect((await f.read(feed(site.url('/news-sitemap.xml')))).results.map((r) => r.status)).toEqual(['added', 'added']);
    expect(readdirSync(corpus)).toHaveLength(4);
  });

  it('a broken, slow or missing feed is reported and never stops the others', async () => {
    site.set('/garbage.xml', { headers: { 'content-type': 'text/html' }, body: '<html><body>Not a feed</body></html>' });
    site.set('/slow.xml', { delayMs: 3000, body: '' });
    site.html('/good.xml', rssFeed('Gazette', stories(1)), { 'content-type': 'application/rss+xml' });
    const { follower: f } = follower(temp('follow-corpus'), temp('follow-cache'));
    const runs = [];
    for (const url of ['/garbage.xml', '/slow.xml', '/missing.xml', '/good.xml']) runs.push(await f.read(feed(site.url(url))));
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'read']);
    expect(runs[1]?.reason).toMatch(/gave up/);
    expect(runs[2]?.reason).toBe('HTTP 404 (not found)');
    expect(runs[3]?.results.map((r) => r.status)).toEqual(['added']);
  });

  it('its state survives a crash mid-write: a leftover temporary file or a damaged state opens, and nothing is added twice', async () => {
    site.html('/rss.xml', rssFeed('Gazette', stories(2)), { 'content-type': 'application/rss+xml' });
    const corpus = temp('follow-corpus');
    const cache = temp('follow-cache');
    await follower(corpus, cache).follower.read(feed(site.url('/rss.xml')));
    const statePath = join(cache, 'feeds', 'state.json');
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toMatchObject({ version: 1 });
    // A crash while writing leaves a half-written temporary file beside the last complete state.
    writeFileSync(`${statePath}.999.tmp`, '{"version":1,"feeds":{"http');
    const afterCrash = follower(corpus, cache);
    expect(afterCrash.state.problem).toBeNull();
    expect((await afterCrash.follower.read(feed(site.url('/rss.xml')))).results).toEqual([]);
    // A damaged state is begun anew; the corpus still knows the items by url, so none is fetched again.
    writeFileSync(statePath, '{"version":1,"feeds":{"http');
    const damaged = follower(corpus, cache);
    expect(damaged.state.problem).toMatch(/unreadable .* begun anew/);
    const run = await damaged.follower.read(feed(site.url('/rss.xml')));
    expect(run).toMatchObject({ known: 2, results: [] });
    expect(site.requestsFor('/story-0')).toHaveLength(1);
    expect(readdirSync(corpus)).toHaveLength(2);
  });
});

describe('npm run follow (the command)', () => {
  const run = (env: Record<string, string>) => new Promise<{ status: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli/follow.ts'], { env: { ...process.env, CORPUS_DIR: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });

  it('reads each feed once and exits 0, even when one feed fails; a malformed or missing feeds file is exit 2 with its reason', async () => {
    site.html('/rss.xml', rssFeed('Gazette', stories(2)), { 'content-type': 'application/rss+xml' });
    const dir = temp('follow-cli');
    const feeds = join(dir, 'feeds.yaml');
    writeFileSync(feeds, `feeds:\n  - url: ${site.url('/broken.xml')}\n  - url: ${site.url('/rss.xml')}\n    match: [Port Aster]\n    every: 5m\n`);
    const env = { FEEDS_FILE: feeds, CORPUS_DIR: join(dir, 'corpus'), CACHE_DIR: join(dir, 'cache'), ALLOW_PRIVATE_URLS: '1' };
    const ok = await run(env);
    expect(ok.status).toBe(0);
    const lines = ok.stdout.trim().split('\n');
    expect(lines[0]).toBe(`feed ${site.url('/broken.xml')}: failed: HTTP 404 (not found)`);
    expect(lines[1]).toMatch(new RegExp(`^feed ${site.url('/rss.xml').replace(/[.?/]/g, '\\$&')}: 2 items, 2 matching, 2 added, 0 already seen or in the corpus \\(\\d+ ms\\)$`));
    expect(lines.slice(2).every((line) => line.startsWith('  added '))).toBe(true);
    expect(readdirSync(join(dir, 'corpus'))).toHaveLength(2);

    writeFileSync(feeds, 'feeds:\n  - url: ftp://nowhere.example/feed\n');
    const malformed = await run(env);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/feeds\.yaml.*feeds\[0\]\.url/);
    const missing = await run({ ...env, FEEDS_FILE: join(dir, 'nothing.yaml') });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no feeds file at');
    expect(existsSync(join(dir, 'cache', 'feeds', 'state.json'))).toBe(true);
  }, 30_000);
});

