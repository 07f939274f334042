import type { CorpusIndex } from '../search/corpusIndex.js';
import { speakerAccept } from '../search/rank.js';
import { compareArticles, earliestReport } from '../statements/reports.js';

/**
 * One person's statements in publication order (/timeline): each statement once, by its
 * earliest report that names them among the kept articles, oldest first. With a topic, only
 * the statements about it. `articles`: per article, 1 when a filter keeps it; null for all.
 */
export function timelineOf(index: CorpusIndex, speakerId: number, topic: readonly string[], articles: Uint8Array | null): number[] {
  const articleOf = index.store.data.article;
  let statements = Array.from(index.store.statementsOf(speakerId));
  if (articles) statements = statements.filter((id) => articles[articleOf[id] as number] === 1);
  if (topic.length > 0) {
    const about = new Set(index.terms.searchAmong(topic, statements).map((hit) => hit.id));
    statements = statements.filter((id) => about.has(id));
  }
  const accept = speakerAccept(index, speakerId, articles);
  const shown = new Map<number, number>();
  for (const id of statements) {
    const statement = index.store.statement(id);
    if (!shown.has(statement)) shown.set(statement, earliestReport(index, statement, accept) ?? id);
  }
  return [...shown.values()].sort((a, b) => compareArticles(index, articleOf[a] as number, articleOf[b] as number) || a - b);
}

/** The day an article was published, as its date says it (YYYY-MM-DD), or null when undated. */
export function publicationDay(published: string | null): string | null {
  const day = published?.slice(0, 10) ?? null;
  return day && /^\d{4}-\d{2}-\d{2}$/u.test(day) ? day : null;
}
