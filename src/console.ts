import { createInterface } from 'node:readline';
import type { Verbatim } from './verbatim.js';
import { renderAnswerText } from './render/text.js';
import * as ask from '../commands/ask.js';
import * as quotes from '../commands/quotes.js';

export const HELP_TEXT = [
  'Ask who said what in the articles. Every answer is a sentence from an article, word for word.',
  '',
  '  /ask what did Lavrov say             a person\'s statements',
  '  /ask what has Rubio said about Ukraine',
  '  /ask who said the talks were useful  sentences about a topic',
  '  /quotes Lavrov                       what that person said',
  '  /quotes speaker:Lavrov topic:embassy  … about a topic',
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
      const question = optionValue(rest, 'question') ?? rest;
      return question ? renderAnswerText(ask.run(verbatim, question)) : 'Usage: /ask QUESTION\n';
    }
    case 'quotes': {
      const topic = optionValue(rest, 'topic') ?? '';
      const speaker = optionValue(rest, 'speaker') ?? rest.replace(/\btopic:[\s\S]*$/u, '').trim();
      return speaker ? renderAnswerText(quotes.run(verbatim, speaker, topic)) : 'Usage: /quotes SPEAKER [topic:TOPIC]\n';
    }
    case 'sources':
      return renderSources(verbatim);
    case 'help':
      return `${HELP_TEXT}\n`;
    default:
      return `Unknown command /${command}. Try /help.\n`;
  }
}

/** `name:value` in a console line, as Discord's option syntax reads; the value runs to the next option. */
function optionValue(text: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}:\\s*([\\s\\S]*?)(?=\\s+\\w+:|$)`, 'u').exec(text);
  return match?.[1]?.trim() || null;
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
