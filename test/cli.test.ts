import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CACHE = mkdtempSync(join(tmpdir(), 'verbatim-cli-cache-'));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [join(process.cwd(), script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, CORPUS_DIR: '', CACHE_DIR: CACHE },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const ask = (...args: string[]) => run('src/cli/ask.ts', args);

describe('ask --json (contracts §2)', () => {
  it('prints exactly one JSON object with the contract fields', () => {
    const { status, stdout } = ask('--json', 'what did Lavrov say');
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['question', 'speaker', 'results']);
    expect(answer.question).toBe('what did Lavrov say');
    expect(answer.speaker).toBe('Sergey Lavrov');
    expect(answer.results).toHaveLength(2);
    for (const result of answer.results) {
      expect(Object.keys(result)).toEqual(['text', 'speaker', 'quote', 'paragraph', 'score', 'source', 'anonymous', 'alsoIn', 'variants']);
      expect(Object.keys(result.source)).toEqual(['title', 'outlet', 'url', 'published', 'file']);
      expect(result.source.file).toBe('corpus/riyadh-talks.md');
    }
    expect(answer.results.map((r: { paragraph: number }) => r.paragraph).sort()).toEqual([5, 6]);
  });

  it('honours --limit and --corpus', () => {
    const { stdout } = ask('--corpus', 'test/eval/fictional/corpus', '--limit', '2', '--json', 'what', 'did', 'Falkberg', 'say');
    const answer = JSON.parse(stdout);
    expect(answer.question).toBe('what did Falkberg say');
    expect(answer.speaker).toBe('Oren Falkberg');
    expect(answer.results).toHaveLength(2);
  });

  it('answers a question with no results with exit 0', () => {
    const { status, stdout } = ask('--json', '');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ question: '', speaker: null, results: [] });
  });

  it('exits 2 with a one-line reason for a missing corpus folder', () => {
    const { status, stdout, stderr } = ask('--corpus', 'no/such/folder', '--json', 'anything');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('no/such/folder');
  });

  it('exits 2 for bad usage', () => {
    expect(ask('--limit', 'many', 'x').status).toBe(2);
    expect(ask('--bogus', 'x').status).toBe(2);
  });

  it('reports a broken article on stderr and still answers from the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-cli-'));
    writeFileSync(join(dir, 'good.md'), '---\ntitle: Good\n---\n“We are ready,” said Nadia Kervell.\n');
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [oops\n---\nText.\n');
    const { status, stdout, stderr } = ask('--corpus', dir, '--json', 'what did Kervell say');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).results).toHaveLength(1);
    expect(stderr).toMatch(/broken\.md: bad front matter/);
  });
});

describe('ask without --json', () => {
  it('shows each sentence as a quotation with its speaker and a source line', () => {
    const { status, stdout } = ask('what did Ushakov say');
    expect(status).toBe(0);
    expect(stdout).toContain('“Separately, Yuri Ushakov');
    expect(stdout).toContain('— Yuri Ushakov, indirect');
    expect(stdout).toContain('2025-02-18 · ¶7 · corpus/riyadh-talks.md');
  });

  it('says honestly when nobody is found', () => {
    const { stdout } = ask('what did Macron say');
    expect(stdout).toMatch(/^No statements by Macron in these articles\./);
  });
});
