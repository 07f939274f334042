import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readCoverageGold, scoreCoverage, scoreCoverageSet, coverageTable, type CoverageGold } from '../src/eval/coverage.js';

const SET = 'test/eval/coverage';
const TSX = 'node_modules/.bin/tsx';

describe('the coverage set', () => {
  const gold = readCoverageGold(join(SET, 'gold.json'));

  it('is the set the issue asks for: 10+ articles, 3+ outlets, 4+ days, 8+ unnamed sources, look-alike pairs', () => {
    const files = new Set(gold.statements.flatMap((s) => [...s.reports, ...s.variants].map((r) => r.file)));
    expect(files.size).toBeGreaterThanOrEqual(10);
    const meta = [...files].map((f) => readFileSync(join(SET, 'corpus', f), 'utf8'));
    expect(new Set(meta.map((m) => /^outlet: (.*)$/m.exec(m)?.[1])).size).toBeGreaterThanOrEqual(3);
    expect(new Set(meta.map((m) => /^published: "?(\d{4}-\d{2}-\d{2})/m.exec(m)?.[1])).size).toBeGreaterThanOrEqual(4);
    expect(gold.statements.filter((s) => s.anonymous).length).toBeGreaterThanOrEqual(8);
    expect(gold.statements.filter((s) => s.variants.length > 0).length).toBeGreaterThanOrEqual(4);
    expect(gold.distinct.length).toBeGreaterThanOrEqual(3);
  });

  it('names every sentence exactly once in its article', () => {
    for (const s of gold.statements) {
      for (const r of [...s.reports, ...s.variants]) {
        const body = readFileSync(join(SET, 'corpus', r.file), 'utf8');
        expect({ id: s.id, count: body.split(r.text).length - 1 }).toEqual({ id: s.id, count: 1 });
      }
    }
  });

  it('reports its figures, each miss explained (floors: the figures measured when the set was written)', () => {
    const scores = scoreCoverageSet(SET, 'coverage');
    expect(scores.statements).toBe(gold.statements.length);
    expect(scores.multiReport).toBeGreaterThanOrEqual(10);
    for (const figure of [scores.found, scores.grouped, scores.variantsFound, scores.anonymousKept, scores.distinctKept, scores.earliestShown]) {
      expect(figure).not.toBeNull();
      expect(figure as number).toBeGreaterThanOrEqual(0);
      expect(figure as number).toBeLessThanOrEqual(1);
    }
    expect(scores.distinctKept).toBe(1);
    expect(scores.earliestShown).toBe(1);
    expect(scores.grouped as number).toBeGreaterThanOrEqual(0.75);
    expect(scores.variantsFound as number).toBeGreaterThanOrEqual(0.75);
    expect(scores.anonymousKept).toBe(1);
    expect(scores.found as number).toBeGreaterThanOrEqual(0.85);
    const misses = scores.misses.length;
    expect(coverageTable(scores).split('\n')).toHaveLength(3 + (misses > 0 ? 1 + misses : 0));
    expect(scores.misses.every((m) => m.detail.length > 0)).toBe(true);
  });

  it('fails a gold that joins two statements that differ (40 and 45 percent) or gives an unnamed source a name', () => {
    const broken: CoverageGold = JSON.parse(JSON.stringify(gold)) as CoverageGold;
    const forty = broken.statements.find((s) => s.id === 's11');
    const fortyFive = broken.statements.find((s) => s.id === 's25');
    forty?.reports.push(...(fortyFive?.reports ?? []));
    broken.distinct = [];
    const scores = scoreCoverage(join(SET, 'corpus'), broken);
    expect(scores.grouped as number).toBeLessThan(1);
    expect(scores.misses.some((m) => m.measure === 'grouped' && m.statement === 's11' && m.detail.startsWith('shown 2 times'))).toBe(true);
  });
});

describe('the scorer on tiny corpora', () => {
  let dir: string;
  const write = (name: string, outlet: string, published: string, paragraphs: string[]) =>
    writeFileSync(join(dir, 'corpus', name), `---\ntitle: Orchard talks (${outlet})\noutlet: ${outlet}\npublished: "${published}"\n---\n${paragraphs.join('\n\n')}\n`);
  const INTRO = 'Farm Minister Odile Trancart met the growers of Vesque on Monday.';
  const SAID = '“Every orchard in Vesque will get its water back by June,” Trancart said.';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coverage-'));
    mkdirSync(join(dir, 'corpus'));
    write('a.md', 'Plainfield Wire', '2026-06-01T08:00:00Z', [INTRO, SAID, 'An official who spoke on condition of anonymity said the pumps were already bought.']);
    write('b.md', 'Vesque Herald', '2026-06-02T08:00:00Z', [INTRO, SAID, 'Trancart repeated that “every orchard in Vesque will get its water back by June.”']);
    write('c.md', 'State Bulletin', '2026-06-03T08:00:00Z', [INTRO, '“Each orchard in Vesque will get its water back by June,” Trancart said.', '“The pumps arrive in May,” Trancart said.']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const statement = (id: string, speaker: string | null, reports: [string, string][], variants: [string, string][] = []) => ({
    id, speaker, anonymous: speaker === null, reports: reports.map(([file, text]) => ({ file, text })), variants: variants.map(([file, text]) => ({ file, text })),
  });

  it('scores 1 where the wire copy, the repeated words, the variant and the unnamed source are all right', () => {
    const gold: CoverageGold = {
      statements: [
        statement('water', 'Odile Trancart', [['a.md', SAID], ['b.md', SAID], ['b.md', 'Trancart repeated that “every orchard in Vesque will get its water back by June.”']],
          [['c.md', '“Each orchard in Vesque will get its water back by June,” Trancart said.']]),
        statement('pumps', 'Odile Trancart', [['c.md', '“The pumps arrive in May,” Trancart said.']]),
        statement('anon', null, [['a.md', 'An official who spoke on condition of anonymity said the pumps were already bought.']]),
      ],
      distinct: [['water', 'pumps']],
    };
    const scores = scoreCoverage(join(dir, 'corpus'), gold, 'tiny');
    expect(scores.misses).toEqual([]);
    expect([scores.found, scores.grouped, scores.variantsFound, scores.anonymousKept, scores.distinctKept, scores.earliestShown]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('scores below 1 when a statement the gold calls one is shown twice, or an unnamed source is claimed for a person', () => {
    const gold: CoverageGold = {
      statements: [
        // The gold (wrongly) says the pumps sentence is a report of the water statement.
        statement('water', 'Odile Trancart', [['a.md', SAID], ['c.md', '“The pumps arrive in May,” Trancart said.']]),
        statement('anon', 'Odile Trancart', [['a.md', 'An official who spoke on condition of anonymity said the pumps were already bought.']]),
      ],
      distinct: [],
    };
    const scores = scoreCoverage(join(dir, 'corpus'), gold, 'tiny');
    expect(scores.grouped).toBe(0);
    expect(scores.found).toBe(0.5);
    expect(scores.misses.map((m) => [m.measure, m.statement])).toEqual([['found', 'anon'], ['grouped', 'water']]);
  });
});

describe('npm run eval', () => {
  it('prints the coverage table after the others, and keeps --json the rows array unless --coverage is asked for', () => {
    const text = spawnSync(TSX, ['src/eval/main.ts'], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/dataset[\s\S]*\n\ncoverage set +statements +found +grouped/);
    const json = spawnSync(TSX, ['src/eval/main.ts', '--json'], { encoding: 'utf8' });
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
    const both = JSON.parse(spawnSync(TSX, ['src/eval/main.ts', '--json', '--coverage', relative('.', SET)], { encoding: 'utf8' }).stdout) as { rows: unknown[]; coverage: { grouped: number } };
    expect(both.rows.length).toBeGreaterThan(0);
    expect(typeof both.coverage.grouped).toBe('number');
  }, 60_000);
});
