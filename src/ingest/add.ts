import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { analyzeArticle } from '../attribution/attribute.js';
import { readArticle } from '../corpus/load.js';
import type { ArticleMeta } from '../corpus/types.js';
import { decodeHtml } from '../fetch/charset.js';
import { FetchError, type Fetcher } from '../fetch/fetcher.js';
import { CorpusWriter } from './corpusWriter.js';
import { extractArticle, NotAnArticle } from './extract.js';
import { fetchArticle } from './fromUrl.js';

/** What became of one file or url given to `npm run add`, `/add` or the feed follower. */
export type AddResult =
  | { source: string; status: 'added'; file: string; meta: ArticleMeta; paragraphs: number; sentences: number; statements: number; speakers: [name: string, statements: number][] }
  | { source: string; status: 'refused' | 'failed'; reason: string };

export interface AddOptions {
  /** Add even when the article repeats one already in the corpus. */
  force?: boolean;
  cwd?: string;
  /** Needed for urls. */
  fetcher?: Fetcher;
}

const HTML = new Set(['.html', '.htm']);
const TEXT = new Set(['.md', '.txt']);

/**
 * Adds saved web pages (.html), Markdown and plain-text articles to the corpus folder, each as
 * `<date>-<slug>.md` in the contract format. An article whose canonical url is already in the
 * corpus, or whose text nearly matches one already there, is refused with the existing file's
 * name unless `force`. Files are handled in order, so a second copy in the same run is refused too.
 */
export function addArticles(paths: readonly string[], corpusDir: string, options: AddOptions = {}): AddResult[] {
  const writer = openWriter(corpusDir, options);
  return paths.map((source) => settle(source, () => addArticle(writer, source, readSource(source), options)));
}

/** As addArticles, for any mix of files and http(s) urls (fetched one after another through `options.fetcher`). */
export async function addSources(sources: readonly string[], corpusDir: string, options: AddOptions = {}): Promise<AddResult[]> {
  const writer = openWriter(corpusDir, options);
  const results: AddResult[] = [];
  for (const source of sources) results.push(await addSource(writer, source, options));
  return results;
}

/**
 * One file or url through an open writer (the bot and the feed follower keep one, and refresh
 * it before a batch: the writer knows what it wrote itself). Never throws.
 */
export async function addSource(writer: CorpusWriter, source: string, options: AddOptions = {}): Promise<AddResult> {
  if (!isUrl(source)) return settle(source, () => addArticle(writer, source, readSource(source), options));
  const fetcher = options.fetcher;
  if (!fetcher) return { source, status: 'failed', reason: 'urls cannot be fetched here' };
  try {
    // Checked before fetching, so the same page is never fetched twice.
    const known = writer.fileWithUrl(source);
    if (known && !options.force) return { source, status: 'refused', reason: `already in the corpus as ${known}: the same url (add --force to add it anyway)` };
    const page = await fetchArticle(fetcher, source);
    return settle(source, () => addArticle(writer, source, page, options));
  } catch (error) {
    return failure(source, error);
  }
}

/** One line per source: what was added, with its counts, or what was not and why. */
export function describeAdd(result: AddResult): string {
  if (result.status !== 'added') return `${result.status} ${result.source}: ${result.reason}`;
  const { meta } = result;
  const where = [meta.outlet, meta.published ?? 'no date'].filter(Boolean).join(', ');
  const who = result.speakers.map(([name, count]) => `${name} ${count}`).join(', ');
  return `added ${result.file}: “${meta.title}” (${where}): ${result.paragraphs} paragraphs, ${result.sentences} sentences, ` +
    `${result.statements} attributed statements${who ? ` (${who})` : ''}`;
}

/** A writer that knows the corpus as it is now. */
export function openWriter(corpusDir: string, options: Pick<AddOptions, 'cwd'> = {}): CorpusWriter {
  const writer = new CorpusWriter(corpusDir, options.cwd ?? process.cwd());
  writer.refresh();
  return writer;
}

/** "http://…" or "https://…" (any case), or anything else with a scheme that is not a Windows drive: a url, to be checked by the fetcher. */
export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source.trim());
}

function settle(source: string, add: () => AddResult): AddResult {
  try {
    return add();
  } catch (error) {
    return failure(source, error);
  }
}

function failure(source: string, error: unknown): AddResult {
  if (error instanceof NotAnArticle) return { source, status: 'refused', reason: error.message };
  if (error instanceof FetchError) return { source, status: /^(refused|not fetched|not a url)/.test(error.message) ? 'refused' : 'failed', reason: error.message };
  return { source, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
}

interface Candidate {
  meta: ArticleMeta;
  body: string;
  fetched?: string;
}

function addArticle(writer: CorpusWriter, source: string, candidate: Candidate, options: AddOptions): AddResult {
  const { meta, body } = candidate;
  const duplicate = writer.duplicateOf({ url: meta.url, body });
  if (duplicate && !options.force) return { source, status: 'refused', reason: `already in the corpus as ${duplicate.file}: ${duplicate.reason} (add --force to add it anyway)` };
  const file = writer.write(meta, body, candidate.fetched ? { fetched: candidate.fetched } : {});
  const analysed = analyzeArticle({ file, meta, body });
  const counts = new Map<string, number>();
  for (const sentence of analysed.sentences) {
    const person = sentence.attribution?.person;
    if (person) counts.set(person.name.join(' '), (counts.get(person.name.join(' ')) ?? 0) + 1);
  }
  return {
    source, status: 'added', file, meta, paragraphs: analysed.paragraphs.length, sentences: analysed.sentences.length,
    statements: analysed.sentences.filter((s) => s.attribution).length,
    speakers: [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}

/** The article a file holds: extracted from a saved page, or read as the corpus reads its own files. */
function readSource(source: string): Candidate {
  const extension = extname(source).toLowerCase();
  if (HTML.has(extension)) {
    // A saved page carries no header: its <meta> charset, else a sniff.
    const page = extractArticle(decodeHtml(readFileSync(source), null).text);
    return {
      meta: { title: page.title, outlet: page.outlet, url: page.url, published: page.published, author: page.byline },
      body: page.paragraphs.join('\n\n'),
    };
  }
  if (TEXT.has(extension)) {
    const { meta, body } = readArticle(source, source);
    return { meta, body };
  }
  throw new NotAnArticle(`not a saved page or an article: expected .html, .md or .txt, got "${extension || 'no extension'}"`);
}
