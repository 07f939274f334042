import { readEarly, rememberedKey, type EarlyRead } from './snapshot.js';

/**
 * A read a process starts before it loads the rest of itself: the snapshot it opened last time
 * is read on another thread while this one loads its modules (discord.js alone takes ~0.5 s),
 * and openCorpus finds it done or nearly. Nothing is trusted on that account: openCorpus still
 * checks the corpus files against the snapshot's key, and the bytes against their checksum.
 * (Checking the files' stat data on a third thread too was measured: on 2 cores it gained
 * nothing, the threads only took turns.)
 */
export function startEarly(cacheDir: string): EarlyRead | null {
  const remembered = rememberedKey(cacheDir);
  return remembered ? readEarly(cacheDir, remembered.key) : null;
}
