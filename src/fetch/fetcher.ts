import { FetchError, exchange, allowedAddresses, systemResolver, type Exchange, type ExchangeLimits, type Resolver } from './request.js';
import { HostQueue } from './hostQueue.js';
import { RobotsRules, ROBOTS_MAX_BYTES } from './robots.js';
import { charsetOf, mediaTypeOf } from './charset.js';
import { refusedAddress } from './addresses.js';

export { FetchError } from './request.js';

/**
 * The one way Verbatim reads the web: `npm run add`, `/add` and the feed follower all fetch
 * through a Fetcher. Each request, and each redirect hop again, is checked: http or https
 * only, no credentials in the url, the host's addresses public (unless allowPrivate), allowed
 * by the site's robots.txt; one request at a time per host with a pause between; a 429 or 503
 * with Retry-After waited out once when the wait is short, and remembered for the host.
 */

export interface FetcherOptions {
  userAgent: string;
  /** ALLOW_PRIVATE_URLS=1: loopback and private addresses may be fetched (tests, intranets). */
  allowPrivate?: boolean;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** The pause between two requests to one host. */
  hostPauseMs?: number;
  /** The longest Retry-After waited out; a longer one fails the fetch, and the host is left alone until then. */
  maxRetryWaitMs?: number;
  /** Hears of every request made (tests count them). */
  onRequest?: (url: URL) => void;
  resolve?: Resolver;
  /** Which addresses are refused (default: all but public unicast, see addresses.ts); tests give their own. */
  refuse?: (address: string) => string | null;
}

export interface FetchRequest {
  /** The Accept header. */
  accept?: string;
  /** A conditional GET: the ETag and Last-Modified of the last copy. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface Fetched {
  /** The url that answered, after redirects. */
  url: string;
  /** 304 when a conditional GET found nothing new (body empty). */
  status: 200 | 304;
  mediaType: string | null;
  charset: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export const DEFAULTS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  hostPauseMs: 500,
  maxRetryWaitMs: 10_000,
};
// The longest URL taken: longer ones are not pages a person shares.
const MAX_URL_LENGTH = 2048;
// A Crawl-delay past this is capped: it would stop a feed from being read at all.
const MAX_CRAWL_DELAY_MS = 30_000;

export class Fetcher {
  private readonly hosts: HostQueue;
  private readonly robots: RobotsRules;
  private readonly limits: ExchangeLimits;
  private readonly settings: typeof DEFAULTS;

  constructor(private readonly options: FetcherOptions) {
    this.settings = { ...DEFAULTS, ...definedOnly(options) };
    this.hosts = new HostQueue(this.settings.hostPauseMs);
    this.limits = {
      connectTimeoutMs: this.settings.connectTimeoutMs,
      totalTimeoutMs: this.settings.totalTimeoutMs,
      maxBytes: this.settings.maxBytes,
      allowPrivate: options.allowPrivate ?? false,
      resolve: options.resolve ?? systemResolver,
      refuse: options.refuse ?? refusedAddress,
    };
    this.robots = new RobotsRules((url) => this.fetchRobots(url), options.userAgent);
  }

  /** GETs `url`, following redirects; throws FetchError with the reason on any failure. */
  async fetch(url: string, request: FetchRequest = {}): Promise<Fetched> {
    let current = checkUrl(url);
    const seen = new Set<string>([current.href]);
    for (let hop = 0; ; hop++) {
      const answer = await this.politeGet(current, request, true);
      if (isRedirect(answer.status)) {
        const next = redirectTarget(current, answer);
        if (seen.has(next.href)) throw new FetchError(`a redirect loop (back to ${next.href})`);
        if (hop + 1 > this.settings.maxRedirects) throw new FetchError(`too many redirects (more than ${this.settings.maxRedirects})`);
        seen.add(next.href);
        current = next;
        continue;
      }
      if (answer.status === 304) return fetched(current, 304, answer);
      if (answer.status < 200 || answer.status >= 300) throw new FetchError(`HTTP ${answer.status}${statusWords(answer.status)}`, answer.status >= 500 || answer.status === 429);
      return fetched(current, 200, answer);
    }
  }

