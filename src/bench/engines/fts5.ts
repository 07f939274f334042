import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { BenchEngine } from './types.js';
import { heapUsed, latencies, round, timed } from '../measure.js';

type Database = BetterSqlite3.Database;

/** better-sqlite3 is optional (a native build); the bench says so when it is missing. */
function openDatabase(): ((file: string) => Database) | null {
  try {
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    return (file) => new Sqlite(file);
  } catch {
    return null;
  }
}

/** An FTS5 MATCH expression from free text: each word quoted, any word may match. */
function matchExpression(text: string, prefix = false): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"${prefix ? '*' : ''}`).join(' OR ');
}

/** SQLite FTS5 through better-sqlite3, Porter stemming, BM25 ranking: the start-up and memory peer. */
export const fts5: BenchEngine = {
  name: 'fts5',
  async run({ sentences, questions, autocomplete, dir }) {
    const open = openDatabase();
    if (!open) throw new Error('better-sqlite3 is not installed (it is an optional dependency built from source)');
    const file = join(dir, 'fts5.sqlite');
    const before = heapUsed();
    const build = await timed(() => {
      const db = open(file);
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec("CREATE VIRTUAL TABLE sentences USING fts5(text, tokenize = 'porter unicode61')");
      const insert = db.prepare('INSERT INTO sentences(rowid, text) VALUES (?, ?)');
      db.transaction(() => {
        for (let id = 0; id < sentences.length; id++) insert.run(id, sentences[id] ?? '');
      })();
      db.close();
    });
    const load = await timed(() => {
      const db = open(file);
      const query = db.prepare('SELECT rowid FROM sentences WHERE sentences MATCH ? ORDER BY rank LIMIT ?');
      query.all(matchExpression(questions[0]?.question ?? 'a') ?? '"a"', 5);
      return { db, query };
    });
    const heap = heapUsed() - before;
    const { db, query } = load.result;
    const ask = (text: string, limit: number, prefix = false) => {
      const expression = matchExpression(text, prefix);
      return expression ? query.all(expression, limit) : [];
    };
    const question = latencies(questions, (q) => ask(q.question, 5));
    const complete = latencies(autocomplete, (input) => ask(input, 25, true));
    db.close();
    return {
      buildMs: build.ms, loadMs: load.ms, snapshotBytes: statSync(file).size, heapBytesPerSentence: round(heap / sentences.length),
      questionP50Ms: question.p50, questionP99Ms: question.p99, autocompleteP50Ms: complete.p50, autocompleteP99Ms: complete.p99,
      note: 'on-disk database; its memory is SQLite\'s page cache, outside the JS heap',
    };
  },
};
