import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedCorpusKey, corpusKey, loadSnapshot, saveSnapshot } from '../src/build/snapshot.js';
import { openCorpus } from '../src/build/open.js';
import { startEarly } from '../src/build/early.js';
import { buildInBackground } from '../src/build/build.js';
import { analyzePart } from '../src/build/part.js';
import { assemble } from '../src/build/assemble.js';
import { loadCorpus } from '../src/corpus/load.js';

function copyOfFictional(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-snap-corpus-'));
  cpSync('test/eval/fictional/corpus', dir, { recursive: true });
  return dir;
}
const cacheDir = () => mkdtempSync(join(tmpdir(), 'verbatim-snap-cache-'));
const dataOf = (dir: string) => {
  const corpus = loadCorpus(dir);
  return assemble([analyzePart(corpus.articles)], corpus.failures);
};

describe('snapshots', () => {
  it('give back exactly what was saved, with a checksum that matches', async () => {
    const dir = copyOfFictional();
    const cache = cacheDir();
    const data = dataOf(dir);
    saveSnapshot(cache, corpusKey(dir), data);
    const loaded = await loadSnapshot(cache, corpusKey(dir));
    if (!('data' in loaded)) throw new Error(`no snapshot: ${loaded.miss}`);
    expect(loaded.data).toEqual(data);
    expect(await loaded.problem).toBeNull();
  });

  it('are keyed by every file’s content: an edit, an addition and a removal each change the key', () => {
    const dir = copyOfFictional();
    const keys = [corpusKey(dir)];
    writeFileSync(join(dir, 'skarra-vote.md'), readFileSync(join(dir, 'skarra-vote.md'), 'utf8').replace('Saturday', 'Sunday'));
    keys.push(corpusKey(dir));
    writeFileSync(join(dir, 'new.md'), '---\ntitle: New\n---\nA line.\n');
    keys.push(corpusKey(dir));
    rmSync(join(dir, 'marrow-visit.md'));
    keys.push(corpusKey(dir));
    expect(new Set(keys).size).toBe(4);
  });

  it('remember the content key while the files’ stats are unchanged, and recompute it when they change', () => {
    const dir = copyOfFictional();
    const cache = cacheDir();
    const first = cachedCorpusKey(dir, cache);
    expect(cachedCorpusKey(dir, cache)).toBe(first);
    writeFileSync(join(dir, 'skarra-vote.md'), readFileSync(join(dir, 'skarra-vote.md'), 'utf8').replace('Saturday', 'Sunday'));
    const edited = cachedCorpusKey(dir, cache);
    expect(edited).not.toBe(first);
    expect(edited).toBe(corpusKey(dir));
  });

  it('open from the snapshot the second time, and rebuild when the corpus changed', async () => {
    const dir = copyOfFictional();
    const cache = cacheDir();
    const notes: string[] = [];
    const first = await openCorpus(dir, { cacheDir: cache, note: (m) => notes.push(m) });
    const second = await openCorpus(dir, { cacheDir: cache, note: (m) => notes.push(m) });
    expect([first.source, second.source]).toEqual(['built', 'snapshot']);
    expect(second.verbatim.ask('what did Falkberg say', 10)).toEqual(first.verbatim.ask('what did Falkberg say', 10));
    writeFileSync(join(dir, 'drava-ceasefire.md'), readFileSync(join(dir, 'drava-ceasefire.md'), 'utf8').replace('drones', 'boats'));
    const third = await openCorpus(dir, { cacheDir: cache, note: (m) => notes.push(m) });
    expect(third.source).toBe('built');
    expect(notes).toEqual(['snapshot stale: rebuilding']);
    expect(third.verbatim.ask('who talked about boats', 5).results.map((r) => r.text)).toContain('The general, speaking after Holloway left, said the mission also needed boats.');
    expect(readdirSync(cache).filter((e) => e.startsWith('index-'))).toHaveLength(1);
  });

  it('drop a read started early (as npm start does, before the corpus is looked at) when the corpus changed since', async () => {
    const dir = copyOfFictional();
    const cache = cacheDir();
    await openCorpus(dir, { cacheDir: cache });
    // Started before the edit: it reads the snapshot of the corpus as it was.
    const early = startEarly(cache);
    expect(early).not.toBeNull();
    writeFileSync(join(dir, 'drava-ceasefire.md'), readFileSync(join(dir, 'drava-ceasefire.md'), 'utf8').replace('drones', 'boats'));
    const notes: string[] = [];
    const reopened = await openCorpus(dir, { cacheDir: cache, early, note: (m) => notes.push(m) });
    expect(reopened.source).toBe('built');
    expect(notes).toEqual(['snapshot stale: rebuilding']);
    expect(reopened.verbatim.ask('who talked about boats', 5).results.map((r) => r.text)).toContain('The general, speaking after Holloway left, said the mission also needed boats.');
    // Unchanged since: the early read is the snapshot opened.
    const again = await openCorpus(dir, { cacheDir: cache, early: startEarly(cache) });
    expect(again.source).toBe('snapshot');
    expect(again.verbatim.ask('who talked about boats', 5)).toEqual(reopened.verbatim.ask('who talked about boats', 5));
  });

  it.each([
    ['a flipped byte', (folder: string) => {
      const bytes = readFileSync(join(folder, 'arrays.bin'));
      bytes[100] = (bytes[100] ?? 0) ^ 0xff;
      writeFileSync(join(folder, 'arrays.bin'), bytes);
    }],
    ['a truncated file', (folder: string) => writeFileSync(join(folder, 'arrays.bin'), readFileSync(join(folder, 'arrays.bin')).subarray(0, 64))],
    ['broken metadata', (folder: string) => writeFileSync(join(folder, 'meta.json'), '{"version": 1, "key"')],
    ['a missing term list', (folder: string) => rmSync(join(folder, 'terms.txt'))],
  ])('are never trusted when unreadable: %s', async (_, damage) => {
    const dir = copyOfFictional();
    const cache = cacheDir();
    await openCorpus(dir, { cacheDir: cache });
    const folder = join(cache, readdirSync(cache).find((e) => e.startsWith('index-')) ?? '');
    damage(folder);
    const notes: string[] = [];
    const reopened = await openCorpus(dir, { cacheDir: cache, note: (m) => notes.push(m) });
    expect(reopened.source).toBe('built');
    expect(notes[0]).toMatch(/^snapshot unreadable/);
    expect(reopened.verbatim.ask('what did Falkberg say', 10).results).toHaveLength(5);
  });

  it('never write into the corpus folder', async () => {
    const dir = copyOfFictional();
    const before = readdirSync(dir).sort();
    await openCorpus(dir, { cacheDir: cacheDir() });
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('builds on threads when asked, with the same answers', async () => {
    const dir = copyOfFictional();
    const threaded = await openCorpus(dir, { cacheDir: cacheDir(), background: true });
    const here = await openCorpus(dir, { cacheDir: cacheDir(), background: false });
    expect(threaded.verbatim.ask('border crossings', 5)).toEqual(here.verbatim.ask('border crossings', 5));
  });

  it('are saved by the build thread, then opened without reading the corpus again', async () => {
    const dir = copyOfFictional();
    const cache = cacheDir();
    const built = await openCorpus(dir, { cacheDir: cache, background: true });
    expect(readdirSync(cache).filter((e) => e.startsWith('index-'))).toHaveLength(1);
    const reopened = await openCorpus(dir, { cacheDir: cache, background: true });
    expect([built.source, reopened.source]).toEqual(['built', 'snapshot']);
    expect(reopened.verbatim.ask('border crossings', 5)).toEqual(built.verbatim.ask('border crossings', 5));
  });

  it('are not saved by a build during which the corpus changed', async () => {
    const dir = copyOfFictional();
    const cache = cacheDir();
    const notes: string[] = [];
    const build = buildInBackground(dir, { cacheDir: cache, onNote: (m) => notes.push(m), onProgress: () => {
      // The first slice is analysed: change a file before the build finishes.
      writeFileSync(join(dir, 'new.md'), '---\ntitle: New\n---\nA line.\n');
    } });
    await build;
    expect(notes).toContain('the corpus changed during the build: no snapshot saved');
    expect(existsSync(cache) ? readdirSync(cache).filter((e) => e.startsWith('index-')) : []).toEqual([]);
  });
});
