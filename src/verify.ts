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
 * from its article's body, must be the text about to be shown (line breaks may be collapsed),
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
  const body = decoder.decode(text.subarray(base, limit));
  const from = decoder.decode(text.subarray(base, base + sentence.start)).length;
  const to = from + decoder.decode(text.subarray(base + sentence.start, base + sentence.end)).length;
  const original = body.slice(from, to);
  if (original.trim() === '') return 'empty sentence';
  if (collapse(original) !== collapse(shown)) return 'text differs from the article';
  if (sentenceHash(original) !== textHash[sentenceId]) return 'text differs from its fingerprint';
  const cited = segmentParagraphs(body)[paragraph - 1];
  if (!cited || from < cited.start || to > cited.end) return `not in paragraph ${paragraph}`;
  return null;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
