import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { analyzeArticle } from '../attribution/attribute.js';
import { loadCorpus, readArticle } from '../corpus/load.js';
import type { ArticleMeta } from '../corpus/types.js';
import { DuplicateFinder } from './duplicates.js';
import { extractArticle, NotAnArticle } from './extract.js';
import { articleFileName, toMarkdown } from './write.js';

/** What became of one file given to `npm run add`. */
export type AddResult =
  | { source: string; status: 'added'; file: string; meta: ArticleMeta; paragraphs: number; sentences: number; statements: number; speakers: [name: string, statements: number][] }
  | { source: string; status: 'refused' | 'failed'; reason: string };

const HTML = new Set(['.html', '.htm']);
const TEXT = new Set(['.md', '.txt']);

/**
 * Adds saved web pages (.html), Markdown and plain-text articles to the corpus folder, each as
 * `<date>-<slug>.md` in the contract format. An article whose canonical url is already in the
 * corpus, or whose text nearly matches one already there, is refused with the existing file's
 * name unless `force`. Files are handled in order, so a second copy in the same run is refused too.
 */
export function addArticles(paths: readonly string[], corpusDir: string, options: { force?: boolean; cwd?: string } = {}): AddResult[] {
  const cwd = options.cwd ?? process.cwd();
  mkdirSync(corpusDir, { recursive: true });
  const finder = new DuplicateFinder(loadCorpus(corpusDir, cwd).articles.map((a) => ({ file: a.file, url: a.meta.url, body: a.body })));
  return paths.map((source) => {
    try {
      return addOne(source, corpusDir, cwd, finder, options.force ?? false);
    } catch (error) {
      if (error instanceof NotAnArticle) return { source, status: 'refused', reason: error.message };
      return { source, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  });
}

function addOne(source: string, corpusDir: string, cwd: string, finder: DuplicateFinder, force: boolean): AddResult {
  const { meta, body } = readSource(source);
  const duplicate = finder.find({ url: meta.url, body });
  if (duplicate && !force) return { source, status: 'refused', reason: `already in the corpus as ${duplicate.file}: ${duplicate.reason} (add --force to add it anyway)` };
  const path = freePath(corpusDir, articleFileName(meta));
  writeFileSync(path, toMarkdown(meta, body), { flag: 'wx' });
  const file = relative(cwd, path).split(sep).join('/');
  finder.add({ file, url: meta.url, body });
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
function readSource(source: string): { meta: ArticleMeta; body: string } {
  const extension = extname(source).toLowerCase();
  if (HTML.has(extension)) {
    const page = extractArticle(new TextDecoder('utf-8').decode(readFileSync(source)));
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

/** `name` in the folder, or name-2, name-3, … when taken: an add never overwrites a file. */
function freePath(dir: string, name: string): string {
  const stem = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? name : `${stem}-${n}.md`);
    if (!existsSync(path)) return path;
  }
}
