import { Readability } from '@mozilla/readability';
import { parseHTML } from './dom.js';
import { count } from '../text/count.js';
import { articleBlocks, clean, isProse, letterCount, type Block } from './blocks.js';
import { withoutChrome } from './chrome.js';

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

/** What extractArticle may know besides the page: its own address, to resolve a relative canonical link. */
export interface ExtractOptions {
  url?: string;
}

// A paywall stub holds only an opening: fewer paragraphs of real length than this.
const PAYWALL_MIN_PARAGRAPHS = 6;
const PAYWALL_MIN_CHARS = 1200;
const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle', 'blogposting', 'report']);
const PAYWALL_WORDS = /\b(subscribe (now )?to (continue|keep) reading|subscribers only|already a subscriber|to read the full (article|story)|this (article|content) is for subscribers|sign in to continue reading)\b/i;

/**
 * Extracts a news article from a saved page with Readability (Firefox's reader view) over a
 * linkedom document. Metadata comes from JSON-LD first, then meta tags, then Readability's own
 * guesses; paragraphs are the text blocks of the article Readability finds (paragraphs,
 * headings, list items, quotations, cells), in order, whitespace collapsed as a browser shows it
 * and nothing else changed. Throws NotAnArticle for a paywall stub or a page that is not an
 * article (a front, a list, search results): a short article is still an article.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const meta = pageMetadata(parseHTML(html).document, options.url ?? null);
  const page = parseHTML(html).document;
  if (meta.accessibleForFree === false && !hasEnoughText(page)) {
    throw new NotAnArticle('a paywall stub: the page marks the article as for subscribers and holds only its opening; save it while signed in');
  }
  if (PAYWALL_WORDS.test(visibleText(page)) && !hasEnoughText(page)) {
    throw new NotAnArticle('a paywall stub: the page asks to subscribe and holds only the opening of the article; save it while signed in');
  }
  if (meta.listType && !meta.isArticle) {
    throw new NotAnArticle(`not a news article: the page calls itself a ${meta.listType} (is it a home page, a section front or search results?)`);
  }
  const parsed = new Readability(page as unknown as Document, { keepClasses: true }).parse();
  const title = clean(meta.title ?? parsed?.title ?? '');
  // Readability's guess is the line as printed ("By Hanne Ostrava"); the name is what the corpus keeps.
  const byline = clean(meta.author ?? parsed?.byline ?? '').replace(/^by\s+/i, '') || null;
  const blocks = parsed?.content ? articleBlocks(parsed.content) : [];
  const refusal = notAnArticle(blocks);
  if (refusal) throw new NotAnArticle(`not a news article: ${refusal}`);
  if (!title) throw new NotAnArticle('no title found in the page');
  return {
    title,
    byline,
    published: isoDate(meta.published ?? parsed?.publishedTime ?? null),
    outlet: clean(meta.outlet ?? parsed?.siteName ?? '') || null,
    url: meta.url,
    paragraphs: withoutChrome(blocks, title, byline).map((b) => b.text),
  };
}

interface PageMetadata {
  title: string | null;
  author: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  isArticle: boolean;
  /** The schema.org type of a page of many items (CollectionPage, SearchResultsPage, ItemList), if it says so. */
  listType: string | null;
  accessibleForFree: boolean | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];

/** Metadata from JSON-LD (the article object, wherever it sits) and from meta and link tags. */
function pageMetadata(document: Doc, pageUrl: string | null): PageMetadata {
  const ld = jsonLdArticle(document);
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = element?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return null;
  };
  const canonical = resolved(document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null, pageUrl);
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
    listType: jsonLdListType(document),
    accessibleForFree: ld ? freeness(ld.isAccessibleForFree) : null,
  };
}

/** The parsed JSON of every JSON-LD script of the page (those that parse). */
function jsonLd(document: Doc): unknown[] {
  const found: unknown[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      found.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken script says nothing about the page.
    }
  }
  return found;
}

/** The first JSON-LD object typed as an article, in any script, array or @graph. */
function jsonLdArticle(document: Doc): Record<string, unknown> | null {
  for (const data of jsonLd(document)) {
    const found = findTyped(data, ARTICLE_TYPES);
    if (found) return found;
  }
  return null;
}

// Pages that are many items by their own account. Not WebSite or WebPage: articles carry those too.
const LIST_TYPES = new Set(['collectionpage', 'searchresultspage', 'itemlist']);

