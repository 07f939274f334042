import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { CORPUS_EXTENSIONS, listFiles } from '../corpus/files.js';

/** The corpus's files (articles and their .json metadata), relative to `dir`, in a stable order. */
export function corpusFiles(dir: string): string[] {
  return listFiles(dir, CORPUS_EXTENSIONS);
}

/**
 * A fingerprint of the corpus files' paths, sizes and modification times: cheap to compute
 * (no file is read). When it is unchanged since the content key was last computed, that key
 * still holds, as git's index trusts unchanged stat data.
 */
export function statFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of corpusFiles(dir)) {
    const { size, mtimeMs, ino } = statSync(`${dir}/${file}`);
    hash.update(`${file}\0${size}\0${mtimeMs}\0${ino}\n`);
  }
  return hash.digest('hex');
}