  /** One GET of one url, after the address and robots checks, in its host's turn; a short Retry-After is waited out once. */
  private async politeGet(url: URL, request: FetchRequest, checkRobots: boolean): Promise<Exchange> {
    // Refused names are refused before anything is sent, robots.txt included.
    await allowedAddresses(url, this.limits);
    if (checkRobots) {
      const verdict = await this.robots.check(url);
      if (!verdict.allowed) throw new FetchError(`refused: ${verdict.reason ?? 'not allowed by robots.txt'}`);
      if (verdict.crawlDelayMs) this.hosts.setPause(url.host, Math.min(verdict.crawlDelayMs, MAX_CRAWL_DELAY_MS));
    }
    for (let attempt = 0; ; attempt++) {
      this.refuseIfResting(url);
      const answer = await this.hosts.run(url.host, () => {
        this.options.onRequest?.(url);
        return exchange(url, this.headers(request), this.limits);
      });
      const retryAt = (answer.status === 429 || answer.status === 503) ? retryAfter(answer.headers['retry-after']) : null;
      if (retryAt === null) return answer;
      this.hosts.retryAfter(url.host, retryAt);
      if (attempt > 0 || retryAt - Date.now() > this.settings.maxRetryWaitMs) return answer;
    }
  }

  private refuseIfResting(url: URL): void {
    const until = this.hosts.notBefore(url.host);
    const wait = until - Date.now();
    if (wait > this.settings.maxRetryWaitMs) {
      throw new FetchError(`${url.host} asked to be left alone for ${Math.ceil(wait / 1000)} s more (Retry-After)`, true);
    }
  }

  private headers(request: FetchRequest): Record<string, string> {
    return {
      'user-agent': this.options.userAgent,
      accept: request.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
      ...(request.etag ? { 'if-none-match': request.etag } : {}),
      ...(request.lastModified ? { 'if-modified-since': request.lastModified } : {}),
    };
  }

  /** robots.txt itself: same guards, a few redirects (RFC 9309 asks for at least five), a smaller size cap. */
  private async fetchRobots(url: URL): Promise<{ status: number; text: string }> {
    let current = url;
    for (let hop = 0; hop <= this.settings.maxRedirects; hop++) {
      const answer = await this.politeGet(current, { accept: 'text/plain' }, false);
      if (!isRedirect(answer.status)) {
        return { status: answer.status, text: answer.body.subarray(0, ROBOTS_MAX_BYTES).toString('utf8') };
      }
      current = redirectTarget(current, answer);
    }
    throw new FetchError('too many redirects');
  }
}

/** `raw` as a URL that may be fetched, or a FetchError saying why not. */
export function checkUrl(raw: string): URL {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH) throw new FetchError(`not fetched: the url is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('not a url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`not fetched: only http and https urls are, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new FetchError('not fetched: the url carries a user name or password');
  if (!url.hostname) throw new FetchError('not a url: no host');
  url.hash = '';
  return url;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function redirectTarget(from: URL, answer: Exchange): URL {
  const location = answer.headers.location;
  if (!location) throw new FetchError(`HTTP ${answer.status}: a redirect without a Location`);
  let next: string;
  try {
    next = new URL(location, from).href;
  } catch {
    throw new FetchError(`a redirect to something that is not a url (${location.slice(0, 100)})`);
  }
  try {
    return checkUrl(next);
  } catch (error) {
    throw new FetchError(`a redirect to ${next.slice(0, 200)}: ${(error as Error).message}`);
  }
}

/** Retry-After as an epoch ms time: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

function fetched(url: URL, status: 200 | 304, answer: Exchange): Fetched {
  const contentType = header(answer.headers['content-type']);
  return {
    url: url.href,
    status,
    mediaType: mediaTypeOf(contentType),
    charset: charsetOf(contentType),
    body: answer.body,
    etag: header(answer.headers.etag),
    lastModified: header(answer.headers['last-modified']),
  };
}

function header(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : null;
}

function statusWords(status: number): string {
  const words: Record<number, string> = { 401: ' (sign-in required)', 403: ' (forbidden)', 404: ' (not found)', 410: ' (gone)', 429: ' (too many requests)', 451: ' (unavailable for legal reasons)', 500: ' (server error)', 502: ' (bad gateway)', 503: ' (unavailable)', 504: ' (gateway timeout)' };
  return words[status] ?? '';
}

function definedOnly(options: FetcherOptions): Partial<typeof DEFAULTS> {
  const keys = Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[];
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
}

/** The fetcher the configuration asks for (FETCH_USER_AGENT, ALLOW_PRIVATE_URLS). */
export function fetcherFor(config: { userAgent: string; allowPrivateUrls: boolean }, options: Partial<FetcherOptions> = {}): Fetcher {
  return new Fetcher({ userAgent: config.userAgent, allowPrivate: config.allowPrivateUrls, ...options });
}
