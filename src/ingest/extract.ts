import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { count } from '../text/count.js';

/** An article taken from a saved web page, ready to be written in the corpus format. */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  /** ISO 8601 date (YYYY-MM-DD), or null when the page gives none. */
  published: string | null;
  outlet: string | null;
  url: string | null;
  paragraphs: string[];
}

/** Why a page is not taken: shown to the person running `npm run add`. */
export class NotAnArticle extends Error {}

// Below these, a page is a stub, a list or an index, not a news article.
const MIN_PARAGRAPHS = 3;
const MIN_TEXT_CHARS = 600;
const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle', 'blogposting', 'report']);
const PAYWALL_WORDS = /\b(subscribe (now )?to (continue|keep) reading|subscribers only|already a subscriber|to read the full (article|story)|this (article|content) is for subscribers|sign in to continue reading)\b/i;

/**
 * Extracts a news article from a saved page with Readability (Firefox's reader view) over a
 * linkedom document. Metadata comes from JSON-LD first, then meta tags, then Readability's own
 * guesses; paragraphs are the text of the article's <p> elements, whitespace collapsed as a
 * browser shows it and nothing else changed. Throws NotAnArticle for a paywall stub or a page
 * that is not an article.
 */
export function extractArticle(html: string): ExtractedArticle {
  const meta = pageMetadata(parseHTML(html).document);
  const page = parseHTML(html).document;
  if (meta.accessibleForFree === false && !hasEnoughText(page)) {
    throw new NotAnArticle('a paywall stub: the page marks the article as for subscribers and holds only its opening; save it while signed in');
  }
  if (PAYWALL_WORDS.test(visibleText(page)) && !hasEnoughText(page)) {
    throw new NotAnArticle('a paywall stub: the page asks to subscribe and holds only the opening of the article; save it while signed in');
  }
  if (!meta.isArticle && !isProbablyReaderable(page as unknown as Document)) {
    throw new NotAnArticle('not a news article: no article markup and no body of text (is it a home page, a list or a search page?)');
  }
  const parsed = new Readability(page as unknown as Document).parse();
  const byline = clean(meta.author ?? parsed?.byline ?? '') || null;
  const paragraphs = (parsed?.content ? paragraphsOf(parsed.content) : []).filter((p) => !isBylineLine(p, byline));
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (paragraphs.length < MIN_PARAGRAPHS || chars < MIN_TEXT_CHARS) {
    throw new NotAnArticle(`not a news article: only ${count(paragraphs.length, 'paragraph')} (${chars} characters) of text found`);
  }
  const title = clean(meta.title ?? parsed?.title ?? '');
  if (!title) throw new NotAnArticle('no title found in the page');
  return {
    title,
    byline,
    published: isoDate(meta.published ?? parsed?.publishedTime ?? null),
    outlet: clean(meta.outlet ?? parsed?.siteName ?? '') || null,
    url: meta.url,
    paragraphs,
  };
}

interface PageMetadata {
  title: string | null;
  author: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  isArticle: boolean;
  accessibleForFree: boolean | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];

/** Metadata from JSON-LD (the article object, wherever it sits) and from meta and link tags. */
function pageMetadata(document: Doc): PageMetadata {
  const ld = jsonLdArticle(document);
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = element?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return null;
  };
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null;
  const ogType = metaContent('og:type');
  return {
    // Not the <title> tag: it usually ends in the site's name; Readability's title trims that.
    title: text(ld?.headline) ?? metaContent('og:title', 'twitter:title'),
    author: authorName(ld?.author) ?? metaContent('author', 'article:author', 'byl'),
    published: text(ld?.datePublished) ?? metaContent('article:published_time', 'datePublished', 'pubdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued') ?? time,
    outlet: text((ld?.publisher as { name?: unknown } | undefined)?.name) ?? metaContent('og:site_name', 'application-name'),
    url: httpUrl(canonical) ?? httpUrl(metaContent('og:url')) ?? httpUrl(text(ld?.url) ?? text((ld?.mainEntityOfPage as { '@id'?: unknown } | undefined)?.['@id']) ?? text(ld?.mainEntityOfPage)),
    isArticle: ld !== null || ogType === 'article',
    accessibleForFree: ld ? freeness(ld.isAccessibleForFree) : null,
  };
}

/** The first JSON-LD object typed as an article, in any script, array or @graph. */
function jsonLdArticle(document: Doc): Record<string, unknown> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = findArticle(data);
    if (found) return found;
  }
  return null;
}

function findArticle(data: unknown): Record<string, unknown> | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item);
      if (found) return found;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const object = data as Record<string, unknown>;
  const types = [object['@type']].flat().map((t) => String(t).toLowerCase());
  if (types.some((t) => ARTICLE_TYPES.has(t))) return object;
  return findArticle(object['@graph']);
}

function authorName(author: unknown): string | null {
  const names = [author].flat().map((a) => (typeof a === 'string' ? a : text((a as { name?: unknown } | null)?.name))).filter((n): n is string => !!n);
  return names.length > 0 ? names.join(', ') : null;
}

function freeness(value: unknown): boolean | null {
  if (value === false || String(value).toLowerCase() === 'false') return false;
  if (value === true || String(value).toLowerCase() === 'true') return true;
  return null;
}

/** The text of each paragraph of Readability's article HTML, in order. */
function paragraphsOf(content: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  return [...document.querySelectorAll('p')].map((p) => clean(p.textContent ?? '')).filter((p) => p.length > 0);
}

/** "By Petra Lindqvist, Port Aster": the byline, not the article's own text. */
function isBylineLine(paragraph: string, byline: string | null): boolean {
  if (paragraph.length > 120 || !/^by\s/i.test(paragraph)) return false;
  return byline === null || byline.split(/,\s*/).some((name) => paragraph.includes(name));
}

function hasEnoughText(document: Doc): boolean {
  const paragraphs = [...document.querySelectorAll('p')].map((p) => clean(p.textContent ?? '')).filter((p) => p.length > 40);
  return paragraphs.length >= MIN_PARAGRAPHS * 2 && paragraphs.reduce((n, p) => n + p.length, 0) >= MIN_TEXT_CHARS * 2;
}

function visibleText(document: Doc): string {
  return clean(document.body?.textContent ?? '');
}

/** Whitespace as a browser renders it: runs collapsed to one space, none at the ends. */
function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? clean(value) : null;
}

function httpUrl(value: string | null): string | null {
  return value && /^https?:\/\//i.test(value) ? value : null;
}

/** The date part of an ISO 8601 date or date-time (or of a date JavaScript can read), else null. */
export function isoDate(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (iso) return iso[1] ?? null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}
