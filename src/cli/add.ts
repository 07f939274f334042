import 'dotenv/config';
import { parseArgs } from 'node:util';
import { addSources, describeAdd } from '../ingest/add.js';
import { configOrComplain } from '../config.js';
import { fetcherFor } from '../fetch/fetcher.js';

const USAGE = 'usage: npm run add -- [--corpus DIR] [--force] URL|FILE...   (http(s) urls, saved pages .html, or .md / .txt articles)';

/** `npm run add`: exit 0 when every source was added, 1 when any was refused or failed, 2 for bad usage. */
async function main(argv: string[]): Promise<number> {
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
  const config = configOrComplain('add');
  if (!config) return 2;
  const corpus = parsed.values.corpus ?? config.corpusDir;
  const results = await addSources(parsed.positionals, corpus, { force: parsed.values.force ?? false, fetcher: fetcherFor(config) });
  for (const result of results) process.stdout.write(`${describeAdd(result)}\n`);
  return results.every((r) => r.status === 'added') ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`add: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
