import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bodyScores, pageCounts, precisionOf, recallOf, shingles, tokenize } from '../src/eval/shingles.js';
import { evaluateExtraction, halfOf, htmlText, ourExtractor } from '../src/eval/extraction.js';
import { NotAnArticle } from '../src/ingest/extract.js';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const FIXTURE = 'test/eval/extraction';

describe('the article-body metric (scrapinghub evaluate.py)', () => {
  it('tokens are runs of letters, digits and underscores in any script', () => {
    expect(tokenize('Don’t stop—now_ok, 42 café; 東京')).toEqual(['Don', 't', 'stop', 'now_ok', '42', 'café', '東京']);
  });

  it('shingles are 4-token runs, counted; a text of fewer tokens is one shorter shingle, an empty one none', () => {
    expect([...shingles('a b c d a b c d')]).toEqual([['a\tb\tc\td', 2], ['b\tc\td\ta', 1], ['c\td\ta\tb', 1], ['d\ta\tb\tc', 1]]);
    expect([...shingles('a b c')]).toEqual([['a\tb\tc', 1]]);
    expect(shingles('— …').size).toBe(0);
  });

  it('one shingle right, one extra, one missed: precision and recall 1/2, counts normalised to 1/3', () => {
    const c = pageCounts('a b c d e', 'a b c d x');
    expect(c).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    expect(precisionOf(c)).toBe(0.5);
    expect(recallOf(c)).toBe(0.5);
  });

  it('a missing tail: precision 1, recall 2/3; a repeated text counts each copy (recall 1/5)', () => {
    const tail = pageCounts('a b c d e f', 'a b c d e');
    expect([precisionOf(tail), recallOf(tail)]).toEqual([1, 2 / 3]);
    const repeated = pageCounts('a b c d a b c d', 'a b c d');
    expect([precisionOf(repeated), recallOf(repeated)]).toEqual([1, 1 / 5]);
  });

  it('an empty extraction is left out of the precision mean and counts 0 in recall; F1 of the means', () => {
    const scores = bodyScores([pageCounts('a b c d e', 'a b c d x'), pageCounts('a b c d', ''), pageCounts('', '')], [false, false, true]);
    expect(scores.precision).toBe(0.5);
    expect(scores.recall).toBe(0.25);
    expect(scores.f1).toBeCloseTo(1 / 3, 12);
    expect(scores.accuracy).toBeCloseTo(1 / 3, 12);
  });

  it('expected html: words of neighbouring blocks never fuse', () => {
    expect(tokenize(htmlText('<p>end</p><p>start<br>next</p><ul><li>one</li><li>two</li></ul>'))).toEqual(['end', 'start', 'next', 'one', 'two']);
  });
});

describe('npm run eval -- --extraction DIR', () => {
  it('prints one JSON object with the figures per half and the worst pages (figures computed by hand)', () => {
    const run = spawnSync(TSX, ['src/eval/main.ts', '--extraction', FIXTURE, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ dataset: 'extraction', layout: 'readability', pages: 2, refused: [] });
    // courier-brief is extracted exactly. ledger-quay's expected text adds its caption, which we
    // drop: 11 of 15 expected shingles found, none extra.
    expect(report.scores.all.precision).toBe(1);
    expect(report.scores.all.recall).toBeCloseTo((1 + 11 / 15) / 2, 12);
    expect(report.scores.all.f1).toBeCloseTo(26 / 28, 12);
    expect(report.scores.development.pages + report.scores.heldOut.pages).toBe(2);
    expect(report.worst).toEqual([{ id: 'ledger-quay', half: halfOf('ledger-quay'), precision: 1, recall: 11 / 15, f1: expect.closeTo(22 / 26, 12), flag: 'low recall' }]);
    expect(report.results.map((r: { id: string }) => r.id)).toEqual(['courier-brief', 'ledger-quay']);
  });

  it('prints a table without --json, and exits 2 for a folder that is not a benchmark', () => {
    const table = spawnSync(TSX, ['src/eval/main.ts', '--extraction', FIXTURE], { encoding: 'utf8' });
    expect(table.stdout).toMatch(/^all\s+2\s+0\s+1\.000\s+0\.867\s+0\.929/m);
    expect(table.stdout).toMatch(/^ledger-quay\s.*low recall$/m);
    const bad = spawnSync(TSX, ['src/eval/main.ts', '--extraction', 'test/ingest'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('neither ground-truth.json nor folders with source.html');
  });

  it('a refused page is an empty extraction: out of the precision mean, 0 in recall, and listed', () => {
    const report = evaluateExtraction(FIXTURE, (page) => {
      if (page.id === 'courier-brief') throw new NotAnArticle('not a news article: test');
      return ourExtractor(page);
    });
    expect(report.scores.all).toMatchObject({ pages: 2, refused: 1, precision: 1 });
    expect(report.scores.all.recall).toBeCloseTo(11 / 30, 12);
    expect(report.refused).toEqual([{ id: 'courier-brief', reason: 'not a news article: test' }]);
    expect(report.worst[0]).toMatchObject({ id: 'courier-brief', precision: 0, recall: 0, flag: 'refused' });
  });
});
