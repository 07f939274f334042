import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInBackground } from '../src/build/build.js';
import { sliceFiles, sliceKey } from '../src/build/partCache.js';
import { listArticleFiles } from '../src/corpus/load.js';
import { CorpusIndex } from '../src/search/corpusIndex.js';
import { Verbatim } from '../src/verbatim.js';
import { syntheticCorpus } from '../src/bench/synthetic.js';
import type { Article } from '../src/corpus/types.js';
import { writeArticle as write } from './helpers/articles.js';

// Invented people and words (the bench's generator): enough articles for several slices.
const articles = syntheticCorpus(6_000, 41).articles;

const sampleQuestions = (verbatim: Verbatim) => {
  const names = verbatim.speakerChoices('', 3).map((c) => c.name);
  return [...names.map((n) => `what did ${n} say`), 'talks', 'minister warned'];
};

describe('slices of the corpus files', () => {
  it('cuts at boundaries that depend on the names: adding a file changes only the slice it falls in', () => {
    const files = Array.from({ length: 2_000 }, (_, i) => `2025-03-${String(i).padStart(5, '0')}-story.md`);
    const before = sliceFiles(files);
    expect(before.length).toBeGreaterThan(10);
    expect(before.flat()).toEqual(files);
    const after = sliceFiles([...files.slice(0, 1_000), '2025-03-00999-zz-late.md', ...files.slice(1_000)].sort());
    const key = (slice: string[]) => slice.join('|');
    const unchanged = after.filter((slice) => before.some((b) => key(b) === key(slice)));
    expect(after.length - unchanged.length).toBeLessThanOrEqual(2);
    expect(unchanged.length).toBeGreaterThanOrEqual(before.length - 1);
  });
});

describe('the analysis cache under CACHE_DIR/parts', () => {
  let root: string;
  let corpus: string;
  let cache: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'verbatim-parts-'));
    corpus = join(root, 'corpus');
    cache = join(root, 'cache');
    for (const article of articles.slice(0, -3)) write(corpus, article);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads unchanged slices back and analyses only what changed, with the index a fresh build gives', async () => {
    const counts: { analysed: number; reused: number }[] = [];
    const onAnalysis = (c: { analysed: number; reused: number }) => counts.push(c);
    await buildInBackground(corpus, { threads: 2, cacheDir: cache, onAnalysis });
    expect(counts[0]?.reused).toBe(0);
    const slices = counts[0]?.analysed ?? 0;
    expect(slices).toBeGreaterThan(1);

    // Two articles added, one changed, one removed.
    for (const article of articles.slice(-3, -1)) write(corpus, article);
    const changed = articles[5] as Article;
    write(corpus, { ...changed, body: `${changed.body}\n\nThe envoy said the harbour would reopen on Monday.` });
    rmSync(join(corpus, (articles[9] as Article).file));

    const cached = await buildInBackground(corpus, { threads: 2, cacheDir: cache, onAnalysis });
    const reused = counts[1]?.reused ?? 0;
    expect(reused).toBeGreaterThan(0);
    expect(counts[1]?.analysed).toBeLessThanOrEqual(4);
    const fresh = await buildInBackground(corpus, { threads: 2 });
    expect(cached).toEqual(fresh);
    const a = new Verbatim(CorpusIndex.fromData(cached));
    const b = new Verbatim(CorpusIndex.fromData(fresh));
    for (const question of sampleQuestions(b)) expect(a.ask(question, 10)).toEqual(b.ask(question, 10));
    expect(b.ask('harbour would reopen on Monday', 3).results[0]?.text).toContain('harbour would reopen on Monday');
  });

  it('never trusts a saved part that was altered: it is analysed again', async () => {
    const [slice] = sliceFiles(listArticleFiles(corpus));
    const path = join(cache, 'parts', `${sliceKey(corpus, slice ?? [])}.part`);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff;
    writeFileSync(path, bytes);
    // Without the snapshot of this very corpus (which would be opened as it is), the index is built from the parts.
    for (const entry of readdirSync(cache)) if (entry.startsWith('index-')) rmSync(join(cache, entry), { recursive: true, force: true });
    const counts: { analysed: number; reused: number }[] = [];
    const rebuilt = await buildInBackground(corpus, { threads: 2, cacheDir: cache, onAnalysis: (c) => counts.push(c) });
    expect(counts[0]?.analysed).toBe(1);
    expect(rebuilt).toEqual(await buildInBackground(corpus, { threads: 2 }));
  });
});
