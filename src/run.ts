import { CorpusFolderError } from './corpus/load.js';
import type { Verbatim } from './verbatim.js';
import { openCorpus } from './build/open.js';
import { progressReporter } from './build/progress.js';
import { runConsole } from './console.js';
import type { Config } from './config.js';
import type { EarlyRead } from './build/snapshot.js';
import { startBot } from './discord/bot.js';
import { createLogger, type Logger } from './log.js';
import { CorpusReloader } from './reload.js';
import { Intake } from './intake.js';
import { prepareVectors } from './meaning/meaning.js';
import { pause } from './pause.js';
import { runInteractions } from './http/serve.js';
import type { EarlyWatch } from './corpus/watch.js';

/**
 * `npm start` (after main.ts has started the early read): HTTP interactions with
 * DISCORD_PUBLIC_KEY (contracts §7), else the gateway bot with DISCORD_TOKEN, else the console
 * mode (contracts §5). Returns the exit code. `watch`, begun before the corpus was opened, is
 * handed to the reloader; however the run ends, it is closed (a watch left open keeps the
 * process alive).
 */
export async function run(config: Config, early: EarlyRead | null, watch: EarlyWatch | null = null): Promise<number> {
  try {
    return await runMode(config, early, watch);
  } finally {
    watch?.close();
  }
}

async function runMode(config: Config, early: EarlyRead | null, watch: EarlyWatch | null): Promise<number> {
  if (config.publicKey) {
    // Interactions over HTTP: the endpoint answers (PING, /healthz) while the index opens.
    const log = createLogger(config.logLevel);
    void prepareVectors(config.cacheDir, pause).then((prepared) => reportVectors(prepared, (message) => log.info({}, message)));
    try {
      return await runInteractions({ ...config, publicKey: config.publicKey }, log, async (onReloaded) => {
        const verbatim = await openVerbatim(config, early);
        // Ready means answering at full speed: what a topic question loads once (the word vectors,
        // the lemma table, WordNet's indexes: ~0.25 s) is loaded before /healthz says ready.
        verbatim.ask('Where were the talks held?', 5);
        const reloader = new CorpusReloader(config.corpusDir, verbatim, { cacheDir: config.cacheDir, log, onReloaded });
        reloader.watch(watch);
        return { reloader, intake: new Intake(config, log).start() };
      });
    } catch (error) {
      if (!(error instanceof CorpusFolderError)) throw error;
      process.stderr.write(`verbatim: ${error.message}\n`);
      return 2;
    }
  }
  let verbatim: Verbatim;
  try {
    verbatim = await openVerbatim(config, early);
  } catch (error) {
    if (!(error instanceof CorpusFolderError)) throw error;
    process.stderr.write(`verbatim: ${error.message}\n`);
    return 2;
  }
  const log = createLogger(config.logLevel);
  // Articles added, edited or removed while running are picked up without a restart.
  const reloader = new CorpusReloader(config.corpusDir, verbatim, { cacheDir: config.cacheDir, log });
  reloader.watch(watch);
  // New articles from /add and the feeds are written to the corpus folder; the watcher indexes them.
  const intake = new Intake(config, log).start();
  try {
    if (config.token) {
      // The bot answers at once; topic questions use the word vectors from the moment they are ready.
      // No warm-up of the lemmatizer here: loading it holds the event loop ~0.2 s, and a signal
      // that finds the loop held that long is not handled gracefully; the first topic question pays it.
      void prepareVectors(config.cacheDir, pause).then((prepared) => reportVectors(prepared, (message) => log.info({}, message)));
      return await runBot(config, reloader, intake, log);
    }
    reportVectors(await prepareVectors(config.cacheDir), (message) => process.stderr.write(`verbatim: ${message}\n`));
    return await runConsoleMode(reloader);
  } finally {
    await intake.stop();
    await reloader.close();
  }
}

/** Opens the corpus (from its snapshot, else by building it), with progress on stderr; throws CorpusFolderError for a missing folder. */
async function openVerbatim(config: Config, early: EarlyRead | null): Promise<Verbatim> {
  const opened = await openCorpus(config.corpusDir, {
    cacheDir: config.cacheDir,
    early,
    progress: progressReporter(),
    note: (message) => process.stderr.write(`verbatim: ${message}\n`),
  });
  for (const failure of opened.verbatim.index.failures) process.stderr.write(`skipped ${failure.file}: ${failure.reason}\n`);
  return opened.verbatim;
}

/** Says when the word vectors were compiled (the first run) or could not be had; silent otherwise. */
function reportVectors(prepared: Awaited<ReturnType<typeof prepareVectors>>, say: (message: string) => void): void {
  if (prepared.error) say(`word vectors unavailable (${prepared.error}): topic questions are answered without them`);
  else if (prepared.compiled) say('word vectors compiled into the cache (once per installation)');
}

async function runConsoleMode(reloader: CorpusReloader): Promise<number> {
  if (process.stdin.isTTY) {
    const { articles, speakers } = reloader.current().index;
    process.stderr.write(`Verbatim console: ${articles.length} articles, ${speakers.speakers.length} speakers. Type /help, or a question. Ctrl-D ends.\n`);
  }
  // `npm start -- --json`: one JSON object a line (contracts §5), for scripts and outside checks.
  await runConsole(() => reloader.current(), process.stdin, process.stdout, { json: process.argv.slice(2).includes('--json') });
  return 0;
}

async function runBot(config: Config, reloader: CorpusReloader, intake: Intake, log: Logger): Promise<number> {
  // Listened for before logging in: a signal that comes while the bot starts (it may already be
  // answering) stops it once started, instead of killing it mid-reply.
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const bot = await startBot(config, { verbatim: () => reloader.current(), log, reindex: () => reloader.reload(), addUrl: (url) => intake.addUrl(url) });
  const signal = await stopped;
  log.info({ signal }, 'shutting down');
  await bot.stop();
  // Replies are finished and logs written (synchronously): a reconnect timer left behind by an
  // unreachable Discord must not keep the process from exiting.
  setTimeout(() => process.exit(0), 500).unref();
  return 0;
}
