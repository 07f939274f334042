import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSources } from '../src/ingest/add.js';
import { Fetcher } from '../src/fetch/fetcher.js';
import { loadCorpus } from '../src/corpus/load.js';
import { Verbatim } from '../src/verbatim.js';
import { FakeNewsSite, newsPage } from './fake-news/server.js';

const PARAGRAPHS = [
  'Delegates from Valdoria and the Kestrel Isles met for a third day in Port Aster on Monday.',
  '“We are closer than we have ever been,” said Edda Marrow, Valdoria’s chief negotiator, as she left the café where the talks were held.',
  'Kestrel’s envoy, Tobiah Quenn, told reporters that his government would sign “only a treaty that our fishermen can live with.”',
  'The talks resume on Thursday.',
];
const fetcher = () => new Fetcher({ userAgent: 'VerbatimTest/1.0', allowPrivate: true, hostPauseMs: 0, totalTimeoutMs: 1500, connectTimeoutMs: 1000 });
const corpusDir = () => mkdtempSync(join(tmpdir(), 'verbatim-add-url-'));
const frontMatter = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8').split('---\n')[1] ?? '';

let site: FakeNewsSite;
beforeEach(async () => {
  site = await FakeNewsSite.start();
});
afterEach(async () => {
  await site.close();
});

