import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../src/build/open.js';
import { CorpusReloader, type CorpusChange } from '../src/reload.js';
import { EarlyWatch } from '../src/corpus/watch.js';
import { recordingLogger, type LogLine } from './helpers/bot.js';
import * as sources from '../commands/sources.js';

const STABLE = 'what did Falkberg say';

describe('hot reload', () => {
  it('follows edits, additions, a broken file and a removal while questions keep being answered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-reload-'));
    cpSync('test/eval/fictional/corpus', dir, { recursive: true });
    const cacheDir = mkdtempSync(join(tmpdir(), 'verbatim-reload-cache-'));
    const logs: LogLine[] = [];
    const dropped: unknown[] = [];
    const reloads: CorpusChange[] = [];
    let onReload: (() => void) | null = null;
    const { verbatim } = await openCorpus(dir, { cacheDir, verbatim: { onDropped: (d) => dropped.push(d) } });
    const reloader = new CorpusReloader(dir, verbatim, {
      cacheDir, log: recordingLogger(logs), debounceMs: 50, verbatim: { onDropped: (d) => dropped.push(d) },
      onReloaded: (change) => {
        reloads.push(change);
        onReload?.();
      },
    });
    reloader.watch();
    const stableCount = verbatim.ask(STABLE, 50).results.length;
    expect(stableCount).toBeGreaterThan(0);

    // Questions all along: each must be answered, and the stable one always the same way.
    let asked = 0;
    const failures: string[] = [];
    let running = true;
    const loop = (async () => {
      const questions = [STABLE, 'border crossings', 'who talked about boats', 'what did Ilse Varnhagen say', 'lake'];
      while (running) {
        const question = questions[asked % questions.length] as string;
        try {
          const answer = reloader.current().ask(question, 50);
          if (question === STABLE && answer.results.length !== stableCount) failures.push(`${question}: ${answer.results.length} results`);
          for (const result of answer.results) if (!result.text.trim()) failures.push(`${question}: empty result`);
        } catch (error) {
          failures.push(`${question}: ${String(error)}`);
        }
        asked++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const changed = async (change: () => void) => {
      const done = new Promise<void>((resolve) => (onReload = resolve));
      change();
      await done;
      return reloads.at(-1) as CorpusChange;
    };

    const edit = await changed(() => writeFileSync(join(dir, 'drava-ceasefire.md'), readFileSync(join(dir, 'drava-ceasefire.md'), 'utf8').replace('drones', 'boats')));
    expect(edit).toMatchObject({ added: [], removed: [], changed: [expect.stringContaining('drava-ceasefire.md')] });
    expect(reloader.current().ask('who talked about boats', 5).results.map((r) => r.text).join(' ')).toContain('boats');

    const addition = await changed(() => writeFileSync(join(dir, 'harbour-talks.md'),
      '---\ntitle: Harbour talks resume\noutlet: The Coastal Ledger\npublished: 2025-03-02\n---\n“The harbour will stay open to both fleets,” said Ilse Varnhagen, the port commissioner.\n'));
    expect(addition.added).toEqual([expect.stringContaining('harbour-talks.md')]);
    expect(reloader.current().ask('what did Ilse Varnhagen say', 5).results[0]?.speaker).toBe('Ilse Varnhagen');

    const broken = await changed(() => writeFileSync(join(dir, 'broken.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41])));
    expect(broken.failed).toEqual([{ file: expect.stringContaining('broken.md'), reason: 'not UTF-8 text' }]);
    expect(reloader.current().index.failures.map((f) => f.file)).toEqual([expect.stringContaining('broken.md')]);
    expect(logs.some((l) => l.message === 'article not loaded' && String(l.fields.file).endsWith('broken.md'))).toBe(true);
    expect(sources.reply(reloader.current()).embeds[0]?.description).toMatch(/Not loaded: .*broken\.md \(not UTF-8 text\)/);

    const removal = await changed(() => rmSync(join(dir, 'marrow-visit.md')));
    expect(removal.removed).toEqual([expect.stringContaining('marrow-visit.md')]);
    expect(reloader.current().index.articles.length).toBe(6);

    running = false;
    await loop;
    await reloader.close();
    expect(failures).toEqual([]);
    expect(dropped).toEqual([]);
    expect(asked).toBeGreaterThan(100);
  }, 30_000);

  it('reloads an article written while the corpus was opening, before the reloader listened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-reload-early-'));
    cpSync('test/eval/fictional/corpus', dir, { recursive: true });
    const cacheDir = mkdtempSync(join(tmpdir(), 'verbatim-reload-early-cache-'));
    const early = EarlyWatch.start(dir);
    const { verbatim } = await openCorpus(dir, { cacheDir });
    // After the corpus's files were looked at, before anything reloads: the moment a restart used to miss.
    writeFileSync(join(dir, 'late-wire.md'), '---\ntitle: Ferry talks resume\noutlet: Harbour Post\npublished: 2025-03-02\n---\n"The quarantine of the ferries ends today," said Odile Brannock, the port director.\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reloads: CorpusChange[] = [];
    const reloader = new CorpusReloader(dir, verbatim, { cacheDir, log: recordingLogger([]), debounceMs: 50, onReloaded: (change) => reloads.push(change) });
    try {
      expect(reloader.current().ask('what did Odile Brannock say', 5).results).toEqual([]);
      reloader.watch(early);
      await expect.poll(() => reloads.length, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
      expect(reloads[0]?.added).toEqual([expect.stringContaining('late-wire.md')]);
      expect(reloader.current().ask('what did Odile Brannock say', 5).results[0]?.text).toContain('quarantine of the ferries');
    } finally {
      await reloader.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 30_000);
});
