import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { analyzeArticle, type AnalyzedSentence } from '../../src/attribution/attribute.js';
import type { Article } from '../../src/corpus/types.js';
import { Verbatim } from '../../src/verbatim.js';

/** A fictional article from paragraphs of text. */
export function article(paragraphs: string[], file = 'test.md', title = 'A fictional article'): Article {
  return { file, meta: { title, outlet: null, url: null, published: '2026-01-01', author: null }, body: paragraphs.join('\n\n') };
}

/** Who each sentence is attributed to, keyed by a distinctive part of its text. */
export function speakerOf(sentences: AnalyzedSentence[], fragment: string): string | null {
  const sentence = sentences.find((s) => s.text.includes(fragment));
  if (!sentence) throw new Error(`no sentence contains "${fragment}"`);
  return sentence.attribution?.person?.name.join(' ') ?? null;
}

export function analyze(paragraphs: string[]) {
  return analyzeArticle(article(paragraphs));
}

export function verbatimOf(...articles: Article[]): Verbatim {
  return Verbatim.fromCorpus({ articles, failures: [] });
}

/** Writes an article into a corpus folder as a Markdown file with front matter, as users keep them. */
export function writeArticle(dir: string, article: Article): void {
  const path = join(dir, article.file);
  mkdirSync(join(path, '..'), { recursive: true });
  const meta = Object.fromEntries(Object.entries(article.meta).filter(([, v]) => v !== null));
  writeFileSync(path, `---\n${stringify(meta)}---\n${article.body}\n`);
}
