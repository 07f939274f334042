import 'dotenv/config';
import { CorpusFolderError } from './corpus/load.js';
import { Verbatim } from './verbatim.js';
import { runConsole } from './console.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, else the console mode (contracts §5). */
async function main(): Promise<number> {
  if (process.env.DISCORD_TOKEN) {
    process.stderr.write('The Discord client is not built yet (issue 3). Unset DISCORD_TOKEN to use the console mode.\n');
    return 1;
  }
  const corpusDir = process.env.CORPUS_DIR || 'corpus';
  let verbatim: Verbatim;
  try {
    verbatim = Verbatim.fromFolder(corpusDir);
  } catch (error) {
    if (!(error instanceof CorpusFolderError)) throw error;
    process.stderr.write(`verbatim: ${error.message}\n`);
    return 2;
  }
  for (const failure of verbatim.index.failures) process.stderr.write(`skipped ${failure.file}: ${failure.reason}\n`);
  if (process.stdin.isTTY) {
    const { articles, speakers } = verbatim.index;
    process.stderr.write(`Verbatim console: ${articles.length} articles, ${speakers.speakers.length} speakers. Type /help, or a question. Ctrl-D ends.\n`);
  }
  await runConsole(verbatim, process.stdin, process.stdout);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`verbatim: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
