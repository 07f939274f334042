import { createInterface } from 'node:readline';
import type { Verbatim } from './verbatim.js';
import { renderAnswerText } from './render/text.js';

export const HELP_TEXT = [
  'Ask who said what in the articles. Every answer is a sentence from an article, word for word.',
  '',
  '  /ask what did Lavrov say            a person\'s statements',
  '  /ask what has Rubio said about Ukraine',
  '  /ask who said the talks were useful  sentences about a topic',
  '  /quotes Lavrov                       what that person said (a topic may follow: /quotes Lavrov embassy)',
  '  /sources                             the articles in the corpus',
  '  /help                                this text',
  '',
  'A line without a leading / is an /ask.',
].join('\n');

/** Answers one console line (contracts §5) as text. */
export function answerLine(verbatim: Verbatim, line: string): string {
  const trimmed = line.trim();
  if (trimmed === '') return '';
  const [, command = 'ask', rest = ''] = /^\/(\w+)\s*([\s\S]*)$/u.exec(trimmed) ?? [null, 'ask', trimmed];
  switch (command.toLowerCase()) {
    case 'ask':
      return rest ? renderAnswerText(verbatim.ask(rest)) : 'Usage: /ask QUESTION\n';
    case 'quotes':
      return rest ? renderAnswerText(verbatim.ask(`what did ${rest} say`)) : 'Usage: /quotes SPEAKER [TOPIC]\n';
    case 'sources':
      return renderSources(verbatim);
    case 'help':
      return `${HELP_TEXT}\n`;
    default:
      return `Unknown command /${command}. Try /help.\n`;
  }
}

function renderSources(verbatim: Verbatim): string {
  const { articles, failures } = verbatim.index;
  const lines = articles.map((a) =>
    [a.meta.outlet, a.meta.title, a.meta.published, a.meta.url ?? a.file, `${a.sentences} sentences`, `${a.statements} statements`]
      .filter(Boolean)
      .join(' · '),
  );
  for (const failure of failures) lines.push(`not loaded: ${failure.file} (${failure.reason})`);
  return `${lines.join('\n')}\n`;
}

/** Reads one command a line from `input` until it ends, writing each answer to `output`. */
export async function runConsole(verbatim: Verbatim, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const answer = answerLine(verbatim, line);
    if (answer) output.write(`${answer}\n`);
  }
}
