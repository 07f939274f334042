/**
 * Property-based checks of hostile input (fast-check): questions anyone could paste, and corpus
 * files in any state. Shared by the test suite (a few hundred cases) and `npm run fuzz` (many).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ask from '../../commands/ask.js';
import * as quotes from '../../commands/quotes.js';
import * as sources from '../../commands/sources.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { CorpusIndex } from '../../src/search/corpusIndex.js';
import { Verbatim } from '../../src/verbatim.js';
import { renderContext, type Reply } from '../../src/discord/render.js';
import { toReplyOptions } from '../../src/discord/respond.js';
import { checkChoices, checkMessage } from '../fake-discord/rules.js';

// Text users paste, piece by piece: mentions, markdown, links, regex syntax, direction and
// combining marks, control characters, and words the test corpus really holds.
const HOSTILE = [
  '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>',
  '</ask:123456789012345678>', '<t:1700000000:R>', 'https://example.com/a?b=c#d', '[link](https://example.com)', '**', '__', '~~',
  '`', '```', '||', '> ', '# ', '- ', '1. ', '\\', '.*+?^${}()|[]', '(?<x>a)', '\u202e', '\u200f', '\u200b', '\ufeff', '\u0301', '\u0000',
  '\u0007', '\u001b[31m', '\r\n', '\n', '\t', '\u00a0', '😀', '👩🏽‍💻', 'İ', 'ß', 'Σ', '“', '”', '"', "'", '‘', '’', '«', '»',
  'what did', 'say', 'about', 'who said', 'Falkberg', 'falkbreg', 'Halvorsen', 'the chief negotiator', 'border', 'crossings', 'drones', 'ceasefire',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  // Lone surrogates and other code units no grapheme generator makes.
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 }).map((units) => String.fromCharCode(...units)) },
);

/** A question: pieces joined by spaces or nothing, now and then as long as Discord allows (6000). */
export const question = fc.oneof(
  { weight: 8, arbitrary: fc.array(piece, { maxLength: 30 }).chain((parts) => fc.constantFrom(' ', '').map((glue) => parts.join(glue))) },
  { weight: 1, arbitrary: fc.array(piece, { minLength: 400, maxLength: 800 }).map((parts) => parts.join(' ').slice(0, 6000)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/** What a reply must never do: break a Discord limit, or be able to ping anyone. */
export function replyProblems(reply: Reply): string[] {
  const options = toReplyOptions(reply);
  const body = { content: options.content, embeds: reply.embeds, components: reply.components, allowed_mentions: options.allowedMentions };
  const problems = checkMessage(body).map((p) => `${p.path}: ${p.message}`);
  const allowed = options.allowedMentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } | undefined;
  if (!allowed || !Array.isArray(allowed.parse) || allowed.parse.length > 0 || allowed.users?.length || allowed.roles?.length) problems.push('allowed_mentions could ping');
  const texts = [options.content ?? '', ...reply.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''])];
  for (const text of texts) if (/@(everyone|here)\b|(?<!\\)<@[!&]?\d+>/.test(text)) problems.push(`a live mention in "${text.slice(0, 80)}"`);
  return problems;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Everything a question can produce: the answer, its pages, /quotes with it as speaker and
 * topic, autocomplete, and the context of each result. Returns the problems found (none is a pass).
 * `bodies` are the article texts as loaded from disk, independently of the index.
 */
export function questionProblems(verbatim: Verbatim, bodies: Map<string, string>, text: string): string[] {
  const problems: string[] = [];
  const answer = verbatim.ask(text, 5);
  for (const result of answer.results) {
    const body = bodies.get(result.source.file);
    if (!body || !collapse(body).includes(collapse(result.text))) problems.push(`not verbatim: "${result.text.slice(0, 80)}" in ${result.source.file}`);
  }
  const replies = [
    ask.reply(verbatim, text, false), ask.reply(verbatim, text, true, 5), quotes.reply(verbatim, text, text, false),
    ...answer.results.flatMap((r) => {
      const located = verbatim.locatorOf(r.sentenceId);
      const context = located ? verbatim.contextOf(located) : null;
      return context ? [renderContext(context)] : [];
    }),
  ];
  for (const reply of replies) problems.push(...replyProblems(reply));
  problems.push(...checkChoices({ choices: quotes.choices(verbatim, text) }).map((p) => `choices ${p.path}: ${p.message}`));
  return problems;
}

// ---- corpus files -------------------------------------------------------------------------

const PROSE = [
  '“We will not sign,” said Ilse Varnhagen.', '"The border stays open," Teodor Brankovic told reporters.', 'Ilse Varnhagen said the talks were useful.',
  '“An unclosed quote', 'a stray ” closing', '“Nested ‘single’ and "straight" quotes,” she said.', "''Two apostrophes,'' said Mara Quist.",
  'According to Teodor Brankovic, nothing changed.', '— Mara Quist', 'Dr. J. R. Okafor, 61, said: “Fine.”', '«Guillemets», dit-il.',
  'Ms. Quist added that “the vote', 'will wait.”', '...', '—', '(', ')', ',', '.', '\n\n', '\n', '\r\n', ' ', '\t',
];

/** An article file's bytes: prose pieces, hostile pieces, optional front matter, BOM, CRLF, or random bytes. */
export const articleBytes = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    frontMatter: fc.boolean(), bom: fc.boolean(), crlf: fc.boolean(),
    parts: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: piece }), { maxLength: 60 }),
  }).map(({ frontMatter, bom, crlf, parts }) => {
    let text = (frontMatter ? '---\ntitle: A fuzzed article\noutlet: The Test Wire\npublished: 2025-02-18\n---\n' : '') + parts.join(' ');
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
  }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constantFrom('---\ntitle: [unclosed\n---\nBody.', '---\n---\n', '', '---\ntitle: x\n', '\n\n\n').map((t) => Buffer.from(t)) },
);

/** A corpus of a few such files, some .md and some .txt. */
export const corpusFiles = fc.array(fc.record({ bytes: articleBytes, markdown: fc.boolean() }), { minLength: 1, maxLength: 4 });

/** Loads, indexes and questions a corpus written from `files`; returns the problems found. */
export function corpusProblems(files: { bytes: Buffer; markdown: boolean }[], questions: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-fuzz-'));
  try {
    files.forEach((file, i) => writeFileSync(join(dir, `article-${i}.${file.markdown ? 'md' : 'txt'}`), file.bytes));
    const corpus = loadCorpus(dir);
    const verbatim = new Verbatim(CorpusIndex.build(corpus), { onDropped: (d) => { throw new Error(`withheld: ${d.reason}`); } });
    const bodies = new Map(corpus.articles.map((a) => [a.file, a.body]));
    const problems = replyProblems(sources.reply(verbatim));
    for (const text of ['what did Ilse Varnhagen say', 'what did Brankovic say', 'who said', 'border', ...questions]) problems.push(...questionProblems(verbatim, bodies, text));
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
