import 'dotenv/config';
import { configOrComplain } from './config.js';
import { startEarly } from './build/early.js';
import { EarlyWatch } from './corpus/watch.js';

/**
 * `npm start`. Only the configuration and the early read load first: the snapshot opened last
 * time is read on another thread while the rest of Verbatim loads (run.ts with discord.js,
 * ~0.7 s), so a restart is ready sooner.
 */
async function main(): Promise<number> {
  const config = configOrComplain('verbatim');
  if (!config) return 2;
  const early = startEarly(config.cacheDir);
  // Watched from now, before the corpus is looked at: a change made while it opens is not missed.
  const watch = EarlyWatch.start(config.corpusDir);
  try {
    const { run } = await import('./run.js');
    return await run(config, early, watch);
  } finally {
    watch?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    // One line for the person; the token never appears in a discord.js error message.
    const { errorFields } = await import('./log.js');
    const { err, code } = errorFields(error);
    process.stderr.write(`verbatim: ${String(err)}${code !== undefined ? ` (${String(code)})` : ''}\n`);
    process.exitCode = 1;
  },
);
