/** A paragraph of an article body; offsets index the body. `index` is 1-based (contracts §2). */
export interface ParagraphSpan {
  index: number;
  start: number;
  end: number;
}

/** A sentence; offsets index the article body, so `body.slice(start, end)` is its exact text. */
export interface SentenceSpan {
  paragraph: number;
  start: number;
  end: number;
}

const BLANK_LINE = /\n[ \t\u00a0]*\n/g;

/** Paragraphs are separated by one or more blank lines (contracts §1). */
export function segmentParagraphs(body: string): ParagraphSpan[] {
  const paragraphs: ParagraphSpan[] = [];
  let cursor = 0;
  const push = (from: number, to: number) => {
    const trimmed = trimRange(body, from, to);
    if (trimmed) paragraphs.push({ index: paragraphs.length + 1, ...trimmed });
  };
  for (const match of body.matchAll(BLANK_LINE)) {
    push(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  push(cursor, body.length);
  return paragraphs;
}

// Abbreviations after which a period never ends a sentence (titles, and words usually followed
// by a name or a number).
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'adm',
  'maj', 'cmdr', 'cpl', 'pvt', 'rev', 'hon', 'pres', 'atty', 'supt', 'insp', 'amb', 'fr', 'st',
  'mt', 'ft', 'messrs', 'mme', 'mlle', 'gov', 'lieut', 'brig', 'sec', 'dept', 'vs', 'v', 'e.g', 'i.e',
  'approx', 'ca', 'cf', 'del', 'sens', 'reps',
]);
// Abbreviations that do end a sentence before a number-free, capitalised function word.
const SOFT_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'pp', 'p', 'inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'etc', 'bros', 'est', 'a.m', 'p.m',
]);
// Words that commonly open a sentence: after an acronym such as "U.S." they signal a boundary.
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'if', 'when', 'while',
  'after', 'before', 'as', 'his', 'her', 'its', 'their', 'our', 'my', 'some', 'many', 'most', 'both',
  'what', 'who', 'why', 'how', 'where', 'still', 'also', 'however', 'meanwhile', 'then', 'now',
  'under', 'according', 'last', 'earlier', 'later', 'asked', 'officials', 'since', 'with', 'by',
]);

const TERMINATORS = '.!?…';
const CLOSERS = '”’"\')]»';
const OPENERS = '“‘"\'([«';

/** Splits each paragraph into sentences, keeping exact offsets into the body. */
export function segmentSentences(body: string, paragraphs: ParagraphSpan[]): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  for (const paragraph of paragraphs) {
    let start = paragraph.start;
    for (const boundary of findBoundaries(body, paragraph.start, paragraph.end)) {
      const range = trimRange(body, start, boundary);
      if (range) sentences.push({ paragraph: paragraph.index, ...range });
      start = boundary;
    }
    const last = trimRange(body, start, paragraph.end);
    if (last) sentences.push({ paragraph: paragraph.index, ...last });
  }
  return sentences;
}

/** Offsets (exclusive ends) where a sentence ends inside [from, to). */
function findBoundaries(text: string, from: number, to: number): number[] {
  const boundaries: number[] = [];
  let i = from;
  while (i < to) {
    if (!TERMINATORS.includes(text[i] ?? '')) {
      i++;
      continue;
    }
    const terminatorAt = i;
    while (i < to && TERMINATORS.includes(text[i] ?? '')) i++;
    while (i < to && CLOSERS.includes(text[i] ?? '')) i++;
    const end = i;
    let next = i;
    while (next < to && isSpace(text[next] ?? '')) next++;
    if (next === end || next >= to) continue;
    if (startsSentence(text, next, to) && !isAbbreviation(text, from, terminatorAt, next, to)) {
      boundaries.push(end);
    }
    i = next;
  }
  return boundaries;
}

function startsSentence(text: string, at: number, to: number): boolean {
  let i = at;
  while (i < to && OPENERS.includes(text[i] ?? '')) i++;
  const ch = text[i] ?? '';
  return /[\p{Lu}\p{Lt}\p{N}]/u.test(ch) || (i > at && /\p{L}/u.test(ch));
}

/** True when the period at `dot` belongs to an abbreviation or initial, not a sentence end. */
function isAbbreviation(text: string, from: number, dot: number, next: number, to: number): boolean {
  if (text[dot] !== '.') return false;
  let wordStart = dot;
  while (wordStart > from && /[\p{L}.]/u.test(text[wordStart - 1] ?? '')) wordStart--;
  const word = text.slice(wordStart, dot);
  if (word === '') return false;
  const lower = word.toLowerCase();
  const nextWord = wordAt(text, next, to);
  if (TITLE_ABBREVIATIONS.has(lower)) return true;
  const opensSentence = SENTENCE_OPENERS.has(nextWord.toLowerCase());
  if (SOFT_ABBREVIATIONS.has(lower)) return /^\p{N}/u.test(nextWord) || !opensSentence;
  // An initial ("Donald J. Trump") or a dotted acronym ("U.S.", "D.C.").
  const isInitial = /^\p{Lu}$/u.test(word);
  const isAcronym = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (isInitial || isAcronym) return !opensSentence;
  return false;
}

function wordAt(text: string, at: number, to: number): string {
  let i = at;
  while (i < to && OPENERS.includes(text[i] ?? '')) i++;
  const match = /^[\p{L}\p{N}]+/u.exec(text.slice(i, Math.min(to, i + 40)));
  return match ? match[0] : '';
}

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

function trimRange(text: string, from: number, to: number): { start: number; end: number } | null {
  let start = from;
  let end = to;
  while (start < end && isSpace(text[start] ?? '')) start++;
  while (end > start && isSpace(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : null;
}
