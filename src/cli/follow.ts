import 'dotenv/config';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { fetcherFor } from '../fetch/fetcher.js';
import { FeedsFileError, readFeedsFile } from '../feeds/feedsFile.js';
import { FeedFollower, describeRun } from '../feeds/follow.js';
import { FeedState } from '../feeds/state.js';
import { describeAdd, openWriter } from '../ingest/add.js';

const USAGE = 'usage: npm run follow -- [--feeds FILE] [--corpus DIR]   (reads every feed of FEEDS_FILE once and adds the new articles that match)';

/** `npm run follow` (contracts §6): exit 0 when it ran, even if a feed failed; 2 for bad usage or an unreadable feeds file. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  let config;
  try {
    parsed = parseArgs({ args: argv, options: { feeds: { type: 'string' }, corpus: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    config = readConfig();
  } catch (error) {
    process.stderr.write(`follow: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const feedsFile = parsed.values.feeds ?? config.feedsFile;
  let feeds;
  try {
    feeds = readFeedsFile(feedsFile);
  } catch (error) {
    if (!(error instanceof FeedsFileError)) throw error;
    process.stderr.write(`follow: ${error.message}\n`);
    return 2;
  }
  if (feeds === null) {
    process.stderr.write(`follow: no feeds file at ${feedsFile} (set FEEDS_FILE, or write one as the README shows)\n`);
    return 2;
  }
  const state = FeedState.at(config.cacheDir).open();
  if (state.problem) process.stderr.write(`follow: ${state.problem}\n`);
  const follower = new FeedFollower({
    fetcher: fetcherFor(config),
    writer: openWriter(parsed.values.corpus ?? config.corpusDir),
    state,
  });
  // One feed after another: the fetcher keeps each host polite, and the output stays readable.
  for (const feed of feeds) {
    const run = await follower.read(feed);
    process.stdout.write(`${describeRun(run)}\n`);
    for (const result of run.results) process.stdout.write(`  ${describeAdd(result)}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`follow: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
