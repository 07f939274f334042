import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname, basename, sep } from 'node:path';
import { parseFrontMatter } from './frontMatter.js';
import { ARTICLE_EXTENSIONS, listFiles } from './files.js';
import type { Article, ArticleMeta, LoadedCorpus, LoadFailure } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown when the corpus folder itself cannot be read (the CLI turns it into exit 2). */
export class CorpusFolderError extends Error {}

/**
 * Loads every `.md` and `.txt` article below `dir` (recursively, in a stable order).
 * A file that cannot be served is listed in `failures` with its reason and never stops the others.
 */
export function loadCorpus(dir: string, cwd = process.cwd()): LoadedCorpus {
  return readArticles(dir, listArticleFiles(dir), cwd);
}

/** The article files below `dir`, relative to it, in load order; throws CorpusFolderError for a missing folder. */
export function listArticleFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CorpusFolderError(`corpus folder not found: ${dir}`);
  }
  return listFiles(dir, ARTICLE_EXTENSIONS);
}

/**
 * Reads the named article files of `dir`. Each is named in the result as a path relative to
 * `cwd`; one that cannot be served is listed in `failures` with its reason and never stops the others.
 */
export function readArticles(dir: string, names: readonly string[], cwd = process.cwd()): LoadedCorpus {
  const articles: Article[] = [];
  const failures: LoadFailure[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(cwd, path).split(sep).join('/');
    try {
      articles.push(readArticle(path, file));
    } catch (error) {
      failures.push({ file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { articles, failures };
}

/** Reads one article file; throws an Error whose message is the reason it cannot be served. */
export function readArticle(path: string, file: string): Article {
  const text = decodeText(readFileSync(path));
  const isMarkdown = extname(path).toLowerCase() === '.md';
  const { meta, body } = isMarkdown ? splitMarkdown(text) : splitPlainText(text, path);
  if (body.trim() === '') throw new Error('empty body');
  return { file, meta, body };
}

/** UTF-8 only; a BOM is dropped and CRLF/CR line ends become LF. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new Error('not UTF-8 text');
  }
  if (text.includes('\u0000')) throw new Error('not a text file (contains NUL bytes)');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function splitMarkdown(text: string): { meta: ArticleMeta; body: string } {
  const { data, body } = parseFrontMatter(text);
  const title = metaString(data.title);
  if (!title) throw new Error('front matter has no title');
  return { meta: toMeta(data, title), body };
}

// A first line this short with no final period reads as a headline, not as a sentence.
const MAX_TITLE_LENGTH = 150;

function splitPlainText(text: string, path: string): { meta: ArticleMeta; body: string } {
  const sidecar = readSidecar(path);
  const newline = text.indexOf('\n');
  const firstLine = (newline === -1 ? text : text.slice(0, newline)).trim();
  const looksLikeTitle =
    firstLine.length > 0 && firstLine.length <= MAX_TITLE_LENGTH && !/[.!?…:]["”’)]?$/.test(firstLine) && newline !== -1;
  // Contracts §1: the whole file is the body, title line included (paragraph numbers count it).
  const body = text;
  const title = metaString(sidecar.title) ?? (looksLikeTitle ? firstLine : basename(path, extname(path)));
  return { meta: toMeta(sidecar, title), body };
}

/** Metadata for `NAME.txt` may sit beside it in `NAME.json`. */
function readSidecar(path: string): Record<string, unknown> {
  const sidecarPath = path.slice(0, -extname(path).length) + '.json';
  if (!existsSync(sidecarPath)) return {};
  let data: unknown;
  try {
    data = JSON.parse(decodeText(readFileSync(sidecarPath)));
  } catch (error) {
    throw new Error(`bad metadata in ${basename(sidecarPath)}: ${error instanceof Error ? error.message : error}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`bad metadata in ${basename(sidecarPath)}: expected an object`);
  }
  return data as Record<string, unknown>;
}

function toMeta(data: Record<string, unknown>, title: string): ArticleMeta {
  return {
    title,
    outlet: metaString(data.outlet),
    url: metaString(data.url),
    published: metaDate(data.published),
    author: metaString(data.author),
  };
}

function metaString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

/** Keeps ISO dates as written; a YAML timestamp parsed into a Date becomes `YYYY-MM-DD`. */
function metaDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return metaString(value);
}
