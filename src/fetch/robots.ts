import robotsParserModule from 'robots-parser';

// robots-parser's types describe an ES default export, but the package is CommonJS: Node gives
// its module.exports, the function itself, as the default import.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/**
 * robots.txt, read with robots-parser and kept per site (scheme, host and port) for an hour.
 * As RFC 9309 says: a robots.txt that is missing or forbidden (4xx) allows everything; one that
 * cannot be had (5xx, a timeout, a refused connection) means the site is not crawled for now.
 */

export interface RobotsVerdict {
  allowed: boolean;
  /** Why not, when not allowed. */
  reason?: string;
  /** The site's Crawl-delay for this agent, in ms, when it gives one. */
  crawlDelayMs?: number;
}

/** Fetches a robots.txt: its status and text, or throws when it cannot be had at all. */
export type RobotsFetch = (url: URL) => Promise<{ status: number; text: string }>;

type Robot = ReturnType<typeof robotsParser>;
type Rules = { robot: Robot | 'allow-all' | { unreachable: string }; expires: number };

const TTL_MS = 60 * 60 * 1000;
const MAX_SITES = 1000;
// RFC 9309 §2.4: a crawler may cap the file it reads; 500 KiB at least.
export const ROBOTS_MAX_BYTES = 512 * 1024;

export class RobotsRules {
  private readonly sites = new Map<string, Promise<Rules>>();

  /** `userAgent` is the whole User-Agent header; groups are matched on its product token. */
  constructor(private readonly fetchRobots: RobotsFetch, private readonly userAgent: string, private readonly now: () => number = Date.now) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const rules = await this.rulesFor(url);
    if (rules.robot === 'allow-all') return { allowed: true };
    if ('unreachable' in rules.robot) return { allowed: false, reason: `the site's robots.txt could not be read (${rules.robot.unreachable}), so it is not fetched for now` };
    const token = productToken(this.userAgent);
    const allowed = rules.robot.isAllowed(url.href, token) !== false;
    const delay = rules.robot.getCrawlDelay(token);
    return {
      allowed,
      ...(allowed ? {} : { reason: `the site's robots.txt does not allow ${token} to fetch ${url.pathname}` }),
      ...(delay && delay > 0 ? { crawlDelayMs: Math.round(delay * 1000) } : {}),
    };
  }

  private rulesFor(url: URL): Promise<Rules> {
    const site = url.origin;
    const cached = this.sites.get(site);
    if (cached) {
      // A settled entry past its time is read again; one still loading is shared.
      return cached.then((rules) => (rules.expires > this.now() ? rules : this.load(site)));
    }
    return this.load(site);
  }

  private load(site: string): Promise<Rules> {
    const robotsUrl = new URL('/robots.txt', site);
    const loading = this.fetchRobots(robotsUrl).then(
      ({ status, text }): Rules => {
        const expires = this.now() + TTL_MS;
        if (status >= 200 && status < 300) return { robot: robotsParser(robotsUrl.href, text), expires };
        if (status >= 400 && status < 500 && status !== 429) return { robot: 'allow-all', expires };
        // Unreachable is remembered briefly: the site may be back in a minute.
        return { robot: { unreachable: `HTTP ${status}` }, expires: this.now() + 60_000 };
      },
      (error: unknown): Rules => ({ robot: { unreachable: error instanceof Error ? error.message : String(error) }, expires: this.now() + 60_000 }),
    );
    this.sites.delete(site);
    this.sites.set(site, loading);
    // Oldest first: a bot that follows many sites keeps the rules of the latest ones.
    if (this.sites.size > MAX_SITES) this.sites.delete(this.sites.keys().next().value as string);
    return loading;
  }
}

/** "Verbatim/0.1.0 (+https://…)" → "Verbatim": the name robots.txt groups are written for. */
export function productToken(userAgent: string): string {
  return /^[A-Za-z0-9_-]+/.exec(userAgent.trim())?.[0] ?? '*';
}
