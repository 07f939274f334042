/** An article already in the corpus (or added earlier in the same run), as duplicate checks see it. */
export interface KnownArticle {
  file: string;
  url: string | null;
  body: string;
}

export interface Duplicate {
  file: string;
  reason: string;
}

// Runs of this many words: long enough that two independent articles rarely share many, short
// enough that an edited intro or a wire credit changes only a few.
const SHINGLE_WORDS = 5;
// The share of the shorter article's runs found in the other, past which it is the same story.
const SAME_STORY = 0.7;
const TRACKING = /^(utm_\w+|fbclid|gclid|ocid|cmpid|ref|smid|mc_cid|mc_eid)$/i;

/** The url with its fragment and tracking parameters removed, as it is written into the corpus; null when not http(s). */
export function withoutTracking(url: string): string | null {
  return trackingFree(url)?.href ?? null;
}

/** The http(s) url parsed, without fragment and tracking parameters (a query without any is kept as written). */
function trackingFree(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const tracking = [...parsed.searchParams.keys()].filter((key) => TRACKING.test(key));
  for (const key of tracking) parsed.searchParams.delete(key);
  parsed.hash = '';
  return parsed;
}

/** A URL as it names a page: no fragment, no tracking parameters, no "www.", no trailing slash. */
export function canonicalUrl(url: string | null): string | null {
  const parsed = url ? trackingFree(url) : null;
  if (!parsed) return null;
  parsed.searchParams.sort();
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  const query = parsed.searchParams.toString();
  return `${host}${path}${query ? `?${query}` : ''}`;
}

/** The article's runs of words (lower case, letters and digits only), hashed. */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(hash(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The share of the smaller set's members that the larger one holds. */
function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / small.size;
}

/**
 * Finds the known article a candidate repeats: the same page (canonical URL), or the same story
 * republished (most of the shorter text's five-word runs in the other: a wire copy with its own
 * headline, intro or credit line).
 */
export class DuplicateFinder {
  // By file, in the order added (so the first of two equal matches is the older article).
  private readonly known = new Map<string, { url: string | null; shingles: Set<number> }>();
  private readonly byUrl = new Map<string, string>();

  constructor(articles: Iterable<KnownArticle> = []) {
    for (const article of articles) this.add(article);
  }

  add(article: KnownArticle): void {
    this.remove(article.file);
    const url = canonicalUrl(article.url);
    this.known.set(article.file, { url, shingles: shingles(article.body) });
    if (url && !this.byUrl.has(url)) this.byUrl.set(url, article.file);
  }

  /** Forgets the article of `file` (removed, or about to be read again). */
  remove(file: string): void {
    const entry = this.known.get(file);
    if (!entry) return;
    this.known.delete(file);
    if (entry.url && this.byUrl.get(entry.url) === file) {
      this.byUrl.delete(entry.url);
      for (const [other, known] of this.known) {
        if (known.url === entry.url) {
          this.byUrl.set(entry.url, other);
          break;
        }
      }
    }
  }

  /** The known article whose canonical url is `url`'s, if any. */
  fileWithUrl(url: string): string | null {
    const key = canonicalUrl(url);
    return key ? this.byUrl.get(key) ?? null : null;
  }

  find(candidate: { url: string | null; body: string }): Duplicate | null {
    const sameUrl = candidate.url ? this.fileWithUrl(candidate.url) : null;
    if (sameUrl) return { file: sameUrl, reason: `the same url (${candidate.url})` };
    const runs = shingles(candidate.body);
    let best: { file: string; share: number } | null = null;
    for (const [file, known] of this.known) {
      const share = containment(runs, known.shingles);
      if (share >= SAME_STORY && (!best || share > best.share)) best = { file, share };
    }
    return best ? { file: best.file, reason: `the same story (${Math.round(best.share * 100)}% of the shorter text's five-word runs)` } : null;
  }
}
