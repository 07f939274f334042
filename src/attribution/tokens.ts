import type { QuoteSpan } from '../text/quotes.js';

export type TokenKind = 'word' | 'punct' | 'quote';

/** A token of a sentence; offsets index the article body. A `quote` token is a whole quoted stretch. */
export interface Token {
  kind: TokenKind;
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Word starts with an upper-case letter. */
  capitalized: boolean;
  /** Word ended in a possessive ’s / 's, which `text` no longer carries. */
  possessive: boolean;
}

// Words keep a final period only when it is part of them: initials, dotted acronyms, abbreviations.
const KEEPS_PERIOD = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'adm',
  'maj', 'cmdr', 'rev', 'hon', 'pres', 'atty', 'supt', 'insp', 'amb', 'st', 'jr', 'sr', 'mme', 'sec', 'del',
]);
// Sticky: matched at an offset of the body, never on a copy of the rest of it.
const ACRONYM = /(?:\p{L}\.){2,}/uy;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*/uy;
const POSSESSIVE = /['’]s$/u;

/** Tokenizes body[start, end), folding each quoted stretch inside it into one `quote` token. */
export function tokenize(body: string, start: number, end: number, quotes: readonly QuoteSpan[]): Token[] {
  const tokens: Token[] = [];
  const inside = quotes.filter((q) => q.end > start && q.start < end);
  let i = start;
  while (i < end) {
    const quote = inside.find((q) => q.start <= i && i < q.end);
    if (quote) {
      const quoteEnd = Math.min(quote.end, end);
      tokens.push(makeToken('quote', body.slice(i, quoteEnd), i, quoteEnd));
      i = quoteEnd;
      continue;
    }
    const ch = body[i] ?? '';
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const nextQuote = inside.reduce((min, q) => (q.start > i && q.start < min ? q.start : min), end);
    const word = readWord(body, i, nextQuote);
    if (word) {
      tokens.push(makeWord(word, i));
      i += word.length;
    } else {
      tokens.push(makeToken('punct', ch, i, i + 1));
      i++;
    }
  }
  return tokens;
}

function readWord(body: string, at: number, limit: number): string | null {
  const word = matchAt(ACRONYM, body, at, limit) ?? matchAt(WORD, body, at, limit);
  if (word === null || /^(?:\p{L}\.){2,}$/u.test(word)) return word;
  let trimmed = word.replace(/[-'’]+$/u, '');
  const followedByPeriod = body[at + trimmed.length] === '.' && at + trimmed.length < limit;
  if (followedByPeriod && (/^\p{Lu}$/u.test(trimmed) || KEEPS_PERIOD.has(trimmed.toLowerCase()))) trimmed += '.';
  return trimmed;
}

function matchAt(pattern: RegExp, body: string, at: number, limit: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(body);
  if (!match) return null;
  return match[0].slice(0, limit - at) || null;
}

function makeWord(raw: string, start: number): Token {
  const possessive = POSSESSIVE.test(raw) && raw.length > 2;
  const token = makeToken('word', possessive ? raw.slice(0, -2) : raw, start, start + raw.length);
  token.possessive = possessive;
  return token;
}

function makeToken(kind: TokenKind, text: string, start: number, end: number): Token {
  return {
    kind,
    text,
    lower: text.toLowerCase(),
    start,
    end,
    capitalized: kind === 'word' && /^\p{Lu}/u.test(text),
    possessive: false,
  };
}
