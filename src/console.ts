import { createInterface } from 'node:readline';
import type { Verbatim } from './verbatim.js';
import { renderAnswerText } from './render/text.js';
import * as ask from '../commands/ask.js';
import * as quotes from '../commands/quotes.js';
import { FilterError, parseFilters, type Filters } from './search/filters.js';
import { toContractJson, type Answer } from './answer.js';
import { renderComparisonText, renderQuoteAnswerText, renderTimelineText } from './render/coverageText.js';
import { comparisonJson, quoteAnswerJson, timelineJson, type Comparison, type QuoteAnswer, type Refusal, type Timeline } from './questions/answers.js';

export const HELP_TEXT = [
  'Ask who said what in the articles. Every answer is a sentence from an article, word for word.',
  '',
  '  /ask what did Lavrov say             a person\'s statements',
  '  /ask what has Rubio said about Ukraine',
  '  /ask who said the talks were useful  sentences about a topic',
  '  /quotes Lavrov                       what that person said',
  '  /quotes speaker:Lavrov topic:embassy  … about a topic',
  '  /ask what did Lavrov say since:2025-02-18 outlet:Example Wire   only those articles (since:, until:, outlet:)',
  '  /timeline speaker:Lavrov             what that person said, day by day',
  '  /compare first:Lavrov second:Rubio topic:sanctions   two people side by side',
  '  /whosaid quote:reason to believe     who said these words (or words close to them)',
  '  /sources                             the articles in the corpus',
  '  /help                                this text',
  '',
  'A line without a leading / is an /ask. Ctrl-D ends.',
].join('\n');

/** What one console line asks for, or why it cannot be answered. */
type Outcome =
  | { command: 'ask' | 'quotes'; answer: Answer }
  | { command: 'timeline'; timeline: Timeline }
  | { command: 'compare'; comparison: Comparison }
  | { command: 'whosaid'; quoted: QuoteAnswer }
  | { command: 'sources' | 'help' }
  | { command: string; error: string };

/** Runs one console line (contracts §5) with the same commands as Discord; null for a blank line. */
function runLine(verbatim: Verbatim, line: string): Outcome | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const [, named = 'ask', rest = ''] = /^\/(\w+)\s*([\s\S]*)$/u.exec(trimmed) ?? [null, 'ask', trimmed];
  const command = named.toLowerCase();
  switch (command) {
    case 'ask': {
      const options = readOptions(rest, ['question', ...FILTER_OPTIONS]);
      const question = options.question ?? options.positional;
      if (!question) return { command, error: 'Usage: /ask QUESTION [since:DATE] [until:DATE] [outlet:NAME]' };
      return withFilters(command, options, (filters) => ({ command, answer: ask.run(verbatim, question, 0, filters) }));
    }
    case 'quotes': {
      const options = readOptions(rest, ['speaker', 'topic', ...FILTER_OPTIONS]);
      const speaker = options.speaker ?? options.positional;
      if (!speaker) return { command, error: 'Usage: /quotes SPEAKER [topic:TOPIC] [since:DATE] [until:DATE] [outlet:NAME]' };
      return withFilters(command, options, (filters) => ({ command, answer: quotes.run(verbatim, speaker, options.topic ?? '', 0, filters) }));
    }
    case 'timeline': {
      const options = readOptions(rest, ['speaker', 'topic', ...FILTER_OPTIONS]);
      const speaker = options.speaker ?? options.positional;
      if (!speaker) return { command, error: 'Usage: /timeline speaker:NAME [topic:TOPIC] [since:DATE] [until:DATE] [outlet:NAME]' };
      return withFilters(command, options, (filters) => refusedOr(verbatim.timeline(speaker, options.topic ?? '', TIMELINE_LIMIT, 0, filters), command, (timeline) => ({ command, timeline })));
    }
    case 'compare': {
      const options = readOptions(rest, ['first', 'second', 'topic', ...FILTER_OPTIONS]);
      const [before = '', after = ''] = options.positional.split(/\s+(?:vs\.?|versus|and)\s+|\s*,\s*/iu);
      const first = options.first ?? before;
      const second = options.second ?? (options.first ? before : after);
      return withFilters(command, options, (filters) => refusedOr(verbatim.compare(first, second, options.topic ?? '', 5, 0, filters), command, (comparison) => ({ command, comparison })));
    }
    case 'whosaid': {
      const options = readOptions(rest, ['quote']);
      const quote = options.quote ?? options.positional;
      return refusedOr(verbatim.whoSaid(quote), command, (quoted) => ({ command, quoted }));
    }
    case 'sources':
    case 'help':
      return { command };
    default:
      return { command, error: `Unknown command /${command}. Try /help.` };
  }
}

