/**
 * `npm run bench:follow -- [--items 50] [--runs 3] [--existing 0] [--json]`: the time of
 * `npm run follow` over a feed of N new items, as a user runs it (its own process, the default
 * politeness: one request at a time per host and a 500 ms pause between them), against a
 * loopback fake news site with invented outlets and people. Also measured in the same run: the
 * second read of the same feed (a conditional GET answered 304), the same first read in one
 * process with no pause (what the work itself costs), and, with --existing K, a corpus that
 * already holds K articles (the duplicate check reads them once a run). Medians over --runs.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FakeNewsSite, newsPage, rssFeed, type FakeItem } from '../test/fake-news/server.js';
import { Fetcher } from '../src/fetch/fetcher.js';
import { FeedFollower } from '../src/feeds/follow.js';
import { FeedState } from '../src/feeds/state.js';
import { openWriter } from '../src/ingest/add.js';

const { values } = parseArgs({ options: { items: { type: 'string' }, runs: { type: 'string' }, existing: { type: 'string' }, json: { type: 'boolean' } } });
const ITEMS = Number(values.items ?? 50);
const RUNS = Number(values.runs ?? 3);
const EXISTING = Number(values.existing ?? 0);

// Words for invented names and for sentences that differ from story to story, as real ones do
// (stories built from one template would be refused as copies of each other).
const SYLLABLES = ['ka', 'lo', 'ven', 'dra', 'mir', 'tos', 'el', 'qua', 'ris', 'bo', 'sten', 'vik', 'ar', 'nel', 'hu', 'gor'];
const WORDS = ['harbour', 'ferry', 'quota', 'treaty', 'draft', 'council', 'envoy', 'border', 'tariff', 'vessel', 'island', 'customs', 'license', 'permit', 'patrol', 'fleet', 'dispute', 'clause', 'annex', 'schedule', 'deadline', 'inspection', 'pier', 'cargo', 'pension', 'bridge', 'school', 'market', 'winter', 'storm', 'grain', 'salt', 'timber', 'copper', 'railway', 'lighthouse'];

let seed = 20250401;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const name = () => {
  const part = () => { const w = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES); return w.charAt(0).toUpperCase() + w.slice(1); };
  return `${part()} ${part()}`;
};
const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

/** A news story of 12 paragraphs, with quotes by invented people, different words each time. */
function paragraphs(n: number): string[] {
  const people = [name(), name(), name()];
  const out = [`Negotiators met for round ${n} of the Lantern Bay talks on Tuesday, with the ${phrase(2)} and the ${phrase(2)} on the table.`];
  for (let k = 0; k < 11; k++) {
    const who = people[k % 3] as string;
    out.push(k % 3 === 0
      ? `“We came to settle the ${phrase(3)} question, and the ${phrase(2)} will not wait,” said ${who}, who leads one of the delegations.`
      : k % 3 === 1
        ? `${who} told reporters that the ${phrase(3)} talks had gone better than expected, but warned that the ${phrase(2)} was still open.`
        : `Officials said the ${phrase(4)} would be taken up again after the ${phrase(2)} session.`);
  }
  return out;
}

function serveStories(site: FakeNewsSite, from: number, count: number): FakeItem[] {
  return Array.from({ length: count }, (_, k) => {
    const n = from + k;
    const title = `Lantern Bay talks, round ${n}`;
    const published = new Date(Date.UTC(2025, 3, 1) + n * 3_600_000).toISOString();
    site.html(`/news/round-${n}`, newsPage({ title, outlet: 'The Lantern Courier', published, paragraphs: paragraphs(n) }));
    return { title, link: site.url(`/news/round-${n}`), summary: `Round ${n} of the Lantern Bay talks`, published };
  }).reverse();
}

function timeFollow(env: Record<string, string>): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'follow'], { env: { ...process.env, ...env, ALLOW_PRIVATE_URLS: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`npm run follow exited ${code}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const site = await FakeNewsSite.start();
  const feedItems = serveStories(site, 0, ITEMS);
  site.set('/rss.xml', (request, response) => {
    if (request.headers['if-none-match'] === '"feed-1"') return void response.writeHead(304).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-1"' }).end(rssFeed('The Lantern Courier', feedItems));
  });
  const first: number[] = [];
  const again: number[] = [];
  const inProcess: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const dir = mkdtempSync(join(tmpdir(), 'verbatim-follow-bench-'));
      const corpus = join(dir, 'corpus');
      mkdirSync(corpus);
      for (let k = 0; k < EXISTING; k++) writeFileSync(join(corpus, `old-${k}.md`), `---\ntitle: Older story ${k}\n---\n${paragraphs(100_000 + k).join('\n\n')}\n`);
      writeFileSync(join(dir, 'feeds.yaml'), `feeds:\n  - url: ${site.url('/rss.xml')}\n    match: [Lantern Bay]\n`);
      const env = { FEEDS_FILE: join(dir, 'feeds.yaml'), CORPUS_DIR: corpus, CACHE_DIR: join(dir, 'cache') };
      first.push(await timeFollow(env));
      again.push(await timeFollow(env));
      inProcess.push(await followInProcess(site, join(dir, 'corpus-2'), join(dir, 'cache-2')));
    }
  } finally {
    await site.close();
  }
  const figures = {
    items: ITEMS, existing: EXISTING, runs: RUNS,
    followMs: median(first), followAgainMs: median(again), inProcessNoPauseMs: median(inProcess),
    perItemNoPauseMs: median(inProcess) / ITEMS,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    process.stdout.write(`npm run follow, a feed of ${ITEMS} new items${EXISTING ? `, ${EXISTING} articles already in the corpus` : ''} (median of ${RUNS}):\n`);
    process.stdout.write(`  first read, default politeness (500 ms between requests to a host): ${(figures.followMs / 1000).toFixed(2)} s\n`);
    process.stdout.write(`  second read (304, nothing new):                                     ${(figures.followAgainMs / 1000).toFixed(2)} s\n`);
    process.stdout.write(`  first read in one process, no pause (the work itself):              ${(figures.inProcessNoPauseMs / 1000).toFixed(2)} s (${figures.perItemNoPauseMs.toFixed(1)} ms an item)\n`);
  }
}

async function followInProcess(site: FakeNewsSite, corpus: string, cache: string): Promise<number> {
  const follower = new FeedFollower({
    fetcher: new Fetcher({ userAgent: 'VerbatimBench/1.0', allowPrivate: true, hostPauseMs: 0 }),
    writer: openWriter(corpus),
    state: FeedState.at(cache).open(),
  });
  const started = process.hrtime.bigint();
  const run = await follower.read({ url: site.url('/rss.xml'), match: ['Lantern Bay'], everyMs: 60_000 });
  if (run.results.filter((r) => r.status === 'added').length !== ITEMS) throw new Error(`only ${run.results.length} of ${ITEMS} added: ${JSON.stringify(run.results.slice(0, 3))}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:follow: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
