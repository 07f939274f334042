import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { listArticleFiles, readArticle } from '../corpus/load.js';
import type { ArticleMeta } from '../corpus/types.js';
import { DuplicateFinder, type Duplicate } from './duplicates.js';
import { articleFileName, toMarkdown } from './write.js';

/**
 * The one writer of the corpus folder (contracts §1: files are only ever added). It knows the
 * articles already there, to refuse duplicates by canonical url or text, and keeps that
 * knowledge current cheaply: `refresh` reads only the files that are new or changed since it
 * last looked (by size and modification time) and forgets removed ones, so a long-running bot
 * that adds an article now and then does not read the whole corpus each time.
 *
 * A file is written whole or not at all: first to a hidden temporary file (the corpus reader
 * skips hidden files), flushed to disk, then linked to its final name, which fails rather than
 * overwrite when that name is taken. A crash leaves at most a hidden temporary file behind.
 */
export class CorpusWriter {
  private readonly finder = new DuplicateFinder();
  private readonly seen = new Map<string, string>();

  constructor(readonly dir: string, private readonly cwd = process.cwd()) {}

  private swept = false;

  /** Brings the known articles up to date with the folder; creates the folder when missing. */
  refresh(): void {
    mkdirSync(this.dir, { recursive: true });
    if (!this.swept) {
      this.sweep();
      this.swept = true;
    }
    const names = listArticleFiles(this.dir);
    const present = new Set<string>();
    for (const name of names) {
      const file = this.fileName(join(this.dir, name));
      present.add(file);
      let stamp: string;
      try {
        const stat = statSync(join(this.dir, name));
        stamp = `${stat.size}:${stat.mtimeMs}`;
      } catch {
        continue;
      }
      if (this.seen.get(file) === stamp) continue;
      this.seen.set(file, stamp);
      this.finder.remove(file);
      try {
        const article = readArticle(join(this.dir, name), file);
        this.finder.add({ file, url: article.meta.url, body: article.body });
      } catch {
        // An unreadable file is the corpus loader's to report; it is nobody's duplicate.
      }
    }
    for (const file of [...this.seen.keys()]) {
      if (!present.has(file)) {
        this.seen.delete(file);
        this.finder.remove(file);
      }
    }
  }

  /** The article already in the corpus that this one repeats, if any. */
  duplicateOf(candidate: { url: string | null; body: string }): Duplicate | null {
    return this.finder.find(candidate);
  }

  /** The corpus file whose canonical url is this url's, if any: lets a feed skip an item without fetching it. */
  fileWithUrl(url: string): string | null {
    return this.finder.fileWithUrl(url);
  }

  /** Writes the article as `<date>-<slug>.md` (never over another file); returns its path relative to cwd. */
  write(meta: ArticleMeta, body: string, extra: { fetched?: string } = {}): string {
    mkdirSync(this.dir, { recursive: true });
    const text = toMarkdown({ ...meta, ...extra }, body);
    const temporary = join(this.dir, `.verbatim-${randomBytes(6).toString('hex')}.tmp`);
    writeDurably(temporary, text);
    try {
      const path = linkToFreeName(temporary, this.dir, articleFileName(meta));
      const file = this.fileName(path);
      const stat = statSync(path);
      this.seen.set(file, `${stat.size}:${stat.mtimeMs}`);
      this.finder.add({ file, url: meta.url, body });
      return file;
    } finally {
      unlinkSync(temporary);
    }
  }

  /** Removes temporary files a crashed writer left behind (older than an hour, so never a live one). */
  sweep(now = Date.now()): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!/^\.verbatim-[0-9a-f]+\.tmp$/.test(name)) continue;
      const path = join(this.dir, name);
      try {
        if (now - statSync(path).mtimeMs > 3_600_000) unlinkSync(path);
      } catch {
        // Gone already.
      }
    }
  }

  private fileName(path: string): string {
    return relative(this.cwd, path).split(sep).join('/');
  }
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Links `temporary` to `name` in `dir`, or name-2, name-3, … when taken; the link is atomic and never overwrites. */
function linkToFreeName(temporary: string, dir: string, name: string): string {
  const stem = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? name : `${stem}-${n}.md`);
    try {
      linkSync(temporary, path);
      return path;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}
