import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle, NotAnArticle } from '../src/ingest/extract.js';
import { addArticles } from '../src/ingest/add.js';
import { canonicalUrl } from '../src/ingest/duplicates.js';
import { loadCorpus } from '../src/corpus/load.js';
import { Verbatim } from '../src/verbatim.js';
import { toContractJson } from '../src/answer.js';

const PAGES = 'test/ingest/pages';
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');
const emptyCorpus = () => mkdtempSync(join(tmpdir(), 'verbatim-add-'));

describe('extracting an article from a saved page', () => {
  it('JSON-LD: metadata from the article object in @graph, paragraphs exactly as shown', () => {
    const article = extractArticle(page('jsonld-article.html'));
    expect(article).toMatchObject({
      title: 'Harbour talks end with a fishing truce', byline: 'Petra Lindqvist', published: '2025-03-02', outlet: 'The Coastal Ledger',
      url: 'https://coastal-ledger.example/world/2025/03/02/harbour-talks-fishing-truce',
    });
    expect(article.paragraphs).toHaveLength(7);
    // Entities decoded, whitespace as a browser shows it; no byline, caption, navigation or related links.
    expect(article.paragraphs[2]).toBe('Teodor Brankovic, who led the Kestrel delegation, said the truce was “a floor, not a ceiling” and warned that his government would return to the table only if the quotas were revised by autumn.');
    expect(article.paragraphs.join(' ')).not.toMatch(/By Petra|Trawlers moored|Fish prices soar|All rights reserved|Subscribe/);
  });

  it('meta tags only: og:site_name, article:published_time, author, canonical link', () => {
    expect(extractArticle(page('meta-only.html'))).toMatchObject({
      title: 'Rail link vote delayed again', byline: 'Oskar Henning', published: '2025-04-11', outlet: 'Northern Courier',
      url: 'https://northern-courier.example/news/rail-link-vote-delayed', paragraphs: expect.arrayContaining(['The vote is now expected in May.']),
    });
  });

  it('no date anywhere: published is null, nothing invented', () => {
    expect(extractArticle(page('no-date.html'))).toMatchObject({ title: 'Observers arrive for the Drava ceasefire', published: null, byline: null, url: null, outlet: 'Riverlands Post' });
  });

  it.each([
    ['paywall-stub.html', /paywall stub/],
    ['not-an-article.html', /not a news article/],
  ])('refuses %s with a clear reason', (name, reason) => {
    expect(() => extractArticle(page(name))).toThrow(NotAnArticle);
    expect(() => extractArticle(page(name))).toThrow(reason);
  });
});

