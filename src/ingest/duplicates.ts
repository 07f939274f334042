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

/** A URL as it names a page: no fragment, no tracking parameters, no "www.", no trailing slash. */
export function canonicalUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  for (const key of [...parsed.searchParams.keys()]) if (TRACKING.test(key)) parsed.searchParams.delete(key);
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
  private readonly known: { file: string; url: string | null; shingles: Set<number> }[] = [];

  constructor(articles: Iterable<KnownArticle> = []) {
    for (const article of articles) this.add(article);
  }

  add(article: KnownArticle): void {
    this.known.push({ file: article.file, url: canonicalUrl(article.url), shingles: shingles(article.body) });
  }

  find(candidate: { url: string | null; body: string }): Duplicate | null {
    const url = canonicalUrl(candidate.url);
    const sameUrl = url ? this.known.find((k) => k.url === url) : undefined;
    if (sameUrl) return { file: sameUrl.file, reason: `the same url (${candidate.url})` };
    const runs = shingles(candidate.body);
    let best: { file: string; share: number } | null = null;
    for (const known of this.known) {
      const share = containment(runs, known.shingles);
      if (share >= SAME_STORY && (!best || share > best.share)) best = { file: known.file, share };
    }
    return best ? { file: best.file, reason: `the same story (${Math.round(best.share * 100)}% of the shorter text's five-word runs)` } : null;
  }
}
