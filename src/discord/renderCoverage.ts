import type { APIEmbed } from 'discord.js';
import type { AnswerResult } from '../answer.js';
import type { Comparison, QuoteAnswer, Refusal, Timeline } from '../questions/answers.js';
import { nobodySaid } from '../render/coverageText.js';
import { indexTerm } from '../index/terms.js';
import {
  COLOUR, LIMITS, escapeText, footerFor, pageButtons, resultBlock, truncate, type AnswerOrigin, type AnswerView, type Reply,
} from './render.js';

/** What a /timeline, /compare or /whosaid reply is drawn from. */
export interface CoverageView<T> extends Pick<AnswerView, 'private' | 'locate'> {
  answer: T | Refusal;
  origin: AnswerOrigin;
}

// Room kept in a message for titles and separators, beyond the result blocks and the footer.
const OVERHEAD = 400;

/** The characters a message keeps for its footer and titles (the footer is longest when the range's numbers are). */
function reserve(origin: AnswerOrigin, total: number): number {
  return OVERHEAD + footerFor(origin, { offset: total, total }, total).length;
}

/** A refusal ("compare needs two people", "no statements by …") as a private note. */
export function renderRefusal(refusal: Refusal): Reply {
  return { embeds: [{ color: COLOUR, description: escapeText(refusal.error) }], components: [], ephemeral: true, results: 0 };
}

const topicTerms = (topic: string[]) => new Set(topic.map(indexTerm).filter((t): t is string => t !== null));
const about = (topic: string[]) => (topic.length > 0 ? ` about “${topic.join(' ')}”` : '');

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Wednesday 1 April 2026" for a YYYY-MM-DD day (the calendar day the article gives), the same on every machine. */
export function dayTitle(date: string | null): string {
  if (!date) return 'Undated articles';
  const day = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/**
 * A timeline page: one embed a day (at most ten, within the 6,000 characters of a message),
 * statements numbered through the days; More goes on from the first one not shown.
 */
export function renderTimeline(view: CoverageView<Timeline>): Reply {
  const timeline = view.answer;
  if ('error' in timeline) return renderRefusal(timeline);
  const terms = topicTerms(timeline.topic);
  const embeds: APIEmbed[] = [];
  const shownResults: AnswerResult[] = [];
  let used = reserve(view.origin, timeline.total);
  for (const day of timeline.days) {
    const title = dayTitle(day.date);
    const blocks: string[] = [];
    for (const result of day.results) {
      const block = resultBlock(result, timeline.offset + shownResults.length + 1, terms);
      const cost = block.length + 2 + (blocks.length === 0 ? title.length : 0);
      if (shownResults.length > 0 && (used + cost > LIMITS.total || (blocks.length === 0 && embeds.length >= LIMITS.embeds))) break;
      if (blocks.reduce((n, b) => n + b.length + 2, 0) + block.length > LIMITS.description) break;
      blocks.push(shownResults.length === 0 ? truncate(block, LIMITS.description) : block);
      shownResults.push(result);
      used += cost;
    }
    if (blocks.length === 0) break;
    embeds.push({ color: COLOUR, title, description: blocks.join('\n\n') });
    if (blocks.length < day.results.length) break;
  }
  const shown = shownResults.length;
  const first = embeds[0] as APIEmbed;
  first.author = { name: truncate(`What ${timeline.speaker} said${about(timeline.topic)}, day by day`, LIMITS.title) };
  (embeds[embeds.length - 1] as APIEmbed).footer = { text: footerFor(view.origin, timeline, shown) };
  const contexts = shownResults.map((result, i) => ({ label: `Context ${timeline.offset + i + 1}`, sentenceId: result.sentenceId }));
  return { embeds, components: pageButtons(view, [contexts], timeline.offset, shown, timeline.total), ephemeral: view.private, results: shown };
}

/**
 * Two people side by side: an embed each, the same number of statements in both (so More goes
 * on from the same place in each), as many as fit.
 */
export function renderComparison(view: CoverageView<Comparison>): Reply {
  const comparison = view.answer;
  if ('error' in comparison) return renderRefusal(comparison);
  const terms = topicTerms(comparison.topic);
  const blocks = comparison.columns.map((column) => column.results.map((result, i) => resultBlock(result, comparison.offset + i + 1, terms)));
  const budget = Math.min(LIMITS.description, Math.floor((LIMITS.total - reserve(view.origin, comparison.columns[0].total + comparison.columns[1].total)) / 2));
  const fits = (n: number) => blocks.every((list) => list.slice(0, n).reduce((sum, b) => sum + b.length + 2, 0) <= budget);
  let shown = Math.max(...blocks.map((list) => list.length));
  while (shown > 1 && !fits(shown)) shown--;
  const total = Math.max(...comparison.columns.map((column) => column.total));
  const embeds: APIEmbed[] = comparison.columns.map((column, c) => {
    const own = (blocks[c] ?? []).slice(0, shown).map((block) => truncate(block, budget));
    const empty = `No statements by ${escapeText(column.speaker)}${escapeText(about(comparison.topic))}${comparison.offset > 0 ? ' beyond these' : ''}.`;
    return { color: COLOUR, title: truncate(escapeText(`${column.speaker}${about(comparison.topic)}`), LIMITS.title), description: own.length > 0 ? own.join('\n\n') : empty };
  });
  (embeds[1] as APIEmbed).footer = { text: footerFor(view.origin, { offset: comparison.offset, total }, shown) };
  const contexts = comparison.columns.map((column) => column.results.slice(0, shown).map((result, i) => ({ label: `${surname(column.speaker)} ${comparison.offset + i + 1}`, sentenceId: result.sentenceId })));
  const shownResults = comparison.columns.reduce((n, column) => n + Math.min(shown, column.results.length), 0);
  return { embeds, components: pageButtons(view, contexts, comparison.offset, shown, total), ephemeral: view.private, results: shownResults };
}

function surname(name: string): string {
  return truncate(name.split(/\s+/u).pop() ?? name, 40);
}

/** Who said it: the closest statements first, each with its speaker and earliest report; or an honest nobody. */
export function renderQuoteAnswer(view: CoverageView<QuoteAnswer>): Reply {
  const answer = view.answer;
  if ('error' in answer) return renderRefusal(answer);
  if (answer.results.length === 0) {
    return { embeds: [{ color: COLOUR, description: escapeText(nobodySaid(answer.quote)) }], components: [], ephemeral: view.private, results: 0 };
  }
  const blocks: string[] = [];
  const budget = Math.min(LIMITS.description, LIMITS.total - reserve(view.origin, answer.total));
  let used = 0;
  for (const [i, result] of answer.results.entries()) {
    const block = resultBlock(result, answer.offset + i + 1, new Set());
    if (blocks.length > 0 && used + block.length + 2 > budget) break;
    blocks.push(truncate(block, LIMITS.description));
    used += block.length + 2;
  }
  const shown = blocks.length;
  const embed: APIEmbed = {
    color: COLOUR,
    title: truncate(`Who said “${escapeText(answer.quote)}”`, LIMITS.title),
    description: blocks.join('\n\n'),
    footer: { text: footerFor(view.origin, answer, shown) },
  };
  const contexts = answer.results.slice(0, shown).map((result, i) => ({ label: `Context ${answer.offset + i + 1}`, sentenceId: result.sentenceId }));
  return { embeds: [embed], components: pageButtons(view, [contexts], answer.offset, shown, answer.total), ephemeral: view.private, results: shown };
}
