import 'dotenv/config';
import { CorpusFolderError } from './corpus/load.js';
import type { Verbatim } from './verbatim.js';
import { openCorpus } from './build/open.js';
import { progressReporter } from './build/progress.js';
import { runConsole } from './console.js';
import { readConfig, ConfigError, type Config } from './config.js';
import { startBot } from './discord/bot.js';
import { jsonLogger, errorFields } from './log.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, else the console mode (contracts §5). */
async function main(): Promise<number> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`verbatim: ${error.message}\n`);
    return 2;
  }
  let verbatim: Verbatim;
  try {
    const opened = await openCorpus(config.corpusDir, {
      cacheDir: config.cacheDir,
      progress: progressReporter(),
      note: (message) => process.stderr.write(`verbatim: ${message}\n`),
    });
    verbatim = opened.verbatim;
  } catch (error) {
    if (!(error instanceof CorpusFolderError)) throw error;
    process.stderr.write(`verbatim: ${error.message}\n`);
    return 2;
  }
  for (const failure of verbatim.index.failures) process.stderr.write(`skipped ${failure.file}: ${failure.reason}\n`);
  return config.token ? runBot(config, verbatim) : runConsoleMode(verbatim);
}

async function runConsoleMode(verbatim: Verbatim): Promise<number> {
  if (process.stdin.isTTY) {
    const { articles, speakers } = verbatim.index;
    process.stderr.write(`Verbatim console: ${articles.length} articles, ${speakers.speakers.length} speakers. Type /help, or a question. Ctrl-D ends.\n`);
  }
  await runConsole(verbatim, process.stdin, process.stdout);
  return 0;
}

async function runBot(config: Config, verbatim: Verbatim): Promise<number> {
  const log = jsonLogger();
  const client = await startBot(config, { verbatim: () => verbatim, log });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await client.destroy();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line for the person; the token never appears in a discord.js error message.
    const { err, code } = errorFields(error);
    process.stderr.write(`verbatim: ${String(err)}${code !== undefined ? ` (${String(code)})` : ''}\n`);
    process.exitCode = 1;
  },
);
