import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake news site on loopback for the fetching and feed tests: pages, feeds and robots.txt
 * served as each test sets them, with the misbehaviour of real sites on demand (redirects,
 * slow or endless bodies, huge ones, 429 with Retry-After, ETags). It records every request.
 */

export interface Page {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering at all. */
  delayMs?: number;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export class FakeNewsSite {
  readonly requests: SeenRequest[] = [];
  private readonly routes = new Map<string, Page | Handler>();
  private readonly open = new Set<ServerResponse>();

  private constructor(private readonly server: Server, readonly origin: string) {}

  static async start(host = '127.0.0.1'): Promise<FakeNewsSite> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    const site = new FakeNewsSite(server, `http://${host}:${port}`);
    server.on('request', (request, response) => site.answer(request, response));
    return site;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Serves `page` (or runs `handler`) at `path` (the path and query, as requested). */
  set(path: string, page: Page | Handler): this {
    this.routes.set(path, page);
    return this;
  }

  /** An HTML page. */
  html(path: string, html: string, headers: Record<string, string> = {}): this {
    return this.set(path, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: html });
  }

  /** Serves what `from` serves at `to` as well (a wire copy, a syndicated page). */
  copy(from: string, to: string): this {
    const route = this.routes.get(from);
    if (!route) throw new Error(`nothing at ${from}`);
    return this.set(to, route);
  }

  requestsFor(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    for (const response of this.open) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push({ path, headers: request.headers, at: Date.now() });
    this.open.add(response);
    response.on('close', () => this.open.delete(response));
    const route = this.routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      route(request, response);
      return;
    }
    const send = () => {
      if (response.destroyed) return;
      response.writeHead(route.status ?? 200, route.headers ?? {});
      response.end(route.body ?? '');
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  }
}

/** A hand-written news page in the shape real ones have: JSON-LD, meta tags, chrome around the story. */
export function newsPage(article: { title: string; outlet: string; published?: string; canonical?: string; paragraphs: string[]; charset?: string }): string {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: article.title, datePublished: article.published, publisher: { '@type': 'Organization', name: article.outlet } };
  return `<!doctype html><html><head>${article.charset ? `<meta charset="${article.charset}">` : ''}<title>${article.title} | ${article.outlet}</title>
${article.canonical ? `<link rel="canonical" href="${article.canonical}">` : ''}
<meta property="og:type" content="article"><script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${article.title}</h1>${article.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© ${article.outlet}. All rights reserved.</footer></body></html>`;
}

export interface FakeItem {
  title: string;
  link: string;
  summary?: string;
  published?: string;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed of these items, newest first as real feeds list them. */
export function rssFeed(title: string, items: FakeItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${xml(title)}</title><link>https://fake.example/</link><description>news</description>
${items.map((i) => `<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link>${i.summary ? `<description>${xml(i.summary)}</description>` : ''}${i.published ? `<pubDate>${new Date(i.published).toUTCString()}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

/** An Atom feed of these items. */
export function atomFeed(title: string, items: FakeItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(title)}</title><id>urn:fake:feed</id><updated>2025-03-05T00:00:00Z</updated>
${items.map((i, n) => `<entry><title>${xml(i.title)}</title><id>urn:fake:${n}</id><link rel="alternate" href="${xml(i.link)}"/>${i.summary ? `<summary>${xml(i.summary)}</summary>` : ''}<updated>${i.published ?? '2025-03-05T00:00:00Z'}</updated></entry>`).join('\n')}
</feed>`;
}

/** A Google News sitemap of these items. */
export function newsSitemap(outlet: string, items: FakeItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${items.map((i) => `<url><loc>${xml(i.link)}</loc><news:news><news:publication><news:name>${xml(outlet)}</news:name><news:language>en</news:language></news:publication><news:publication_date>${i.published ?? '2025-03-05'}</news:publication_date><news:title>${xml(i.title)}</news:title></news:news></url>`).join('\n')}
</urlset>`;
}
