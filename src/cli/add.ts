import 'dotenv/config';
import { parseArgs } from 'node:util';
import { addArticles, type AddResult } from '../ingest/add.js';

const USAGE = 'usage: npm run add -- [--corpus DIR] [--force] FILE...   (saved pages .html, or .md / .txt articles)';

/** `npm run add`: exit 0 when every file was added, 1 when any was refused or failed, 2 for bad usage. */
function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { corpus: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`add: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const corpus = parsed.values.corpus ?? (process.env.CORPUS_DIR || 'corpus');
  const results = addArticles(parsed.positionals, corpus, { force: parsed.values.force ?? false });
  for (const result of results) process.stdout.write(`${describe(result)}\n`);
  return results.every((r) => r.status === 'added') ? 0 : 1;
}

function describe(result: AddResult): string {
  if (result.status !== 'added') return `${result.status} ${result.source}: ${result.reason}`;
  const { meta } = result;
  const where = [meta.outlet, meta.published ?? 'no date'].filter(Boolean).join(', ');
  const who = result.speakers.map(([name, count]) => `${name} ${count}`).join(', ');
  return `added ${result.file}: “${meta.title}” (${where}): ${result.paragraphs} paragraphs, ${result.sentences} sentences, ` +
    `${result.statements} attributed statements${who ? ` (${who})` : ''}`;
}

process.exitCode = main(process.argv.slice(2));
