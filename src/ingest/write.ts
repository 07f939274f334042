import { stringify } from 'yaml';
import type { ArticleMeta } from '../corpus/types.js';

/** `<date>-<slug>.md`: the published date (or "undated") and the title in lower-case ASCII words. */
export function articleFileName(meta: Pick<ArticleMeta, 'title' | 'published'>): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(meta.published ?? '')?.[0] ?? 'undated';
  return `${date}-${slug(meta.title)}.md`;
}

// Long enough to tell headlines apart, short enough for any file system.
const MAX_SLUG = 60;

export function slug(title: string): string {
  const words = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let out = '';
  for (const word of words) {
    if (out && out.length + word.length + 1 > MAX_SLUG) break;
    out = out ? `${out}-${word}` : word.slice(0, MAX_SLUG);
  }
  return out || 'article';
}

/** The article in the corpus format (contracts §1): YAML front matter, then the body unchanged. */
export function toMarkdown(meta: ArticleMeta & { fetched?: string }, body: string): string {
  const fields = Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== null && value !== ''));
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n${body.trimEnd()}\n`;
}
