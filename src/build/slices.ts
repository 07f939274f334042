/**
 * The analysis of the corpus by slices of articles (see partCache.ts), shared by the one-off
 * builder and the long-lived indexer: on helper threads, or on the calling thread for a few.
 */
import { readArticles } from '../corpus/load.js';
import type { LoadFailure } from '../corpus/types.js';
import { analyzePart, type Part } from './part.js';
import { loadPart, savePart, sliceKey, type SavedPart } from './partCache.js';
import type { IndexData } from './assemble.js';
import { rememberKey, saveSnapshot, type PackedIndex } from './snapshot.js';
import { startBuildThread } from './threads.js';
import type { FileDigests } from './fileDigests.js';

/**
 * A helper reads its slice of files itself: loading runs in parallel too, and no text is copied
 * to it. With a cache folder it reads the slice's saved analysis when its articles are unchanged
 * (see partCache.ts), and saves the analysis it makes.
 */
export type HelperRequest = { id: number; dir: string; files: string[]; cacheDir?: string };
export type HelperReply = { id: number; part: Part; failures: LoadFailure[]; key: string | null; cached: boolean } | { id: number; error: string };


/** A slice's analysis, the key it is saved under in CACHE_DIR (null without one), and whether it was read back from there. */
export type SliceAnalysis = SavedPart & { key: string | null; cached: boolean };

/** One slice's analysis: read back from CACHE_DIR when its files are unchanged, else made (and saved there). */
export function analyzeSlice(dir: string, files: readonly string[], cacheDir: string | undefined, digests?: FileDigests): SliceAnalysis {
  const key = cacheDir ? sliceKey(dir, files, process.cwd(), digests) : null;
  const saved = cacheDir && key ? loadPart(cacheDir, key) : null;
  const { part, failures } = saved ?? analyzeFiles(dir, files);
  if (cacheDir && key && !saved) saveQuietly(cacheDir, key, { part, failures });
  return { part, failures, key, cached: saved !== null };
}

/** Runs the slices on `threads` helpers, in any order; returns the parts and failures in corpus order. */
export async function analyzeSlices(dir: string, slices: readonly (readonly string[])[], threads: number, cacheDir: string | undefined, progress: (files: number) => void): Promise<SliceAnalysis[]> {
  const analyses: SliceAnalysis[] = new Array(slices.length);
  let next = 0;
  let filesDone = 0;
  const helpers = Array.from({ length: Math.max(1, Math.min(threads, slices.length)) }, () => startBuildThread({ role: 'helper' }));
  try {
    await Promise.all(helpers.map((helper) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= slices.length) return resolve();
        const id = next++;
        helper.postMessage({ id, dir, files: [...(slices[id] ?? [])], ...(cacheDir ? { cacheDir } : {}) } satisfies HelperRequest);
      };
      helper.on('message', (reply: HelperReply) => {
        if ('error' in reply) return reject(new Error(reply.error));
        analyses[reply.id] = { part: reply.part, failures: reply.failures, key: reply.key, cached: reply.cached };
        filesDone += slices[reply.id]?.length ?? 0;
        progress(filesDone);
        send();
      });
      helper.on('error', reject);
      send();
    })));
  } finally {
    await Promise.all(helpers.map((helper) => helper.terminate()));
  }
  return analyses;
}

function analyzeFiles(dir: string, files: readonly string[]): SavedPart {
  const { articles, failures } = readArticles(dir, files);
  return { part: analyzePart(articles), failures };
}

/** A part that cannot be saved (a full or read-only cache) is only analysed again next time. */
function saveQuietly(cacheDir: string, key: string, saved: SavedPart): void {
  try {
    savePart(cacheDir, key, saved);
  } catch {
    // Nothing lost but time.
  }
}

/**
 * Saves the snapshot from the build thread, so the thread that serves never writes hundreds of
 * megabytes; only when `unchanged` (the caller looked again: no file changed during the build),
 * so that the key describes exactly what was built. `fingerprint` is the stat fingerprint the key
 * is remembered for (see cachedCorpusKey), taken while the key still held.
 */
export function saveIfUnchanged(cacheDir: string, key: string, fingerprint: string, unchanged: boolean, data: IndexData | PackedIndex, note: (message: string) => void): void {
  if (!unchanged) {
    note('the corpus changed during the build: no snapshot saved');
    return;
  }
  try {
    saveSnapshot(cacheDir, key, data);
    rememberKey(cacheDir, fingerprint, key);
  } catch (error) {
    note(`could not save a snapshot in ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