describe('adding an article by url', () => {
  it('goes through extraction and the duplicate check, with the canonical url (tracking removed) and when it was fetched', async () => {
    site.html('/world/port-aster-talks?utm_source=rss', newsPage({ title: 'Port Aster talks near a deal', outlet: 'The Harbour Gazette', published: '2025-03-03', canonical: '/world/port-aster-talks?utm_medium=feed&id=7', paragraphs: PARAGRAPHS }));
    const dir = corpusDir();
    const [result] = await addSources([site.url('/world/port-aster-talks?utm_source=rss')], dir, { fetcher: fetcher(), cwd: dir });
    expect(result).toMatchObject({ status: 'added', file: '2025-03-03-port-aster-talks-near-a-deal.md', paragraphs: 4 });
    const meta = frontMatter(dir, '2025-03-03-port-aster-talks-near-a-deal.md');
    expect(meta).toContain(`url: ${site.url('/world/port-aster-talks?id=7')}\n`);
    expect(meta).toMatch(/\nfetched: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\n/);
    const answer = Verbatim.fromCorpus(loadCorpus(dir, dir)).ask('what did Edda Marrow say', 5);
    expect(answer.results[0]?.text).toBe(PARAGRAPHS[1]);
    expect(answer.results[0]?.source.url).toBe(site.url('/world/port-aster-talks?id=7'));
  });

  it('the same url again is refused without fetching it twice; a mix of files and urls works', async () => {
    site.html('/a', newsPage({ title: 'Port Aster talks near a deal', outlet: 'The Harbour Gazette', published: '2025-03-03', paragraphs: PARAGRAPHS }));
    const dir = corpusDir();
    const note = join(corpusDir(), 'note.txt');
    writeFileSync(note, 'Bridge talks stall\n\n“Not this week,” said Oda Frell.\n');
    const results = await addSources([site.url('/a'), note, `${site.url('/a')}?utm_campaign=x`], dir, { fetcher: fetcher(), cwd: dir });
    expect(results.map((r) => r.status)).toEqual(['added', 'added', 'refused']);
    expect(results[2]).toMatchObject({ reason: expect.stringMatching(/^already in the corpus as 2025-03-03-port-aster-talks-near-a-deal\.md: the same url/) });
    expect(site.requestsFor('/a')).toHaveLength(1);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('a windows-1252 or ISO-8859-1 page reads as well as a UTF-8 one: header, meta, or sniffed', async () => {
    const page = newsPage({ title: 'Café talks in Port Aster', outlet: 'Le Courrier du Port', published: '2025-03-04', paragraphs: PARAGRAPHS });
    const latin = (html: string) => Buffer.from(html.replace(/[“”]/g, (q) => (q === '“' ? '\u0093' : '\u0094')).replace(/’/g, '\u0092'), 'latin1');
    site.html('/utf8', page);
    site.set('/header', { headers: { 'content-type': 'text/html; charset=windows-1252' }, body: latin(page) });
    site.set('/meta', { headers: { 'content-type': 'text/html' }, body: latin(page.replace('<head>', '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')) });
    site.set('/sniffed', { headers: { 'content-type': 'text/html' }, body: latin(page) });
    const bodies: string[] = [];
    for (const path of ['/utf8', '/header', '/meta', '/sniffed']) {
      const dir = corpusDir();
      const [result] = await addSources([site.url(path)], dir, { fetcher: fetcher(), cwd: dir });
      expect(result?.status, path).toBe('added');
      const text = readFileSync(join(dir, readdirSync(dir)[0] ?? ''), 'utf8');
      expect(text).toContain('title: Café talks in Port Aster');
      bodies.push(text.split('---\n')[2] ?? '');
    }
    expect(bodies[0]).toContain('“We are closer than we have ever been,” said Edda Marrow, Valdoria’s chief negotiator, as she left the café');
    expect(new Set(bodies).size).toBe(1);
  });

  it('bad urls: one line each naming the reason, and nothing written', async () => {
    site.set('/broken', { status: 500 });
    site.set('/missing', { status: 404 });
    site.set('/pdf', { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7' });
    site.set('/empty', { headers: { 'content-type': 'text/html' }, body: '' });
    site.set('/loop', { status: 302, headers: { location: '/loop2' } }).set('/loop2', { status: 302, headers: { location: '/loop' } });
    site.set('/huge', { headers: { 'content-type': 'text/html', 'content-length': String(20 * 1024 * 1024) }, body: '' });
    site.set('/slow', { delayMs: 5000, body: '<p>late</p>' });
    site.html('/paywall', readFileSync('test/ingest/pages/paywall-stub.html', 'utf8'));
    site.html('/section', readFileSync('test/ingest/pages/not-an-article.html', 'utf8'));
    const closed = await FakeNewsSite.start();
    const unreachable = closed.url('/story');
    await closed.close();
    const cases: [string, RegExp][] = [
      ['htp//nonsense', /^not a saved page or an article/],
      ['ftp://files.example/story.html', /only http and https/],
      [unreachable, /connection was refused|robots\.txt could not be read/],
      [site.url('/broken'), /^HTTP 500/],
      [site.url('/missing'), /^HTTP 404 \(not found\)/],
      [site.url('/pdf'), /^not an HTML page \(application\/pdf\)/],
      [site.url('/empty'), /^the page is empty/],
      [site.url('/loop'), /^a redirect loop/],
      [site.url('/huge'), /^refused: the response is 20\.0 MB, over the limit of 10\.0 MB/],
      [site.url('/slow'), /^gave up: no complete answer within 1\.5 s/],
      [site.url('/paywall'), /paywall stub/],
      [site.url('/section'), /not a news article/],
    ];
    const dir = corpusDir();
    const results = await addSources(cases.map(([url]) => url), dir, { fetcher: fetcher(), cwd: dir });
    results.forEach((result, i) => {
      expect(result.status, cases[i]?.[0]).not.toBe('added');
      if (result.status !== 'added') expect(result.reason, cases[i]?.[0]).toMatch(cases[i]?.[1] ?? /never/);
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('npm run add -- URL (the command)', () => {
  const run = (args: string[], env: Record<string, string>) => new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli/add.ts', ...args], { env: { ...process.env, CORPUS_DIR: '', ALLOW_PRIVATE_URLS: '', ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout }));
  });

  it('adds a url and a saved page in one run (exit 0); loopback without ALLOW_PRIVATE_URLS is refused before any request (exit 1)', async () => {
    site.html('/story', newsPage({ title: 'Port Aster talks near a deal', outlet: 'The Harbour Gazette', published: '2025-03-03', paragraphs: PARAGRAPHS }));
    const dir = corpusDir();
    const ok = await run(['--corpus', dir, site.url('/story'), 'test/ingest/pages/no-date.html'], { ALLOW_PRIVATE_URLS: '1' });
    expect(ok.stdout).toMatch(/^added .*2025-03-03-port-aster-talks-near-a-deal\.md: “Port Aster talks near a deal” \(The Harbour Gazette, 2025-03-03\): 4 paragraphs/m);
    expect(ok.status).toBe(0);
    const before = site.requests.length;
    const refused = await run(['--corpus', corpusDir(), site.url('/story')], {});
    expect(refused.stdout.trim()).toBe(`refused ${site.url('/story')}: refused: a loopback address 127.0.0.1 (private and local addresses are not fetched)`);
    expect(refused.status).toBe(1);
    expect(site.requests.length).toBe(before);
  }, 30_000);
});