function jsonLdListType(document: Doc): string | null {
  for (const data of jsonLd(document)) {
    const found = findTyped(data, LIST_TYPES);
    if (found) return String([found['@type']].flat().find((t) => LIST_TYPES.has(String(t).toLowerCase())));
  }
  return null;
}

function findTyped(data: unknown, wanted: Set<string>): Record<string, unknown> | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findTyped(item, wanted);
      if (found) return found;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const object = data as Record<string, unknown>;
  const types = [object['@type']].flat().map((t) => String(t).toLowerCase());
  if (types.some((t) => wanted.has(t))) return object;
  return findTyped(object['@graph'], wanted);
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

// A block that is mostly one link to another page: a headline in a list of stories or of search results.
const HEADLINE_LINK_SHARE = 0.6;
const MIN_STORY_LINKS = 4;
const MIN_TEASERS = 2;
const MAX_LINK_SHARE = 0.5;
// About three words of English: a headline, not "More" or "Sport".
const MIN_HEADLINE_LETTERS = 12;
// Headlines and teasers are short: a line, and a sentence or two (a long paragraph is the story's).
const MAX_HEADLINE_CHARS = 200;
const MAX_TEASER_CHARS = 400;

/**
 * Why the article's blocks are not an article, or null. Not length: a two-paragraph brief is an
 * article. A list of links, a front of headlines or search results, or text without a sentence is not.
 */
function notAnArticle(blocks: Block[]): string | null {
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  if (chars === 0) return 'no text found (is it a home page, a list or a search page?)';
  const linkChars = blocks.reduce((n, b) => n + b.linkText.length, 0);
  const kinds = blocks.map(kindOf);
  const prose = kinds.filter((k) => k === 'prose').length;
  if (prose === 0) return 'no sentences of text found (is it a home page, a list or a search page?)';
  if (linkChars > chars * MAX_LINK_SHARE) return `most of its text is links (${Math.round((100 * linkChars) / chars)}%): a list or a front page`;
  const headlines = new Set(blocks.filter((_, i) => kinds[i] === 'headline').flatMap((b) => b.links));
  const teasers = teasersAfterHeadlines(blocks, kinds);
  const proseChars = blocks.reduce((n, b, i) => n + (kinds[i] === 'prose' ? b.text.length : 0), 0);
  const teaserChars = teasers.reduce((n, b) => n + b.text.length, 0);
  // Search results and fronts alternate a headline link with its short teaser, and the teasers are
  // most of the page's text; an article's paragraphs follow each other, whatever it links to.
  if (headlines.size >= MIN_STORY_LINKS && teasers.length >= MIN_TEASERS && teasers.length * 2 >= prose && teaserChars * 2 >= proseChars) {
    return `${count(headlines.size, 'headline link')} to other pages, each with a line of text: a list of stories or search results`;
  }
  return null;
}

type Kind = 'prose' | 'headline' | 'other';

function kindOf(block: Block): Kind {
  const linked = block.links.length > 0 && block.linkText.length >= block.text.length * HEADLINE_LINK_SHARE;
  if (linked) return isHeadline(block) ? 'headline' : 'other';
  return isProse(block) ? 'prose' : 'other';
}

/** A headline is a line: a linked paragraph of several sentences is the story's own text. */
function isHeadline(block: Block): boolean {
  return letterCount(block.linkText) >= MIN_HEADLINE_LETTERS && block.text.length <= MAX_HEADLINE_CHARS && !/:\/\/|^www\./i.test(block.linkText);
}

/** The short prose blocks straight after a headline link (with only short lines, such as a date, between). */
function teasersAfterHeadlines(blocks: Block[], kinds: Kind[]): Block[] {
  let previous: Kind = 'other';
  const teasers: Block[] = [];
  kinds.forEach((kind, i) => {
    if (kind === 'other') return;
    const block = blocks[i]!;
    if (kind === 'prose' && previous === 'headline' && block.text.length <= MAX_TEASER_CHARS) teasers.push(block);
    previous = kind;
  });
  return teasers;
}

function hasEnoughText(document: Doc): boolean {
  const paragraphs = [...document.querySelectorAll('p')].map((p) => clean(p.textContent ?? '')).filter((p) => p.length > 40);
  return paragraphs.length >= PAYWALL_MIN_PARAGRAPHS && paragraphs.reduce((n, p) => n + p.length, 0) >= PAYWALL_MIN_CHARS;
}

function visibleText(document: Doc): string {
  return clean(document.body?.textContent ?? '');
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? clean(value) : null;
}

/** A link's address made absolute against the page's own, when there is one. */
function resolved(href: string | null, base: string | null): string | null {
  if (!href || !base) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
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
