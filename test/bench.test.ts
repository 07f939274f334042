import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { syntheticCorpus } from '../src/bench/synthetic.js';
import { benchQuestions } from '../src/bench/questions.js';

describe('npm run bench', () => {
  it('runs on a tiny corpus and prints one well-formed JSON object', () => {
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join('src', 'bench', 'main.ts'), '--sentences', '200', '--adds', '2', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, Record<string, number | null> | number | string>;
    expect(report.sentences).toBeGreaterThanOrEqual(190);
    for (const engine of ['verbatim', 'minisearch', 'flexsearch', 'fts5']) {
      const figures = report[engine] as Record<string, number | null | string>;
      if ('error' in figures) {
        // Only the optional native peer may be missing.
        expect(engine).toBe('fts5');
        continue;
      }
      for (const key of ['buildMs', 'loadMs', 'heapBytesPerSentence', 'questionP50Ms', 'questionP99Ms', 'autocompleteP99Ms']) {
        expect(key in figures).toBe(true);
      }
      expect(figures.questionP50Ms as number).toBeGreaterThan(0);
    }
    const verbatim = report.verbatim as Record<string, number | null>;
    expect(verbatim.maxEventLoopStallMs).toBeGreaterThanOrEqual(0);
    // Freshness: files written into the corpus folder, answered by the reloading bot.
    for (const key of ['addToAnswerMsP50', 'addToAnswerMsP99', 'changeToAnswerMsP50', 'removeToAnswerMsP50', 'addCpuMs']) expect(verbatim[key]).toBeGreaterThan(0);
    expect(verbatim.addBytesWritten).toBeGreaterThan(0);
    expect(verbatim.addStallMs).toBeGreaterThanOrEqual(0);
    // The same questions over a term index in segments (answers checked equal inside the bench).
    expect(verbatim.questionP99WithSegmentsMs).toBeGreaterThan(0);
  }, 120_000);
});

describe('the synthetic corpus', () => {
  it('is deterministic and news-like', () => {
    const a = syntheticCorpus(400);
    const b = syntheticCorpus(400);
    expect(a.articles.map((x) => x.body)).toEqual(b.articles.map((x) => x.body));
    const text = a.articles.map((x) => x.body).join('\n');
    expect(text).toMatch(/“[^”]+,” said [A-Z]\w+ [A-Z]\w+, the /);
    expect(text).toMatch(/According to [A-Z]/);
    expect(benchQuestions(a, 50)).toEqual(benchQuestions(b, 50));
  });
});
