import type { Comparison, QuoteAnswer, Timeline } from '../questions/answers.js';
import { describeFilters } from '../search/filters.js';
import { renderResult } from './text.js';

const about = (topic: string[]) => (topic.length > 0 ? ` about “${topic.join(' ')}”` : '');
const within = (timeline: Pick<Timeline, 'filters'>) => (timeline.filters ? `, in the articles ${describeFilters(timeline.filters)}` : '');

/** A timeline in a terminal: a heading for each day, its statements numbered through. */
export function renderTimelineText(timeline: Timeline): string {
  const shown = timeline.days.reduce((n, day) => n + day.results.length, 0);
  const more = timeline.total > timeline.offset + shown ? ` (the first ${shown} of ${timeline.total})` : '';
  const lines = [`What ${timeline.speaker} said${about(timeline.topic)}, day by day${within(timeline)}${more}:`, ''];
  let n = timeline.offset;
  for (const day of timeline.days) {
    lines.push(`== ${day.date ?? 'Undated articles'} ==`, '');
    for (const result of day.results) lines.push(...renderResult(result, ++n), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Two people's statements, one after the other, each column numbered. */
export function renderComparisonText(comparison: Comparison): string {
  const lines: string[] = [];
  for (const column of comparison.columns) {
    lines.push(`== ${column.speaker}${about(comparison.topic)} (${column.total}) ==`, '');
    if (column.results.length === 0) lines.push(`No statements by ${column.speaker}${about(comparison.topic)}${within(comparison)}.`, '');
    column.results.forEach((result, i) => lines.push(...renderResult(result, comparison.offset + i + 1), ''));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Who said it: the closest statements, or an honest "nobody". */
export function renderQuoteAnswerText(answer: QuoteAnswer): string {
  if (answer.results.length === 0) return `${nobodySaid(answer.quote)}\n`;
  const lines = [`Who said “${answer.quote}” (closest first):`, ''];
  answer.results.forEach((result, i) => lines.push(...renderResult(result, answer.offset + i + 1), ''));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The answer when no statement holds the words. */
export function nobodySaid(quote: string): string {
  const shown = quote.length > 120 ? `${quote.slice(0, 119)}…` : quote;
  return `Nobody in these articles said “${shown}”, or words close to it.`;
}
