import type { CorpusIndex } from './search/corpusIndex.js';
import { sentenceHash } from './index/sentenceStore.js';

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
  if (original !== shown && collapse(original) !== collapse(shown)) return 'text differs from the article';
  if (sentenceHash(original) !== textHash[sentenceId]) return 'text differs from its fingerprint';
  const at = paragraphAt(text, base, base + sentence.start, base + sentence.end);
  if (at !== paragraph) return at === null ? 'spans a paragraph break' : `in paragraph ${at}, not ${paragraph}`;
  return null;
}

/**
 * The number of the paragraph holding bytes [from, to) of an article starting at `base`, or
 * null when a paragraph break falls inside them. Paragraphs are as the corpus format defines
 * them (segmentParagraphs): text between blank lines ("\n", spaces, tabs or no-break spaces,
 * "\n"), blank-only stretches not counted. Read from the bytes, allocating nothing: this runs
 * for every result of every answer.
 */
function paragraphAt(bytes: Uint8Array, base: number, from: number, to: number): number | null {
  let paragraphs = 0;
  let hasText = false;
  for (let i = base; i < to; ) {
    const byte = bytes[i] as number;
    if (byte === 0x0a) {
      const end = blankLineEnd(bytes, i + 1);
      if (end >= 0) {
        if (i >= from) return null;
        if (hasText) paragraphs++;
        hasText = false;
        i = end;
        continue;
      }
    }
    // Most bytes are ASCII letters: no call needed to know they are text.
    const space = byte > 0x20 && byte < 0x80 ? 0 : spaceLength(bytes, i);
    if (space === 0) {
      if (i < from) hasText = true;
      i += utf8Length(byte);
    } else {
      i += space;
    }
  }
  return paragraphs + 1;
}

/** After a line break at i - 1: the position past a second line break with only blanks between, or -1. */
function blankLineEnd(bytes: Uint8Array, i: number): number {
  for (let j = i; ; ) {
    const byte = bytes[j];
    if (byte === 0x0a) return j + 1;
    if (byte === 0x20 || byte === 0x09) j++;
    else if (byte === 0xc2 && bytes[j + 1] === 0xa0) j += 2;
    else return -1;
  }
}

/** The byte length of the whitespace character (as /\s/ sees it) at i, or 0 when it is not one. */
function spaceLength(bytes: Uint8Array, i: number): number {
  const a = bytes[i] as number;
  if (a === 0x20 || (a >= 0x09 && a <= 0x0d)) return 1;
  if (a < 0x80) return 0;
  const b = bytes[i + 1] as number;
  const c = bytes[i + 2] as number;
  if (a === 0xc2) return b === 0xa0 ? 2 : 0;
  if (a === 0xe1) return b === 0x9a && c === 0x80 ? 3 : 0;
  if (a === 0xe2 && b === 0x80) return (c >= 0x80 && c <= 0x8a) || c === 0xa8 || c === 0xa9 || c === 0xaf ? 3 : 0;
  if (a === 0xe2 && b === 0x81) return c === 0x9f ? 3 : 0;
  if (a === 0xe3) return b === 0x80 && c === 0x80 ? 3 : 0;
  if (a === 0xef) return b === 0xbb && c === 0xbf ? 3 : 0;
  return 0;
}

function utf8Length(byte: number): number {
  return byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
