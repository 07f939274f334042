import { createInterface } from 'node:readline';
import type { Verbatim } from './verbatim.js';
import { renderAnswerText } from './render/text.js';
import * as ask from '../commands/ask.js';
import * as quotes from '../commands/quotes.js';
import { FilterError, parseFilters, type Filters } from './search/filters.js';

export const HELP_TEXT = [
  'Ask who said what in the articles. Every answer is a sentence from an article, word for word.',
  '',
  '  /ask what did Lavrov say             a person\'s statements',
  '  /ask what has Rubio said about Ukraine',
  '  /ask who said the talks were useful  sentences about a topic',
  '  /quotes Lavrov                       what that person said',
  '  /quotes speaker:Lavrov topic:embassy  … about a topic',
  '  /ask what did Lavrov say since:2025-02-18 outlet:Reuters   only those articles (since:, until:, outlet:)',
  '  /sources                             the articles in the corpus',
  '  /help                                this text',
  '',
  'A line without a leading / is an /ask. Ctrl-D ends.',
].join('\n');

/** Answers one console line (contracts §5) with the same commands as Discord, rendered as text. */
export function answerLine(verbatim: Verbatim, line: string): string {
  const trimmed = line.trim();
  if (trimmed === '') return '';
  const [, command = 'ask', rest = ''] = /^\/(\w+)\s*([\s\S]*)$/u.exec(trimmed) ?? [null, 'ask', trimmed];
  switch (command.toLowerCase()) {
    case 'ask': {
      const options = readOptions(rest, ['question', ...FILTER_OPTIONS]);
      const question = options.question ?? options.positional;
      if (!question) return 'Usage: /ask QUESTION [since:DATE] [until:DATE] [outlet:NAME]\n';
      return withFilters(options, (filters) => renderAnswerText(ask.run(verbatim, question, 0, filters)));
    }
    case 'quotes': {
      const options = readOptions(rest, ['speaker', 'topic', ...FILTER_OPTIONS]);
      const speaker = options.speaker ?? options.positional;
      if (!speaker) return 'Usage: /quotes SPEAKER [topic:TOPIC] [since:DATE] [until:DATE] [outlet:NAME]\n';
      return withFilters(options, (filters) => renderAnswerText(quotes.run(verbatim, speaker, options.topic ?? '', 0, filters)));
    }
    case 'sources':
      return renderSources(verbatim);
    case 'help':
      return `${HELP_TEXT}\n`;
    default:
      return `Unknown command /${command}. Try /help.\n`;
  }
}

const FILTER_OPTIONS = ['since', 'until', 'outlet'];

/**
 * `name:value` options in a console line, as Discord's option syntax reads: each value runs to
 * the next known option. Text before the first option is the positional value.
 */
function readOptions(text: string, names: readonly string[]): Record<string, string | undefined> & { positional: string } {
  const marker = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gu');
  const found = [...text.matchAll(marker)];
  const out: Record<string, string | undefined> & { positional: string } = { positional: (found[0] ? text.slice(0, found[0].index) : text).trim() };
  found.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = found[i + 1]?.index ?? text.length;
    const value = text.slice(start, end).trim();
    if (value) out[match[1] as string] = value;
  });
  return out;
}

/** Runs `answer` with the line's filters, or says what is wrong with them. */
function withFilters(options: Record<string, string | undefined>, answer: (filters: Filters) => string): string {
  try {
    return answer(parseFilters({ since: options.since, until: options.until, outlets: [options.outlet] }));
  } catch (error) {
    if (error instanceof FilterError) return `${error.message}.\n`;
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

/** Reads one command a line from `input` until it ends, writing each answer to `output`. */
export async function runConsole(verbatim: Verbatim | (() => Verbatim), input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const current = typeof verbatim === 'function' ? verbatim : () => verbatim;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const answer = answerLine(current(), line);
    if (answer) output.write(`${answer}\n`);
  }
}
