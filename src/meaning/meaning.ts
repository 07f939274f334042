import { existsSync } from 'node:fs';
import { compileVectors, compiledPath, openVectors, type WordVectors } from './vectors.js';
import { compileLemmaTable, openLemmaTable, type LemmaTable } from './lemmaTable.js';

/**
 * The word vectors this process has loaded, shared by every index it serves. Null until an
 * entry point prepares them (the bot, the console, `ask`, `eval`): a library user or a test
 * gets the same answers on every machine, whatever a cache folder happens to hold.
 */
let loaded: WordVectors | null = null;
// Compiled vectors found by prepareVectors, opened when a topic question first needs them.
let pending: string | null = null;

export function currentVectors(): WordVectors | null {
  if (pending !== null) {
    const dir = pending;
    pending = null;
    loaded = openVectors(dir);
  }
  return loaded;
}

/** Sets (or, with null, clears) the vectors in use: for tests, and for prepareVectors. */
export function useVectors(vectors: WordVectors | null): void {
  loaded = vectors;
  pending = null;
}

// The lemma table (see lemmaTable.ts) changes no answer, only how soon the first topic question
// of a process is answered.
let lemmas: LemmaTable | null = null;

export function currentLemmaTable(): LemmaTable | null {
  return lemmas;
}

/** Opens the lemma table under `cacheDir` (~10 ms), working it out from the vectors' words (on a worker thread) when it is missing or damaged. */
async function prepareLemmaTable(cacheDir: string): Promise<void> {
  lemmas = openLemmaTable(cacheDir);
  const words = lemmas ? undefined : currentVectors()?.words;
  if (words) lemmas = await compileLemmaTable(cacheDir, words);
}

/**
 * Makes the compiled vectors under `cacheDir` the ones in use, compiling them from the installed
 * package the first time (about 2 s, in slices that yield when `pause` is given). Compiled ones
 * are opened on first use (about 0.1 s), so a process that answers only speaker questions never
 * reads them. On failure (a read-only cache, a damaged package) topic questions go on without
 * them; the reason is returned.
 */
export async function prepareVectors(cacheDir: string, pause?: () => Promise<void>): Promise<{ compiled: boolean; error?: string }> {
  try {
    if (existsSync(compiledPath(cacheDir))) {
      loaded = null;
      pending = cacheDir;
      await prepareLemmaTable(cacheDir);
      return { compiled: false };
    }
    loaded = await compileVectors(cacheDir, pause);
    pending = null;
    await prepareLemmaTable(cacheDir);
    return { compiled: true };
  } catch (error) {
    return { compiled: false, error: error instanceof Error ? error.message : String(error) };
  }
}
