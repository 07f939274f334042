// Turns the text of a fetched feed into the items it lists: RSS 2.0, Atom and RDF through
// @rowanmanning/feed-parser, news and plain sitemaps and sitemap indexes through fast-xml-parser.
// No network and no state: the caller fetches, this module reads. What it returns is bounded and
// clean enough to match against (plain text, absolute http(s) links, ISO dates or null), and one
// bad item is dropped rather than failing the feed.
import { parseFeed as parseSyndication } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface FeedItem {
  /** Absolute http(s) url of the article. */
  url: string;
  title: string | null;
  /** Plain text: HTML tags removed, entities decoded, whitespace collapsed. */
  summary: string | null;
  categories: string[];
  /** ISO 8601, or null when the feed gives no date or one that cannot be true. */
  published: string | null;
  /** The feed's own id for the item (RSS guid, Atom id), when it gives one. */
  id: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf' | 'sitemap' | 'sitemap-index';
  title: string | null;
  items: FeedItem[];
  /** For a sitemap index: the absolute http(s) urls of the sitemaps it lists. */
  sitemaps: string[];
}

/** The text is not a feed or a sitemap at all; the message says what it is instead. */
export class FeedFormatError extends Error {
  override name = 'FeedFormatError';
}

/** Items (or child sitemaps) kept from one feed: the first ones with a usable link, as feeds list newest first. */
export const MAX_ITEMS = 1000;
// A summary is for matching, not for reading; a whole article pasted into one is cut here.
const MAX_SUMMARY_CHARS = 4000;
const MAX_TITLE_CHARS = 500;
// Dates before the web or more than two days ahead (time zones, clock skew) are lies.
const EARLIEST_DATE_MS = Date.UTC(1990, 0, 1);
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;

type Kind = ParsedFeed['kind'];
type LibraryFeed = ReturnType<typeof parseSyndication>;
type LibraryItem = LibraryFeed['items'][number];
type LibraryElement = LibraryItem['element'];

