import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EarlyWatch, watchTree } from '../src/corpus/watch.js';

describe('watching the corpus folder', () => {
  it('reports files added, changed and removed, in the folder and in sub-folders made after it started', async () => {
    const root = mkdtempSync(join(tmpdir(), 'verbatim-watch-'));
    mkdirSync(join(root, 'old'));
    writeFileSync(join(root, 'old', 'a.md'), 'a');
    const seen: string[] = [];
    const watcher = watchTree(root, (name) => seen.push(name), (error) => seen.push(`error ${error.message}`));
    const sees = (name: string) => expect.poll(() => seen.includes(name), { timeout: 3000, interval: 10 }).toBe(true);
    try {
      await watcher.ready;
      writeFileSync(join(root, 'b.md'), 'b');
      await sees('b.md');
      rmSync(join(root, 'old', 'a.md'));
      await sees(join('old', 'a.md'));
      mkdirSync(join(root, 'new', 'deeper'), { recursive: true });
      await sees('new');
      writeFileSync(join(root, 'new', 'deeper', 'c.md'), 'c');
      await sees(join('new', 'deeper', 'c.md'));
      seen.length = 0;
      writeFileSync(join(root, 'new', 'deeper', 'c.md'), 'changed');
      await sees(join('new', 'deeper', 'c.md'));
      rmSync(join(root, 'new'), { recursive: true });
      await sees('new');
      expect(seen.filter((s) => s.startsWith('error'))).toEqual([]);
    } finally {
      watcher.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps what changes before it is handed over, and passes it on with the watch', async () => {
    const root = mkdtempSync(join(tmpdir(), 'verbatim-early-watch-'));
    mkdirSync(join(root, 'desk'));
    const early = EarlyWatch.start(root);
    expect(early).not.toBeNull();
    const seen: string[] = [];
    try {
      writeFileSync(join(root, 'before.md'), 'written while the corpus opens');
      // Nothing listens yet: the change is kept, not lost (a fixed wait, since nothing can be polled).
      await new Promise((resolve) => setTimeout(resolve, 300));
      const tree = early?.handTo((name) => seen.push(name), (error) => seen.push(`error ${error.message}`));
      expect(seen).toContain('before.md');
      await tree?.ready;
      writeFileSync(join(root, 'desk', 'after.md'), 'written once it listens');
      await expect.poll(() => seen.includes(join('desk', 'after.md')), { timeout: 3000, interval: 10 }).toBe(true);
      expect(seen.filter((s) => s.startsWith('error'))).toEqual([]);
    } finally {
      early?.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is not begun on a folder that is not there (opening the corpus says why)', () => {
    expect(EarlyWatch.start(join(tmpdir(), 'verbatim-no-such-folder', String(process.pid)))).toBeNull();
  });
});
