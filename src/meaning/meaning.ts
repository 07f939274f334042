import { compileVectors, openVectors, type WordVectors } from './vectors.js';
import { sharedExpander } from './expand.js';

/**
 * The word vectors this process has loaded, shared by every index it serves. Null until an
 * entry point prepares them (the bot, the console, `ask`, `eval`): a library user or a test
 * gets the same answers on every machine, whatever a cache folder happens to hold.
 */
let loaded: WordVectors | null = null;

export function currentVectors(): WordVectors | null {
  return loaded;
}

/** Sets (or, with null, clears) the vectors in use: for tests, and for prepareVectors. */
export function useVectors(vectors: WordVectors | null): void {
  loaded = vectors;
}

/**
 * Opens the compiled vectors under `cacheDir`, compiling them from the installed package the
 * first time (about 2 s, in slices that yield when `pause` is given). On failure (a read-only
 * cache, a damaged package) topic questions go on without them; the reason is returned.
 */
/** Loads what the first topic question would otherwise wait for (the lemmatizer's lists, WordNet's indexes). */
export function warmUp(): void {
  sharedExpander().neighbours('meeting');
}

export async function prepareVectors(cacheDir: string, pause?: () => Promise<void>): Promise<{ vectors: WordVectors | null; compiled: boolean; error?: string }> {
  try {
    const opened = openVectors(cacheDir);
    if (opened) {
      loaded = opened;
      return { vectors: opened, compiled: false };
    }
    loaded = await compileVectors(cacheDir, pause);
    return { vectors: loaded, compiled: true };
  } catch (error) {
    return { vectors: null, compiled: false, error: error instanceof Error ? error.message : String(error) };
  }
}
