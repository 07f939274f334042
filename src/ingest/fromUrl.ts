import type { ArticleMeta } from '../corpus/types.js';
import { decodeHtml } from '../fetch/charset.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { withoutTracking } from './duplicates.js';
import { extractArticle, NotAnArticle } from './extract.js';

/** A news page read from the web, ready to be written into the corpus. */
export interface FetchedArticle {
  meta: ArticleMeta;
  body: string;
  /** When it was fetched, ISO 8601 in UTC to the second. */
  fetched: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

/**
 * Fetches a page and extracts its article as a saved page is extracted. The url written into
 * the corpus is the page's canonical url when it gives one, else the url that answered after
 * redirects, without tracking parameters either way. Throws FetchError (the page could not be
 * had) or NotAnArticle (it was had, but is no article: not HTML, empty, a paywall stub, a list).
 */
export async function fetchArticle(fetcher: Fetcher, url: string, now: () => Date = () => new Date()): Promise<FetchedArticle> {
  const page = await fetcher.fetch(url, { accept: ACCEPT_HTML });
  if (page.body.length === 0) throw new NotAnArticle('the page is empty');
  if (!isHtml(page.mediaType, page.body)) throw new NotAnArticle(`not an HTML page (${page.mediaType ?? 'no content type'})`);
  const { text } = decodeHtml(page.body, page.charset);
  const article = extractArticle(text, { url: page.url });
  const canonical = (article.url && withoutTracking(new URL(article.url, page.url).href)) || withoutTracking(page.url);
  return {
    meta: { title: article.title, outlet: article.outlet, url: canonical, published: article.published, author: article.byline },
    body: article.paragraphs.join('\n\n'),
    fetched: now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** HTML by its declared type; a page served without a type is HTML when it looks like markup. */
function isHtml(mediaType: string | null, body: Buffer): boolean {
  if (mediaType) return HTML_TYPES.has(mediaType);
  const start = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || /<(head|body|p)[\s>]/.test(start);
}
