import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, NotAnArticle } from '../src/ingest/extract.js';

const page = (name: string) => readFileSync(join('test/ingest/pages', name), 'utf8');

describe('what is an article', () => {
  it('a two-paragraph wire brief is an article, taken whole', () => {
    expect(extractArticle(page('short-brief.html'))).toEqual({
      title: 'Ferry strike called off', byline: null, published: '2025-06-03', outlet: 'Lantern Wire', url: null,
      paragraphs: [
        'PORT SELWYN (Lantern Wire) — Crews of the Selwyn Sound ferries called off a two-day strike on Tuesday after the operator agreed to restore night-shift pay, union leader Agnes Thornquist said.',
        '“The boats sail tomorrow on the normal timetable,” Thornquist told reporters outside the terminal.',
      ],
    });
  });

  it('search results are refused, though each result has a sentence of text', () => {
    expect(() => extractArticle(page('search-results.html'))).toThrow(NotAnArticle);
    expect(() => extractArticle(page('search-results.html'))).toThrow(/not a news article: 5 headline links .*search results/);
  });

  it('a home page is refused by its schema.org type, and by its headlines and teasers without it', () => {
    expect(() => extractArticle(page('home-page.html'))).toThrow(/not a news article: the page calls itself a CollectionPage/);
    const untyped = page('home-page.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    expect(untyped).not.toContain('CollectionPage');
    expect(() => extractArticle(untyped)).toThrow(/not a news article: 5 headline links/);
  });

  it('a list of links and a paywall stub are still refused', () => {
    expect(() => extractArticle(page('not-an-article.html'))).toThrow(/not a news article: no sentences/);
    expect(() => extractArticle(page('paywall-stub.html'))).toThrow(/paywall stub/);
  });
});

describe('the article text', () => {
  it('keeps headings, list items and quotations in order, each its own paragraph; drops the caption, the byline and related links', () => {
    const article = extractArticle(page('structured-article.html'));
    expect(article.byline).toBe('Hanne Ostrava');
    expect(article.paragraphs).toEqual([
      'The treaty signed on Monday by the three Drava basin states replaces an agreement that had gone unrevised for forty years, and it touches almost everyone who lives along the river.',
      'Who gets the water',
      'Each state keeps a fixed share of the summer flow, measured at the Tarnow weir, and any state that draws more must pay into a shared fund.',
      'Veldia keeps 40 percent of the summer flow.',
      'Ostmark keeps 35 percent, up from 30.',
      'The Lower Cantons keep the remaining 25 percent.',
      'What the negotiators said',
      '“Nobody got everything, and that is why it will last,” said Milos Varga, who led the Ostmark delegation.',
      'Irena Falk, the Veldian water minister, said the fund would pay for new gauges along the whole length of the river.',
      'The next steps',
      'Each parliament must ratify the treaty by the end of the year.',
      'A joint commission meets for the first time in January.',
      'The first shares will be measured next summer.',
    ]);
  });

  it('every paragraph stands in the page word for word', () => {
    const source = page('structured-article.html').replace(/\s+/g, ' ');
    for (const paragraph of extractArticle(page('structured-article.html')).paragraphs) expect(source).toContain(paragraph);
  });

  it('a relative canonical link is resolved against the page url when one is given', () => {
    const html = page('short-brief.html').replace('<meta property="og:type"', '<link rel="canonical" href="/briefs/ferry-strike-called-off"><meta property="og:type"');
    expect(extractArticle(html).url).toBeNull();
    expect(extractArticle(html, { url: 'https://lantern-wire.example/briefs/123?ref=rss' }).url).toBe('https://lantern-wire.example/briefs/ferry-strike-called-off');
  });
});
