import { describe, it, expect, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { FileLock } from '../src/fileLock.js';
import { buildOnce } from '../src/build/buildOnce.js';
import { saveSnapshot } from '../src/build/snapshot.js';
import { analyzePart } from '../src/build/part.js';
import { assemble } from '../src/build/assemble.js';
import { loadCorpus } from '../src/corpus/load.js';
import { syntheticCorpus } from '../src/bench/synthetic.js';
import { FeedLeadership } from '../src/feeds/leader.js';
import { silentLogger } from '../src/log.js';

const root = mkdtempSync(join(tmpdir(), 'verbatim-replicas-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the lock file that replicas share', () => {
  it('lets one process hold it at a time and frees it on release', () => {
    const path = join(root, 'a.lock');
    const lock = FileLock.tryTake(path);
    expect(lock).not.toBeNull();
    expect(FileLock.tryTake(path)).toBeNull();
    lock?.release();
    const again = FileLock.tryTake(path);
    expect(again).not.toBeNull();
    again?.release();
  });

  it('is taken over when its holder has died, or has not touched it for the stale time', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const path = join(root, 'b.lock');
    writeFileSync(path, JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '' }));
    const lock = FileLock.tryTake(path);
    expect(lock).not.toBeNull();
    lock?.release();
    // Another machine's holder cannot be asked: its lock is stale only once it goes untouched.
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'another-machine', since: '' }));
    expect(FileLock.tryTake(path, 60_000)).toBeNull();
    const old = new Date(Date.now() - 120_000);
    utimesSync(path, old, old);
    const taken = FileLock.tryTake(path, 60_000);
    expect(taken?.stillMine()).toBe(true);
    taken?.release();
  });
});

describe('building once for all replicas', () => {
  it('builds in one caller while the other waits for its snapshot and opens it', async () => {
    const cacheDir = join(root, 'cache-once');
    const corpus = loadCorpus('test/eval/fictional/corpus');
    const data = assemble([analyzePart(corpus.articles)], corpus.failures);
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 400));
      saveSnapshot(cacheDir, 'k1', data);
      return data;
    };
    const waits: string[] = [];
    const [a, b] = await Promise.all([buildOnce(cacheDir, 'k1', build), buildOnce(cacheDir, 'k1', build, () => waits.push('waited'))]);
    expect(builds).toBe(1);
    expect([a.built, b.built].sort()).toEqual([false, true]);
    expect(waits).toEqual(['waited']);
    expect(b.data.store.text).toEqual(a.data.store.text);
    expect(b.data.speakers).toEqual(a.data.speakers);
  });

  it('two processes started together on one CACHE_DIR: one builds, the other opens its snapshot', async () => {
    const corpusDir = join(root, 'corpus');
    for (const article of syntheticCorpus(12_000, 7).articles) {
      const path = join(corpusDir, article.file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, `---\n${stringify(Object.fromEntries(Object.entries(article.meta).filter(([, v]) => v !== null)))}---\n${article.body}\n`);
    }
    const cacheDir = join(root, 'cache-processes');
    const script = join(root, 'open.mts');
    writeFileSync(script, `import { openCorpus } from ${JSON.stringify(join(process.cwd(), 'src/build/open.ts'))};
const o = await openCorpus(${JSON.stringify(corpusDir)}, { cacheDir: ${JSON.stringify(cacheDir)} });
process.stdout.write(o.source + ' ' + o.verbatim.index.sentenceCount);\n`);
    const run = () => new Promise<string>((resolve, reject) => {
      const child = spawn(join('node_modules', '.bin', 'tsx'), [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += String(chunk)));
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    const results = await Promise.all([run(), run()]);
    const sources = results.map((r) => r.split(' ')[0]).sort();
    expect(sources).toEqual(['built', 'snapshot']);
    expect(results[0]?.split(' ')[1]).toBe(results[1]?.split(' ')[1]);
  }, 120_000);
});

describe('following the feeds in one process of many', () => {
  it('the holder of the feeds lock follows; another takes over when it stops', async () => {
    const path = join(root, 'locks', 'feeds.lock');
    const events: string[] = [];
    const a = new FeedLeadership(path, () => events.push('a leads'), () => events.push('a resigns'), silentLogger, 50);
    const b = new FeedLeadership(path, () => events.push('b leads'), () => events.push('b resigns'), silentLogger, 50);
    a.begin();
    b.begin();
    expect([a.leading, b.leading]).toEqual([true, false]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual(['a leads']);
    a.end();
    await expect.poll(() => b.leading, { timeout: 2000, interval: 20 }).toBe(true);
    expect(events).toEqual(['a leads', 'b leads']);
    b.end();
  });
});
