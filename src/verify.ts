import type { CorpusIndex } from './search/corpusIndex.js';
import { sentenceHash } from './search/sentenceStore.js';
import { segmentParagraphs } from './text/segment.js';

/** A result withheld because its text could not be confirmed in its article. */
export interface DroppedResult {
  sentenceId: number;
  file: string | null;
  reason: string;
}

const decoder = new TextDecoder();

/**
 * Why a sentence cannot be shown as a verbatim quote, or null when it can: its text, read again
 * from its article's bytes, must be the text about to be shown (line breaks may be collapsed),
 * must hash to the fingerprint taken when the article was analysed, and must lie in the
 * paragraph it is cited with. Any index fault (offsets out of step with the text, a damaged
 * store) is caught here, before anything reaches a user.
 */
export function verbatimProblem(index: CorpusIndex, sentenceId: number, shown: string, paragraph: number): string | null {
  const sentence = index.sentence(sentenceId);
  if (!sentence) return 'no such sentence';
  const { text, articleStarts, textHash } = index.store.data;
  const base = articleStarts[sentence.article];
  const limit = articleStarts[sentence.article + 1];
  if (base === undefined || limit === undefined || sentence.start > sentence.end || base + sentence.end > limit) return 'offsets outside the article';
  const original = decoder.decode(text.subarray(base + sentence.start, base + sentence.end));
  if (original.trim() === '') return 'empty sentence';
  if (collapse(original) !== collapse(shown)) return 'text differs from the article';
  if (sentenceHash(original) !== textHash[sentenceId]) return 'text differs from its fingerprint';
  const cited = paragraphBytes(index, sentence.article)[paragraph - 1];
  if (!cited || sentence.start < cited[0] || sentence.end > cited[1]) return `not in paragraph ${paragraph}`;
  return null;
}

// Paragraph byte ranges of recently checked articles, per index: an answer's results often
// share articles, and finding paragraphs means decoding and scanning the whole body.
const paragraphCache = new WeakMap<CorpusIndex, Map<number, [number, number][]>>();
const MAX_CACHED_ARTICLES = 256;

/** Each paragraph of an article as [start, end) byte offsets within it, as the corpus format defines paragraphs. */
function paragraphBytes(index: CorpusIndex, article: number): [number, number][] {
  let cache = paragraphCache.get(index);
  if (!cache) paragraphCache.set(index, (cache = new Map()));
  let ranges = cache.get(article);
  if (!ranges) {
    const body = index.store.articleText(article);
    let chars = 0;
    let bytes = 0;
    const byteAt = (char: number) => {
      bytes += Buffer.byteLength(body.slice(chars, char));
      chars = char;
      return bytes;
    };
    ranges = segmentParagraphs(body).map((p): [number, number] => [byteAt(p.start), byteAt(p.end)]);
    if (cache.size >= MAX_CACHED_ARTICLES) cache.clear();
    cache.set(article, ranges);
  }
  return ranges;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
