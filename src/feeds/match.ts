// Whether a feed item is one to take: it mentions one of the feed's `match` terms (contracts §6).
// Matching runs on what the feed says about the item (title, summary, categories, the url's
// path), before anything is fetched, so it decides which articles are worth a request.
import type { FeedItem } from './parseFeed.js';

// Letters with no decomposition in Unicode, so NFKD leaves them as they are; folded by hand so
// that "Lodz" finds "Łódź" and "Orsted" finds "Ørsted".
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l', đ: 'd', ø: 'o', ħ: 'h', ŧ: 't', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd',
};
const UNDECOMPOSED_RE = /[łđøħŧıßæœþð]/g;

// Terms folded once per match list: the same list is checked against every item of a feed.
const foldedTerms = new WeakMap<readonly string[], string[]>();

/**
 * True when `match` is empty, or when the item's title, summary, categories or url path mention
 * one of the terms: case-insensitive, diacritics folded, whole words (a term of several words is
 * a phrase). "Ruzicka" finds "Růžička"; "Rio" does not find "Riot".
 */
export function matchesFeed(item: FeedItem, match: readonly string[]): boolean {
  if (match.length === 0) return true;
  const terms = termsOf(match);
  if (terms.length === 0) return false;
  const text = foldToWords([item.title, item.summary, ...item.categories, urlWords(item.url)].join(' '));
  return terms.some((term) => text.includes(term));
}

function termsOf(match: readonly string[]): string[] {
  let terms = foldedTerms.get(match);
  if (!terms) {
    // Padded with spaces, as the text is, so that includes() only finds whole words.
    terms = match.map(foldToWords).filter((term) => term !== '  ');
    foldedTerms.set(match, terms);
  }
  return terms;
}

/**
 * Lower case, no diacritics, every run of characters that are not letters or digits turned into
 * one space, with a space at each end: " ruzicka s visit to lodz ". Then a whole word or phrase is
 * a substring that starts and ends with a space.
 */
function foldToWords(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${folded} `;
}

/** The words of a url's path: ".../2025/02/ruzicka-visits-lodz.html" says who and where. */
function urlWords(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed %-escape: the path as written still has its words
  }
  return path.replace(/\.[a-z0-9]{1,5}$/i, '');
}
