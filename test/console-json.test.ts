import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerLineJson } from '../src/console.js';
import { Verbatim } from '../src/verbatim.js';

describe('console --json (contracts §5)', () => {
  it('gives one object per command: ask and quotes as the ask JSON with "command", sources, help, and an error object for what it cannot answer', () => {
    const v = Verbatim.fromFolder('test/eval/fictional/corpus');
    const asked = answerLineJson(v, 'what did Teodor Vantris say') as { command: string; speaker: string; results: { speaker: string }[] };
    expect(asked.command).toBe('ask');
    expect(asked.speaker).toBe('Teodor Vantris');
    expect(asked.results.length).toBeGreaterThan(0);
    expect(Object.keys(asked)).toEqual(['command', 'question', 'speaker', 'results']);
    expect(answerLineJson(v, '/quotes speaker:Vantris outlet:Nobody Weekly')).toMatchObject({ command: 'quotes', speaker: 'Teodor Vantris', results: [], filters: { outlets: ['Nobody Weekly'] } });
    const sources = answerLineJson(v, '/sources') as { articles: { file: string; title: string }[]; failures: unknown[] };
    expect(sources.articles).toHaveLength(6);
    expect(sources.failures).toEqual([]);
    expect(answerLineJson(v, '/nonsense')).toEqual({ command: 'nonsense', error: 'Unknown command /nonsense. Try /help.' });
    expect(answerLineJson(v, '/ask since:2025-13-01 talks')).toMatchObject({ command: 'ask', error: expect.stringContaining('since must be a date') });
    expect(answerLineJson(v, '   ')).toBeNull();
  });

  it('npm start -- --json prints exactly one JSON object a line on stdout, nothing else; compiled as from the sources', () => {
    const input = 'what did Lavrov say\n\n/sources\n/help\n/quotes Rubio since:2025-02-18 until:2025-02-18\n/bogus\n';
    const env = { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: 'corpus', FEEDS_FILE: join(tmpdir(), 'no-such-feeds.yaml') };
    const start = (command: string, args: string[]) => spawnSync(command, args, {
      input, encoding: 'utf8', env: { ...env, CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-json-')) },
    });
    // What `npm start` runs: scripts/start.mjs, the compiled tree in dist/ (built by the tests' global setup).
    const run = start(process.execPath, ['scripts/start.mjs', '--json']);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { command: string });
    expect(lines.map((l) => l.command)).toEqual(['ask', 'sources', 'help', 'quotes', 'bogus']);
    expect(lines[3]).toMatchObject({ speaker: 'Marco Rubio', filters: { since: '2025-02-18', until: '2025-02-18', outlets: [] } });
    expect((lines[3] as unknown as { results: unknown[] }).results.length).toBeGreaterThan(0);
    const fromSources = start(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/main.ts', '--json']);
    expect(fromSources.status).toBe(0);
    expect(fromSources.stdout).toBe(run.stdout);
  }, 30_000);
});
