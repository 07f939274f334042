import type { Answer, AnswerResult } from '../answer.js';
import { describeFilters } from '../search/filters.js';

/** The answer as a person reads it in a terminal: each sentence quoted, its speaker, its source. */
export function renderAnswerText(answer: Answer): string {
  const lines: string[] = [];
  if (answer.results.length === 0) {
    lines.push(noResultMessage(answer));
  } else {
    const about = answer.speaker ? `Statements by ${answer.speaker}` : 'Best matching sentences';
    lines.push(`${about} (${answer.results.length}):`, '');
    answer.results.forEach((result, i) => lines.push(...renderResult(result, i + 1), ''));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function noResultMessage(answer: Answer): string {
  if (answer.filters && !answer.unknownSpeaker) {
    const which = `the articles ${describeFilters(answer.filters)}`;
    return answer.speaker ? `No statements by ${answer.speaker} in ${which}. Try without the filters.` : `Nothing in ${which} answers that. Try without the filters, or broader words.`;
  }
  const tryNames = answer.suggestions.length > 0 ? ` Try: ${answer.suggestions.join(', ')}.` : '';
  if (answer.unknownSpeaker) return `No statements by ${answer.unknownSpeaker} in these articles.${tryNames}`;
  if (answer.speaker) return `No statements by ${answer.speaker} in these articles: they are mentioned, but never reported speaking.${tryNames}`;
  return `Nothing in these articles answers that. Ask about a person ("what did <name> say") or use broader words.${tryNames}`;
}

export function renderResult(result: AnswerResult, n: number): string[] {
  const who = result.speaker ?? (result.anonymous ? 'unnamed source' : result.quote ? 'source not named as a person' : 'no speaker');
  const kind = result.quote ? `, ${result.quote}` : '';
  const also = result.alsoIn.map((source) => `   also in: ${[source.outlet, source.title, source.published, source.url ?? source.file].filter(Boolean).join(' · ')}`);
  const variants = result.variants.map((variant) => `   worded differently in ${variant.source.outlet ?? variant.source.title}: “${variant.text}” (${[variant.source.published, variant.source.url ?? variant.source.file].filter(Boolean).join(' · ')})`);
  return [`${n}. “${result.text}”`, `   — ${who}${kind}`, `   ${sourceLine(result)}`, ...also, ...variants];
}

/** outlet · title · date · ¶N · link or file */
export function sourceLine(result: AnswerResult): string {
  const { source } = result;
  return [source.outlet, source.title, source.published, `¶${result.paragraph}`, source.url ?? source.file]
    .filter((part): part is string => !!part)
    .join(' · ');
}
