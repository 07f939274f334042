import type { ArticleTable } from '../index/articleTable.js';

/**
 * Which articles a question is asked of (contracts §2): published from `since` to `until`
 * (ISO dates, inclusive; an undated article is kept by neither) and by one of `outlets`
 * (case-insensitive). Applied inside ranking, so counts and pages count only what passes.
 */
export interface Filters {
  since: string | null;
  until: string | null;
  outlets: string[];
}

export const NO_FILTERS: Filters = { since: null, until: null, outlets: [] };

/** A filter a person wrote wrong; the message says how to write it. */
export class FilterError extends Error {}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks and normalises filters as given on a command line, in Discord or the console. */
export function parseFilters(input: { since?: string | null; until?: string | null; outlets?: readonly (string | null | undefined)[] }): Filters {
  const since = date('since', input.since);
  const until = date('until', input.until);
  if (since && until && since > until) throw new FilterError(`since (${since}) is after until (${until}): no article can be both`);
  const outlets = [...new Set((input.outlets ?? []).map((o) => o?.trim() ?? '').filter((o) => o.length > 0))];
  return { since, until, outlets };
}

export function hasFilters(filters: Filters): boolean {
  return filters.since !== null || filters.until !== null || filters.outlets.length > 0;
}

function date(name: string, raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const match = ISO_DATE.exec(text);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!parsed || parsed.toISOString().slice(0, 10) !== text) {
    throw new FilterError(`${name} must be a date written YYYY-MM-DD, such as 2025-02-18; got "${text.slice(0, 40)}"`);
  }
  return text;
}

/** Per article, 1 when it passes the filters. */
export function articleMask(articles: ArticleTable, filters: Filters): Uint8Array {
  const mask = new Uint8Array(articles.length);
  const outlets = new Set(filters.outlets.map(foldOutlet));
  for (let i = 0; i < articles.length; i++) {
    const meta = articles.get(i)?.meta;
    if (!meta) continue;
    const day = meta.published ? meta.published.slice(0, 10) : null;
    if ((filters.since || filters.until) && (!day || !ISO_DATE.test(day))) continue;
    if (filters.since && (day as string) < filters.since) continue;
    if (filters.until && (day as string) > filters.until) continue;
    if (outlets.size > 0 && !(meta.outlet && outlets.has(foldOutlet(meta.outlet)))) continue;
    mask[i] = 1;
  }
  return mask;
}

/** Outlet names compared without case or surrounding space. */
export function foldOutlet(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** The corpus's outlets, each once, as first written, most articles first: for autocomplete. */
export function outletsOf(articles: ArticleTable): { name: string; articles: number }[] {
  const byName = new Map<string, { name: string; articles: number }>();
  for (let i = 0; i < articles.length; i++) {
    const outlet = articles.get(i)?.meta.outlet;
    if (!outlet) continue;
    const key = foldOutlet(outlet);
    const entry = byName.get(key) ?? { name: outlet.trim(), articles: 0 };
    entry.articles++;
    byName.set(key, entry);
  }
  return [...byName.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
}

/** "published from 2025-02-18 to 2025-02-19, from The Harbour Gazette": the filters in words. */
export function describeFilters(filters: Filters): string {
  const dates = filters.since && filters.until
    ? filters.since === filters.until ? `published on ${filters.since}` : `published from ${filters.since} to ${filters.until}`
    : filters.since ? `published on or after ${filters.since}` : filters.until ? `published on or before ${filters.until}` : '';
  const outlets = filters.outlets.length > 0 ? `from ${filters.outlets.join(' or ')}` : '';
  return [dates, outlets].filter(Boolean).join(', ');
}
