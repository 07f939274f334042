import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { gzipSync } from 'node:zlib';
import { Fetcher, FetchError, checkUrl, retryAfter, type FetcherOptions } from '../src/fetch/fetcher.js';
import { refusedAddress } from '../src/fetch/addresses.js';
import { FakeNewsSite } from './fake-news/server.js';

const UA = 'VerbatimTest/9.9 (+https://verbatim.test)';
let site: FakeNewsSite;
const fetcher = (options: Partial<FetcherOptions> = {}) => new Fetcher({ userAgent: UA, allowPrivate: true, hostPauseMs: 0, connectTimeoutMs: 1000, totalTimeoutMs: 1500, ...options });
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return (error as Error).message;
  }
  throw new Error('expected the fetch to fail');
};

beforeEach(async () => {
  site = await FakeNewsSite.start();
});
afterEach(async () => {
  await site.close();
});

describe('addresses a fetch may reach', () => {
  it.each([
    ['127.0.0.1', /loopback/], ['127.8.9.10', /loopback/], ['::1', /loopback/], ['10.2.3.4', /private/], ['172.16.0.1', /private/],
    ['192.168.1.1', /private/], ['169.254.169.254', /link-local/], ['fe80::1', /link-local/], ['fd00:ec2::254', /unique local/],
    ['0.0.0.0', /unspecified/], ['::', /unspecified/], ['224.0.0.251', /multicast/], ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /loopback address 127\.0\.0\.1/], ['::ffff:169.254.169.254', /link-local/], ['100.64.1.1', /carrier-grade/],
    ['255.255.255.255', /broadcast/], ['64:ff9b::a00:1', /NAT64/],
  ])('refuses %s', (address, reason) => {
    expect(refusedAddress(address)).toMatch(reason);
  });

  it.each(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::ffff:93.184.215.14'])('allows the public address %s', (address) => {
    expect(refusedAddress(address)).toBeNull();
  });

  it('without ALLOW_PRIVATE_URLS, loopback is refused before any request is made (robots.txt included)', async () => {
    const strict = fetcher({ allowPrivate: false });
    site.html('/story', '<p>hello</p>');
    expect(await failure(strict.fetch(site.url('/story')))).toMatch(/^refused: a loopback address 127\.0\.0\.1/);
    expect(await failure(strict.fetch(`http://[::ffff:127.0.0.1]:${new URL(site.origin).port}/story`))).toMatch(/loopback/);
    expect(await failure(strict.fetch(`http://2130706433:${new URL(site.origin).port}/story`))).toMatch(/loopback/);
    expect(site.requests).toEqual([]);
  });

  it('a name is resolved first: one that resolves to a private address is refused', async () => {
    const strict = fetcher({ allowPrivate: false, resolve: async () => [{ address: '10.0.0.7', family: 4 }] });
    expect(await failure(strict.fetch('http://intranet.example/admin'))).toBe('refused: intranet.example resolves to a private address 10.0.0.7 (private and local addresses are not fetched)');
    const metadata = fetcher({ allowPrivate: false, resolve: async () => [{ address: '169.254.169.254', family: 4 }] });
    expect(await failure(metadata.fetch('http://metadata.example/latest/meta-data/'))).toMatch(/link-local address 169\.254\.169\.254/);
  });

  it('each redirect hop is checked again: a public page redirecting to a private address is refused', async () => {
    // The test site stands for a public host; any other address counts as private.
    const port = new URL(site.origin).port;
    const policy = fetcher({ allowPrivate: false, refuse: (address) => (address === '127.0.0.1' ? null : refusedAddress(address)), resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    site.set('/go', { status: 302, headers: { location: `http://127.0.0.2:${port}/secret` } });
    site.set('/go-meta', { status: 301, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    site.html('/fine', '<p>fine</p>');
    expect((await policy.fetch(`http://news.example:${port}/fine`)).status).toBe(200);
    expect(await failure(policy.fetch(`http://news.example:${port}/go`))).toMatch(/loopback address 127\.0\.0\.2/);
    expect(await failure(policy.fetch(`http://news.example:${port}/go-meta`))).toMatch(/link-local address 169\.254\.169\.254/);
    expect(site.requestsFor('/secret')).toEqual([]);
  });
});

describe('urls that are not fetched', () => {
  it.each([
    ['ftp://files.example/a.html', /only http and https urls are, not ftp/],
    ['file:///etc/passwd', /only http and https urls are, not file/],
    ['javascript:alert(1)', /only http and https/],
    ['not a url at all', /not a url/],
    ['http://user:secret@news.example/a', /user name or password/],
    [`https://news.example/${'a'.repeat(3000)}`, /longer than 2048/],
  ])('%s', (url, reason) => {
    expect(() => checkUrl(url)).toThrow(reason);
  });
});

describe('fetching', () => {
  it('sends FETCH_USER_AGENT on every request, robots.txt included, and follows a few redirects', async () => {
    site.set('/a', { status: 301, headers: { location: '/b' } }).set('/b', { status: 302, headers: { location: site.url('/c') } }).html('/c', '<p>there</p>');
    const page = await fetcher().fetch(site.url('/a'));
    expect(page).toMatchObject({ url: site.url('/c'), status: 200, mediaType: 'text/html', charset: 'utf-8' });
    expect(page.body.toString()).toBe('<p>there</p>');
    expect(site.requests.map((r) => r.path)).toEqual(['/robots.txt', '/a', '/b', '/c']);
    expect(new Set(site.requests.map((r) => r.headers['user-agent']))).toEqual(new Set([UA]));
  });

  it('gives up on too many redirects and on a redirect loop', async () => {
    for (let i = 0; i < 8; i++) site.set(`/r${i}`, { status: 302, headers: { location: `/r${i + 1}` } });
    expect(await failure(fetcher().fetch(site.url('/r0')))).toBe('too many redirects (more than 5)');
    site.set('/x', { status: 302, headers: { location: '/y' } }).set('/y', { status: 307, headers: { location: '/x' } });
    expect(await failure(fetcher().fetch(site.url('/x')))).toMatch(/^a redirect loop/);
    site.set('/ftp', { status: 302, headers: { location: 'ftp://files.example/x' } });
    expect(await failure(fetcher().fetch(site.url('/ftp')))).toMatch(/redirect to ftp:.*only http and https/);
  });

  it('a page that never finishes gives up within the total time', async () => {
    site.set('/slow', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>start');
      // …and never ends.
    });
    const started = Date.now();
    expect(await failure(fetcher({ totalTimeoutMs: 400 }).fetch(site.url('/slow')))).toBe('gave up: no complete answer within 0.4 s');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a body past the limit instead of truncating it: declared, streamed, or compressed', async () => {
    const big = Buffer.alloc(3000, 'a');
    site.set('/declared', { headers: { 'content-type': 'text/html', 'content-length': String(big.length) }, body: big });
    site.set('/streamed', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) response.write(Buffer.alloc(500, 'b'));
      response.end();
    });
    site.set('/bomb', { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(100_000, 'c')) });
    const small = fetcher({ maxBytes: 2000 });
    expect(await failure(small.fetch(site.url('/declared')))).toMatch(/^refused: the response is .* over the limit/);
    expect(await failure(small.fetch(site.url('/streamed')))).toMatch(/^refused: the response is over the limit/);
    expect(await failure(small.fetch(site.url('/bomb')))).toMatch(/^refused: the response is over the limit/);
    site.set('/gzip', { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipSync('<p>small</p>') });
    expect((await small.fetch(site.url('/gzip'))).body.toString()).toBe('<p>small</p>');
  });

  it('names the HTTP status of a failure, and the unreachable host', async () => {
    site.set('/gone', { status: 410 });
    expect(await failure(fetcher().fetch(site.url('/gone')))).toBe('HTTP 410 (gone)');
    expect(await failure(fetcher().fetch(site.url('/nothing-here')))).toBe('HTTP 404 (not found)');
    const closed = await FakeNewsSite.start();
    const url = closed.url('/x');
    await closed.close();
    expect(await failure(fetcher().fetch(url))).toMatch(/connection was refused|robots\.txt could not be read/);
  });

  it('conditional GET: sends the ETag and Last-Modified it was given, and reports 304 as nothing new', async () => {
    site.set('/feed.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 18 Feb 2025 10:00:00 GMT' }).end('<rss/>');
    });
    const first = await fetcher().fetch(site.url('/feed.xml'));
    expect(first).toMatchObject({ status: 200, etag: '"v1"', lastModified: 'Tue, 18 Feb 2025 10:00:00 GMT' });
    const second = await fetcher().fetch(site.url('/feed.xml'), { etag: first.etag, lastModified: first.lastModified });
    expect(second.status).toBe(304);
    expect(site.requestsFor('/feed.xml')[1]?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Tue, 18 Feb 2025 10:00:00 GMT' });
  });

  it('honours a short Retry-After by waiting once, and leaves a host alone after a long one', async () => {
    let calls = 0;
    site.set('/busy', (_request, response) => {
      calls++;
      if (calls === 1) response.writeHead(429, { 'retry-after': '1' }).end();
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    });
    const client = fetcher({ maxRetryWaitMs: 2000 });
    expect((await client.fetch(site.url('/busy'))).status).toBe(200);
    const [first, second] = site.requestsFor('/busy');
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);

    site.set('/later', { status: 503, headers: { 'retry-after': '3600' } });
    expect(await failure(client.fetch(site.url('/later')))).toBe('HTTP 503 (unavailable)');
    const before = site.requests.length;
    expect(await failure(client.fetch(site.url('/busy')))).toMatch(/asked to be left alone for \d+ s more/);
    expect(site.requests.length).toBe(before);
  });

  it('one request at a time per host, with a pause between them', async () => {
    let inFlight = 0;
    let most = 0;
    site.set('/p', (_request, response) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        response.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>');
      }, 50);
    });
    const client = fetcher({ hostPauseMs: 100 });
    await Promise.all([1, 2, 3, 4].map(() => client.fetch(site.url('/p'))));
    expect(most).toBe(1);
    const times = site.requestsFor('/p').map((r) => r.at);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(140);
  });

  it('Retry-After reads seconds and HTTP dates', () => {
    expect(retryAfter('120', 1000)).toBe(121_000);
    expect(retryAfter('Wed, 21 Oct 2015 07:28:00 GMT', 0)).toBe(Date.parse('2015-10-21T07:28:00Z'));
    expect(retryAfter('soon')).toBeNull();
  });
});

describe('robots.txt', () => {
  it('is honoured for the agent\'s product token, read once per site', async () => {
    site.set('/robots.txt', { headers: { 'content-type': 'text/plain' }, body: 'User-agent: VerbatimTest\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n' });
    site.html('/news/a', '<p>a</p>').html('/news/b', '<p>b</p>').html('/private/c', '<p>c</p>');
    const client = fetcher();
    expect((await client.fetch(site.url('/news/a'))).status).toBe(200);
    expect((await client.fetch(site.url('/news/b'))).status).toBe(200);
    expect(await failure(client.fetch(site.url('/private/c')))).toBe("refused: the site's robots.txt does not allow VerbatimTest to fetch /private/c");
    expect(site.requestsFor('/robots.txt')).toHaveLength(1);
    expect(site.requestsFor('/private/c')).toHaveLength(0);
  });

  it('a missing robots.txt allows everything; one that fails with 5xx means not now', async () => {
    site.html('/a', '<p>a</p>');
    expect((await fetcher().fetch(site.url('/a'))).status).toBe(200);
    site.set('/robots.txt', { status: 500 });
    expect(await failure(fetcher().fetch(site.url('/a')))).toMatch(/robots\.txt could not be read \(HTTP 500\)/);
  });
});
