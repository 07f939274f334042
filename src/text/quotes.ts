import type { ParagraphSpan } from './segment.js';

/**
 * A stretch of quoted text, marks included. Spans that continue across paragraphs
 * (a paragraph ending inside a quote, the next opening with a quote mark) share a `group`.
 */
export interface QuoteSpan {
  start: number;
  end: number;
  group: number;
}

const OPEN_CURLY = '“';
const CLOSE_CURLY = '”';
const STRAIGHT = '"';
const OPENING_CONTEXT = /[\s([{—–\-/:;,]/u;

/**
 * Finds double-quoted stretches in an article body. Single quotes are left alone: in English
 * news they are far more often apostrophes than quotation marks.
 */
export function findQuoteSpans(body: string, paragraphs: ParagraphSpan[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let group = 0;
  let carriedGroup: number | null = null;
  for (const [p, paragraph] of paragraphs.entries()) {
    let openAt: number | null = null;
    let openGroup = 0;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      // Some archives write a double quote as two apostrophes: ''like this''.
      const doubled = body[i] === "'" && body[i + 1] === "'";
      const ch = doubled ? STRAIGHT : body[i];
      if (ch !== OPEN_CURLY && ch !== CLOSE_CURLY && ch !== STRAIGHT) continue;
      if (openAt === null) {
        if (ch === CLOSE_CURLY) continue; // a stray closing mark opens nothing
        if (ch === STRAIGHT && !isOpeningStraight(body, i, paragraph.start)) continue;
        openAt = i;
        openGroup = carriedGroup ?? ++group;
        carriedGroup = null;
      } else if (ch === CLOSE_CURLY || ch === STRAIGHT) {
        spans.push({ start: openAt, end: i + (doubled ? 2 : 1), group: openGroup });
        openAt = null;
      }
      if (doubled) i++;
      // A second opening mark while open is a nested or unbalanced quote: stay open.
    }
    carriedGroup = null;
    if (openAt !== null) {
      // Unclosed at the paragraph's end: by news convention the quote goes on when the next
      // paragraph opens with a quote mark; otherwise it ends with this paragraph.
      spans.push({ start: openAt, end: paragraph.end, group: openGroup });
      const next = paragraphs[p + 1];
      if (next && (body[next.start] === OPEN_CURLY || body[next.start] === STRAIGHT || body.startsWith("''", next.start))) carriedGroup = openGroup;
    }
  }
  return spans;
}

function isOpeningStraight(body: string, at: number, paragraphStart: number): boolean {
  if (at === paragraphStart) return true;
  return OPENING_CONTEXT.test(body[at - 1] ?? ' ');
}
