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
const ACRONYM = /^(?:\p{L}\.){2,}/u;
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*/u;
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
    const rest = body.slice(i, nextQuote);
    const word = readWord(rest);
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

function readWord(rest: string): string | null {
  const acronym = ACRONYM.exec(rest);
  if (acronym) return acronym[0];
  const match = WORD.exec(rest);
  if (!match) return null;
  let word = match[0].replace(/[-'’]+$/u, '');
  const followedByPeriod = rest[word.length] === '.';
  if (followedByPeriod && (/^\p{Lu}$/u.test(word) || KEEPS_PERIOD.has(word.toLowerCase()))) word += '.';
  return word;
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