/**
 * Parses a feed or sitemap fetched from `feedUrl` (used to resolve relative links). Throws
 * FeedFormatError when the text is not one: empty, JSON, an HTML page, broken or cut-off XML.
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const root = rootElement(text);
  const kind = kindOf(root.name);
  if (!kind) throw new FeedFormatError(notAFeed(root.name));
  const unclosed = root.selfClosing ? null : unclosedRoot(text, root.name);
  if (unclosed) throw new FeedFormatError(unclosed);
  const broken = structuralError(text);
  if (broken) throw new FeedFormatError(`the XML is broken: ${broken}`);
  if (kind === 'sitemap' || kind === 'sitemap-index') return parseSitemap(text, kind, feedUrl);
  return parseSyndicationFeed(text, kind, feedUrl);
}

// ---- What the text is ----

/** The name of the document's first element, after any BOM, declaration, comments and doctype. */
function rootElement(text: string): { name: string; selfClosing: boolean } {
  const prolog = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>/iy;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (prolog.lastIndex = at; prolog.exec(text); prolog.lastIndex = at) at = prolog.lastIndex;
  const rest = text.slice(at, at + 200);
  if (!rest) throw new FeedFormatError(text.trim() ? 'the XML has no root element' : 'the text is empty');
  if (/^[{[]/.test(rest)) throw new FeedFormatError('the text is JSON, not XML (JSON Feed is not supported)');
  const start = /^<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(text.slice(at, at + 10_000));
  if (!start) {
    if (rest.startsWith('<')) throw new FeedFormatError('the XML is broken: no readable first element');
    throw new FeedFormatError(`the text is not XML (it starts "${rest.slice(0, 40).replace(/\s+/g, ' ')}")`);
  }
  return { name: start[1] ?? '', selfClosing: start[2] === '/' };
}

function kindOf(rootName: string): Kind | null {
  const local = rootName.toLowerCase().replace(/^.*:/, '');
  if (local === 'rss') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'rdf') return 'rdf';
  if (local === 'urlset') return 'sitemap';
  if (local === 'sitemapindex') return 'sitemap-index';
  return null;
}

function notAFeed(rootName: string): string {
  if (rootName.toLowerCase() === 'html') return 'the text is an HTML page, not a feed';
  return `the XML is not a feed or a sitemap (its root element is <${rootName}>)`;
}

/**
 * Why the root element's closing tag does not end the document, or null when it does (comments
 * and space may follow). fast-xml-parser accepts a document that stops between two tags, and the
 * last item would then be half an item: a cut-off download is reported, not read.
 */
function unclosedRoot(text: string, rootName: string): string | null {
  const close = text.lastIndexOf(`</${rootName}`);
  if (close < 0) return `the XML ends before its <${rootName}> element is closed (truncated?)`;
  if (/^<\/[^>]*>(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/.test(text.slice(close))) return null;
  return `the XML goes on after its closing </${rootName}>`;
}

/**
 * What breaks the document's element structure, with where, or null. Both parsers would read a
 * mis-nested document without complaint and silently drop the items after the break; that is
 * reported instead. The mistakes real feeds are full of and that lose nothing (a bare "&", a
 * repeated or unquoted attribute) are let through, as the library means to be lenient.
 */
function structuralError(text: string): string | null {
  const escaped = text.replace(/&(?!#\d+;|#x[0-9a-f]+;|[a-z][\w.-]*;)/gi, '&amp;');
  const result = XMLValidator.validate(escaped);
  if (result === true) return null;
  const { code, msg, line, col } = result.err;
  if (code !== 'InvalidTag' && code !== 'InvalidXml') return null;
  return `${msg.replace(/\.$/, '')} (line ${line}, column ${col})`;
}

// ---- RSS, Atom and RDF ----

function parseSyndicationFeed(text: string, kind: Kind, feedUrl: string): ParsedFeed {
  let feed: LibraryFeed;
  let found: LibraryItem[];
  try {
    feed = parseSyndication(text);
    found = feed.items;
  } catch (error) {
    // The library throws its own InvalidFeedError (e.g. RSS without a <channel>), and lets
    // fast-xml-parser's errors through for XML it cannot read at all.
    throw new FeedFormatError(`the ${kind.toUpperCase()} feed cannot be read: ${(error as Error).message}`);
  }
  // The base for RSS items' relative links, found once.
  const base = kind === 'atom' ? feedUrl : (absoluteUrl(siteLink(feed), feedUrl) ?? feedUrl);
  const items: FeedItem[] = [];
  for (const item of found) {
    if (items.length >= MAX_ITEMS) break;
    const read = readItemSafely(item, kind, base);
    if (read) items.push(read);
  }
  return { kind, title: feedTitle(feed), items, sitemaps: [] };
}

function siteLink(feed: LibraryFeed): string | null {
  try {
    return feed.url;
  } catch {
    return null;
  }
}

function feedTitle(feed: LibraryFeed): string | null {
  try {
    return cleanText(feed.title, MAX_TITLE_CHARS);
  } catch {
    return null;
  }
}

/**
 * One item, or null when it has no usable link or the library throws on it. `base` is the url
 * relative links are resolved against: the feed's for Atom, the site's for RSS and RDF.
 */
function readItemSafely(item: LibraryItem, kind: Kind, base: string): FeedItem | null {
  try {
    return readItem(item, kind, base);
  } catch {
    return null;
  }
}

function readItem(item: LibraryItem, kind: Kind, base: string): FeedItem | null {
  const url = kind === 'atom' ? atomLink(item.element, base) : rssLink(item.element, base);
  if (!url) return null;
  return {
    url,
    title: cleanText(item.title, MAX_TITLE_CHARS),
    summary: cleanText(item.description ?? item.content, MAX_SUMMARY_CHARS),
    categories: ownCategories(item),
    // Many Atom feeds give only <updated>; it is the best date they have.
    published: isoDate(item.published ?? item.updated),
    // RDF items carry their identity in rdf:about, which the library does not read.
    id: item.id?.trim() || (kind === 'rdf' ? item.element.getAttribute('rdf:about')?.trim() : null) || null,
  };
}

/**
 * An RSS or RDF item's link. A relative one is resolved, as the library and most readers do,
 * against the channel's <link> (the site), else the feed's url. Without a <link>, a permalink guid
 * (isPermaLink is true unless it says "false") is the article's url, as RSS 2.0 defines it.
 * Read here rather than through the library's item.url, which looks up the channel's link again
 * for every item: quadratic in the number of items.
 */
function rssLink(element: LibraryElement, siteUrl: string): string | null {
  const text = element.findElementsWithName('link').map((link) => link.textContent.trim()).find(Boolean);
  const base = absoluteUrl(element.baseUrl, siteUrl) ?? siteUrl;
  const link = absoluteHttpUrl(text, base);
  if (link) return link;
  const guid = element.findElementWithName('guid');
  if (!guid || guid.getAttribute('ispermalink')?.trim().toLowerCase() === 'false') return null;
  return absoluteHttpUrl(guid.textContent.trim(), base);
}

/**
 * An Atom entry's link: rel="alternate" (a link without rel is one), else the first link with an
 * href. Resolved against xml:base, itself resolved against the feed's url, as RFC 4287 says; the
 * library would resolve against the site's link instead, and only finds alternate links.
 */
function atomLink(entry: LibraryElement, feedUrl: string): string | null {
  const links = entry.findElementsWithName('link').filter((link) => link.getAttribute('href')?.trim());
  const alternate = links.find((link) => (link.getAttribute('rel')?.trim().toLowerCase() ?? 'alternate') === 'alternate');
  const chosen = alternate ?? links[0];
  if (!chosen) return null;
  const base = absoluteUrl(entry.baseUrl, feedUrl) ?? feedUrl;
  return absoluteHttpUrl(chosen.getAttribute('href'), base);
}

/**
 * The item's own categories. The library gives an item without any the feed's categories, which
 * would make every item of a feed categorised "World" match "World".
 */
function ownCategories(item: LibraryItem): string[] {
  const own = item.element.hasElementWithName('category') || item.element.hasElementWithName('subject');
  if (!own) return [];
  return uniqueTexts(item.categories.map((category) => category.label ?? category.term));
}

// ---- Sitemaps ----

const sitemapParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true, // news:title and title alike; sitemaps never need the prefix to tell them apart
  parseTagValue: false, // keep text as text: a title such as "2025" must not become a number
  processEntities: false, // decoded once, here, with the commonest of HTML's named entities too
  isArray: (_name, jPath) => jPath === 'urlset.url' || jPath === 'sitemapindex.sitemap',
});

function parseSitemap(text: string, kind: 'sitemap' | 'sitemap-index', feedUrl: string): ParsedFeed {
  let doc: Record<string, unknown>;
  try {
    doc = sitemapParser.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new FeedFormatError(`the sitemap's XML is broken: ${(error as Error).message}`);
  }
  const root = kind === 'sitemap' ? field(doc, 'urlset') : field(doc, 'sitemapindex');
  const entries = asArray(field(root, kind === 'sitemap' ? 'url' : 'sitemap'));
  if (kind === 'sitemap-index') {
    const sitemaps = entries.map((entry) => absoluteHttpUrl(textOf(field(entry, 'loc')), feedUrl));
    return { kind, title: null, items: [], sitemaps: unique(sitemaps).slice(0, MAX_ITEMS) };
  }
  const items: FeedItem[] = [];
  for (const entry of entries) {
    if (items.length >= MAX_ITEMS) break;
    const item = sitemapItem(entry, feedUrl);
    if (item) items.push(item);
  }
  return { kind, title: null, items, sitemaps: [] };
}

/** A <url> of a sitemap; Google's news: extension gives the title, date and keywords. */
function sitemapItem(entry: unknown, feedUrl: string): FeedItem | null {
  const url = absoluteHttpUrl(decodeEntities(textOf(field(entry, 'loc')) ?? ''), feedUrl);
  if (!url) return null;
  const news = field(entry, 'news');
  const keywords = textOf(field(news, 'keywords')) ?? '';
  const date = textOf(field(news, 'publication_date')) ?? textOf(field(entry, 'lastmod'));
  return {
    url,
    title: cleanText(textOf(field(news, 'title')), MAX_TITLE_CHARS, true),
    summary: null,
    categories: uniqueTexts(decodeEntities(keywords).split(',')),
    published: date ? isoDate(new Date(date.trim())) : null,
    id: null,
  };
}

/** A child of a parsed element, or undefined when the element is not an object or has none. */
function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a parsed element: a string, or the #text of one with mixed content. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const text = field(value, '#text');
  return typeof text === 'string' ? text : null;
}

// ---- Shared cleaning ----

/** An absolute http(s) url for `raw` resolved against `base`, or null for anything else. */
function absoluteHttpUrl(raw: string | null | undefined, base: string): string | null {
  const url = absoluteUrl(raw, base);
  if (!url) return null;
  return /^https?:\/\/[^/]/i.test(url) ? url : null;
}

function absoluteUrl(raw: string | null | undefined, base: string): string | null {
  const trimmed = raw?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Plain text of a possibly-HTML field, at most `max` characters, or null when empty. `decode`
 * says whether entities are still to be decoded (the feed library decodes them itself).
 */
function cleanText(value: string | null | undefined, max: number, decode = false): string | null {
  if (!value) return null;
  // Only so much HTML is read: the text kept is short, and stripping is linear only so far.
  const text = htmlToText(value.slice(0, max * 20), decode);
  return text ? cutAtWord(text, max) : null;
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

function isoDate(date: Date | null | undefined): string | null {
  if (!date) return null;
  const ms = date.getTime();
  if (Number.isNaN(ms) || ms < EARLIEST_DATE_MS || ms > Date.now() + FUTURE_SLACK_MS) return null;
  return date.toISOString();
}

function uniqueTexts(values: readonly (string | null | undefined)[]): string[] {
  return unique(values.map((value) => cleanText(value, MAX_TITLE_CHARS)));
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

// Inline elements join the words around them ("Ru<b>ž</b>ička"); every other tag separates
// words, so "<p>One</p><p>Two</p>" does not become "OneTwo".
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
const INVISIBLE = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>/g;

/** Text with HTML tags removed, entities decoded when `decode`, whitespace collapsed. */
function htmlToText(html: string, decode = true): string {
  let text = html;
  if (text.includes('<')) {
    text = text.replace(INVISIBLE, ' ').replace(TAG, (_tag, name: string) => (INLINE_TAGS.has(name.toLowerCase()) ? '' : ' '));
  }
  if (decode && text.includes('&')) text = decodeEntities(text);
  return text.replace(/\s+/g, ' ').trim();
}

// XML's five, HTML's Latin-1 letters and signs (U+00A0 to U+00FF, in order), and the
// punctuation news text uses most; other named entities are left as written.
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const NAMED_ENTITIES = new Map<string, string>([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
  ['ndash', '\u2013'], ['mdash', '\u2014'], ['lsquo', '\u2018'], ['rsquo', '\u2019'], ['ldquo', '\u201c'], ['rdquo', '\u201d'], ['hellip', '\u2026'], ['euro', '\u20ac'],
  ...LATIN1_NAMES.split(' ').map((name, index): [string, string] => [name, String.fromCharCode(0xa0 + index)]),
]);

/** Decodes numeric character references and the commonest named entities. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,7}));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? NAMED_ENTITIES.get(name.toLowerCase()) ?? entity;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    // Not a character (NUL, a lone surrogate, beyond Unicode): keep what was written.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return entity;
    return String.fromCodePoint(code);
  });
}