describe('npm run add', () => {
  it('writes <date>-<slug>.md in the corpus format, which the corpus then serves with its quotes attributed', () => {
    const corpus = emptyCorpus();
    const [result] = addArticles([join(PAGES, 'jsonld-article.html')], corpus, { cwd: corpus });
    expect(result).toMatchObject({ status: 'added', file: '2025-03-02-harbour-talks-end-with-a-fishing-truce.md', paragraphs: 7 });
    if (result?.status !== 'added') throw new Error('not added');
    expect(result.speakers.map(([name]) => name)).toEqual(expect.arrayContaining(['Ilse Varnhagen', 'Teodor Brankovic', 'Mara Quist']));
    const loaded = loadCorpus(corpus, corpus);
    expect(loaded.failures).toEqual([]);
    expect(loaded.articles[0]?.meta).toEqual({
      title: 'Harbour talks end with a fishing truce', outlet: 'The Coastal Ledger', published: '2025-03-02', author: 'Petra Lindqvist',
      url: 'https://coastal-ledger.example/world/2025/03/02/harbour-talks-fishing-truce',
    });
    const answer = Verbatim.fromCorpus(loaded).ask('what did Ilse Varnhagen say', 5);
    expect(answer.speaker).toBe('Ilse Varnhagen');
    expect(answer.results.map((r) => r.text)).toContain('“The harbour will stay open to both fleets, and nobody will be turned away at the breakwater,” said Ilse Varnhagen, the Valdorian port commissioner, as she left the customs house where the talks were held.');
  });

  it('names an undated article "undated-…" and never overwrites a file', () => {
    const corpus = emptyCorpus();
    writeFileSync(join(corpus, 'undated-observers-arrive-for-the-drava-ceasefire.md'), '---\ntitle: Something else\n---\nOther text entirely, about a bridge.\n');
    const [result] = addArticles([join(PAGES, 'no-date.html')], corpus, { cwd: corpus });
    expect(result).toMatchObject({ status: 'added', file: 'undated-observers-arrive-for-the-drava-ceasefire-2.md' });
  });

  it('refuses a wire copy of a story already in the corpus, naming the existing file; --force adds it', () => {
    const corpus = emptyCorpus();
    addArticles([join(PAGES, 'jsonld-article.html')], corpus, { cwd: corpus });
    const [refused] = addArticles([join(PAGES, 'wire-copy.html')], corpus, { cwd: corpus });
    expect(refused).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^already in the corpus as 2025-03-02-harbour-talks-end-with-a-fishing-truce\.md: the same story/) });
    const [forced] = addArticles([join(PAGES, 'wire-copy.html')], corpus, { cwd: corpus, force: true });
    expect(forced).toMatchObject({ status: 'added', file: '2025-03-02-valdoria-and-kestrel-isles-agree-fishing-truce.md' });
  });

  it('refuses a page whose canonical url is already in the corpus, even with other text, and a second copy in one run', () => {
    const corpus = emptyCorpus();
    const other = join(emptyCorpus(), 'same-url.html');
    writeFileSync(other, page('meta-only.html').replace('https://northern-courier.example/news/rail-link-vote-delayed"', 'https://www.Northern-Courier.example/news/rail-link-vote-delayed/?utm_source=x"'));
    const results = addArticles([join(PAGES, 'meta-only.html'), other, join(PAGES, 'meta-only.html')], corpus, { cwd: corpus });
    expect(results.map((r) => r.status)).toEqual(['added', 'refused', 'refused']);
    expect(results[1]).toMatchObject({ reason: expect.stringContaining('the same url') });
    expect(readdirSync(corpus)).toHaveLength(1);
  });

  it('refuses the paywall stub and the non-article page, and adds .md and .txt articles as they are', () => {
    const corpus = emptyCorpus();
    const source = emptyCorpus();
    writeFileSync(join(source, 'note.txt'), 'Bridge talks stall\n\n“Not this week,” said Oda Frell.\n');
    const results = addArticles([join(PAGES, 'paywall-stub.html'), join(PAGES, 'not-an-article.html'), join(source, 'note.txt'), 'missing.html'], corpus, { cwd: corpus });
    expect(results.map((r) => r.status)).toEqual(['refused', 'refused', 'added', 'failed']);
    expect(readFileSync(join(corpus, 'undated-bridge-talks-stall.md'), 'utf8')).toBe('---\ntitle: Bridge talks stall\n---\nBridge talks stall\n\n“Not this week,” said Oda Frell.\n');
  });
});

describe('wire copies in answers', () => {
  it('show a quote once, with every outlet that carried it; the contract JSON has the §2 fields', () => {
    const corpus = emptyCorpus();
    addArticles([join(PAGES, 'jsonld-article.html')], corpus, { cwd: corpus });
    addArticles([join(PAGES, 'wire-copy.html')], corpus, { cwd: corpus, force: true });
    const answer = Verbatim.fromCorpus(loadCorpus(corpus, corpus)).ask('what did Ilse Varnhagen say', 10);
    const harbour = answer.results.filter((r) => r.text.includes('The harbour will stay open'));
    expect(harbour).toHaveLength(1);
    expect([harbour[0]?.source.outlet, ...(harbour[0]?.alsoIn.map((s) => s.outlet) ?? [])].sort()).toEqual(['Meridian Daily', 'The Coastal Ledger']);
    expect(Object.keys((toContractJson(answer) as { results: object[] }).results[0] ?? {})).toEqual(['text', 'speaker', 'quote', 'paragraph', 'score', 'source', 'anonymous', 'alsoIn', 'variants']);
  });

  it('canonical urls ignore case of the host, www, tracking parameters, fragments and trailing slashes', () => {
    expect(canonicalUrl('https://WWW.Example.com/a/b/?utm_source=x&id=3#top')).toBe(canonicalUrl('http://example.com/a/b?id=3'));
    expect(canonicalUrl('https://example.com/a?id=3')).not.toBe(canonicalUrl('https://example.com/a?id=4'));
    expect(canonicalUrl('not a url')).toBeNull();
  });
});
