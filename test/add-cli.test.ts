import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const add = (...args: string[]) => spawnSync(TSX, ['src/cli/add.ts', ...args], { encoding: 'utf8', env: { ...process.env, CORPUS_DIR: '' } });

describe('npm run add (the command)', () => {
  it('prints what it added with its counts, what it refused and why, and exits 1 when anything was refused', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'verbatim-add-cli-'));
    const run = add('--corpus', corpus, 'test/ingest/pages/jsonld-article.html', 'test/ingest/pages/wire-copy.html');
    expect(run.status).toBe(1);
    const [added, refused] = run.stdout.trim().split('\n');
    expect(added).toMatch(/^added .*2025-03-02-harbour-talks-end-with-a-fishing-truce\.md: “Harbour talks end with a fishing truce” \(The Coastal Ledger, 2025-03-02\): 7 paragraphs, \d+ sentences, \d+ attributed statements \(Ilse Varnhagen \d+/);
    expect(refused).toMatch(/^refused test\/ingest\/pages\/wire-copy\.html: already in the corpus as .*harbour-talks.*\.md: the same story/);
    expect(readdirSync(corpus)).toHaveLength(1);
  });

  it('exits 0 when all were added, and 2 with the usage when given no file', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'verbatim-add-cli-'));
    expect(add('--corpus', corpus, 'test/ingest/pages/no-date.html').status).toBe(0);
    const usage = add();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run add');
  });
});
