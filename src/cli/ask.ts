import { parseArgs } from 'node:util';
import type { Verbatim } from '../verbatim.js';
import { FilterError, parseFilters, type Filters } from '../search/filters.js';
import { startEarly } from '../build/early.js';

const USAGE = 'usage: npm run --silent ask -- [--corpus DIR] [--limit N] [--since DATE] [--until DATE] [--outlet NAME]... [--json] QUESTION...';

interface AskOptions {
  corpus: string;
  /** Undefined: Verbatim's default. */
  limit: number | undefined;
  json: boolean;
  question: string;
  filters: Filters;
}

class UsageError extends Error {}

function parseOptions(argv: string[]): AskOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        corpus: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        since: { type: 'string' }, until: { type: 'string' }, outlet: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new UsageError(`--limit must be a whole number, got "${values.limit}"`);
  let filters: Filters;
  try {
    filters = parseFilters({ since: values.since, until: values.until, outlets: values.outlet ?? [] });
  } catch (error) {
    if (error instanceof FilterError) throw new UsageError(error.message);
    throw error;
  }
  return {
    filters,
    // An empty CORPUS_DIR (as a fresh .env leaves it) means the default.
    corpus: values.corpus ?? (process.env.CORPUS_DIR || 'corpus'),
    limit,
    json: values.json ?? false,
    question: positionals.join(' '),
  };
}

async function main(argv: string[]): Promise<number> {
  let options: AskOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `ask: ${error.message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  // The snapshot is read on another thread while the rest of Verbatim loads (see main.ts).
  const cacheDir = readCacheDir();
  const early = startEarly(cacheDir);
  const [{ CorpusFolderError }, { openCorpus }, { progressReporter, silentProgress }, { toContractJson }, { renderAnswerText }, { prepareVectors }] = await Promise.all([
    import('../corpus/load.js'), import('../build/open.js'), import('../build/progress.js'), import('../answer.js'), import('../render/text.js'), import('../meaning/meaning.js'),
  ]);
  let verbatim: Verbatim;
  try {
    const opened = await openCorpus(options.corpus, {
      early,
      cacheDir,
      // Progress only for a person watching; scripts reading --json get stdout alone anyway.
      progress: process.stderr.isTTY ? progressReporter() : silentProgress,
      note: (message) => process.stderr.write(`ask: ${message}\n`),
    });
    verbatim = opened.verbatim;
  } catch (error) {
    if (!(error instanceof CorpusFolderError)) throw error;
    process.stderr.write(`ask: ${error.message}\n`);
    return 2;
  }
  for (const failure of verbatim.index.failures) process.stderr.write(`skipped ${failure.file}: ${failure.reason}\n`);
  const prepared = await prepareVectors(cacheDir);
  if (prepared.error) process.stderr.write(`ask: word vectors unavailable (${prepared.error}): answering without them\n`);
  const answer = verbatim.ask(options.question, options.limit, 0, options.filters);
  process.stdout.write(options.json ? `${JSON.stringify(toContractJson(answer))}\n` : renderAnswerText(answer));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Never a stack trace for the user: one line, and the details only when asked for.
    process.stderr.write(`ask: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  },
);

/** CACHE_DIR (contracts §3), default .cache in the working directory. */
function readCacheDir(): string {
  return process.env.CACHE_DIR?.trim() || '.cache';
}