// A timeline in the console lists up to this many statements (Discord pages through them with More).
const TIMELINE_LIMIT = 100;

/** The outcome of an answer, or the refusal's message as this command's error. */
function refusedOr<T extends object>(answer: T | Refusal, command: string, outcome: (answer: T) => Outcome): Outcome {
  return 'error' in answer ? { command, error: answer.error } : outcome(answer);
}

/** Answers one console line as text, as a person reads it ('' for a blank line). */
export function answerLine(verbatim: Verbatim, line: string): string {
  const outcome = runLine(verbatim, line);
  if (!outcome) return '';
  if ('error' in outcome) return `${outcome.error}\n`;
  if ('answer' in outcome) return renderAnswerText(outcome.answer);
  if ('timeline' in outcome) return renderTimelineText(outcome.timeline);
  if ('comparison' in outcome) return renderComparisonText(outcome.comparison);
  if ('quoted' in outcome) return renderQuoteAnswerText(outcome.quoted);
  return outcome.command === 'sources' ? renderSources(verbatim) : `${HELP_TEXT}\n`;
}

/** Answers one console line as one JSON object (contracts §5, `npm start -- --json`); null for a blank line. */
export function answerLineJson(verbatim: Verbatim, line: string): object | null {
  const outcome = runLine(verbatim, line);
  if (!outcome) return null;
  if ('error' in outcome) return { command: outcome.command, error: outcome.error };
  if ('answer' in outcome) return { command: outcome.command, ...toContractJson(outcome.answer) };
  if ('timeline' in outcome) return { command: 'timeline', ...timelineJson(outcome.timeline) };
  if ('comparison' in outcome) return { command: 'compare', ...comparisonJson(outcome.comparison) };
  if ('quoted' in outcome) return { command: 'whosaid', ...quoteAnswerJson(outcome.quoted) };
  if (outcome.command === 'help') return { command: 'help', text: HELP_TEXT };
  const { articles, failures } = verbatim.index;
  return { command: 'sources', articles: [...articles].map((a) => ({ title: a.meta.title, outlet: a.meta.outlet, url: a.meta.url, published: a.meta.published, file: a.file })), failures };
}

const FILTER_OPTIONS = ['since', 'until', 'outlet'];

/**
 * `name:value` options in a console line, as Discord's option syntax reads: each value runs to
 * the next known option. Text before the first option is the positional value.
 */
function readOptions(text: string, names: readonly string[]): Record<string, string | undefined> & { positional: string } {
  const marker = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gu');
  const found = [...text.matchAll(marker)];
  const positional = [(found[0] ? text.slice(0, found[0].index) : text).trim()];
  const out: Record<string, string | undefined> & { positional: string } = { positional: '' };
  found.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = found[i + 1]?.index ?? text.length;
    let value = text.slice(start, end).trim();
    // A date is one word: what follows it is the question ("since:2025-02-18 what did X say").
    if (ONE_WORD_OPTIONS.has(match[1] as string)) {
      const [first = '', ...others] = value.split(/\s+/u);
      positional.push(others.join(' '));
      value = first;
    }
    if (value) out[match[1] as string] = value;
  });
  out.positional = positional.filter(Boolean).join(' ');
  return out;
}

const ONE_WORD_OPTIONS = new Set(['since', 'until']);

/** Runs `answer` with the line's filters, or says what is wrong with them. */
function withFilters(command: string, options: Record<string, string | undefined>, answer: (filters: Filters) => Outcome): Outcome {
  try {
    return answer(parseFilters({ since: options.since, until: options.until, outlets: [options.outlet] }));
  } catch (error) {
    if (error instanceof FilterError) return { command, error: `${error.message}.` };
    throw error;
  }
}

function renderSources(verbatim: Verbatim): string {
  const { articles, failures } = verbatim.index;
  const lines = [...articles].map((a) =>
    [a.meta.outlet, a.meta.title, a.meta.published, a.meta.url ?? a.file, `${a.sentences} sentences`, `${a.statements} statements`]
      .filter(Boolean)
      .join(' · '),
  );
  for (const failure of failures) lines.push(`not loaded: ${failure.file} (${failure.reason})`);
  return `${lines.join('\n') || 'The corpus is empty.'}\n`;
}

/** Reads one command a line from `input` until it ends, writing each answer to `output` (with `json`, one JSON object a line). */
export async function runConsole(verbatim: Verbatim | (() => Verbatim), input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: { json?: boolean } = {}): Promise<void> {
  const current = typeof verbatim === 'function' ? verbatim : () => verbatim;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (options.json) {
      const answer = answerLineJson(current(), line);
      if (answer) output.write(`${JSON.stringify(answer)}\n`);
    } else {
      const answer = answerLine(current(), line);
      if (answer) output.write(`${answer}\n`);
    }
  }
}
