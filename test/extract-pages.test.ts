import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, NotAnArticle } from '../src/ingest/extract.js';
import { articleBlocks } from '../src/ingest/blocks.js';
import { withoutChrome } from '../src/ingest/chrome.js';

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

  it('a story in sections headed by links is an article: its paragraphs are long, not teasers', () => {
    const article = extractArticle(page('linked-sections.html'));
    expect(article.paragraphs).toHaveLength(10);
    expect(article.paragraphs[1]).toBe('Port Aster dredges every winter');
    expect(article.paragraphs.at(-1)).toBe('None of the four ports thinks it has found the final answer, and all of them expect the bills to rise as the storms grow stronger.');
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

describe('the page furniture inside an article', () => {
  it('drops a lone url, credited captions, a newsletter call, the agency credits and the box of other stories at the end', () => {
    expect(extractArticle(page('article-furniture.html')).paragraphs).toEqual([
      'PORT SELWYN (Lantern Wire) — Fares on the Selwyn Sound ferries will rise by ten percent from the first of June, the operator said on Friday, blaming the cost of fuel and of the new night-shift agreement with the crews.',
      'A crossing for a car and two passengers will cost 46 crowns, up from 42. Foot passengers will pay 9 crowns, and season tickets bought before the end of May will keep the old price until they run out.',
      '“Nobody likes a rise, but the boats have to be paid for,” said Tomas Kerr, the operator\'s chief executive, adding that the company had held fares for three years.',
      'The island councils said they would ask the regional government for a subsidy to keep the rise off residents\' tickets, as it did during the fuel crisis of 2022.',
    ]);
  });

  const story = [
    '<p>The council voted on Monday to keep the old lighthouse open to visitors through the winter, reversing a decision taken in the spring.</p>',
    '<p>Keepers will work in pairs, and the tower will close in storms, the harbour master Ilse Brandvold said after the vote.</p>',
    '<p>Tickets will cost the same as in summer, and children under twelve will still climb the stairs for free.</p>',
  ].join('');
  const texts = (html: string) => withoutChrome(articleBlocks(html), 'Lighthouse stays open', null).map((b) => b.text);

  it('drops a block whose class names the furniture (sharing, related stories), and keeps the story around it', () => {
    const html = `${story}<div class="article-share-tools"><p>Tell a friend who loves the coast about the winter opening today.</p></div><aside class="related-links"><p>Harbour talks end with a fishing truce, and the fleets sail again.</p></aside>`;
    expect(texts(html)).toEqual(texts(story));
    expect(texts(html)).toHaveLength(3);
  });

  it('keeps a block named like furniture when it holds most of the article, and ignores a long id made of a heading', () => {
    expect(texts(`<div class="post-content has-share-buttons">${story}</div>`)).toHaveLength(3);
    expect(texts(`${story}<section id="sharing-the-keepers-cottage"><p>The keepers will share the cottage at the foot of the tower, as keepers did a century ago.</p></section>`)).toHaveLength(4);
  });

  it('a heading such as "More questions than answers" does not end the story; "More Harbour News" near the end does', () => {
    const tail = '<p>Fish prices soar as the harbour dispute drags on.</p>';
    expect(texts(`${story}<h2>More questions than answers</h2>${tail}`)).toHaveLength(5);
    expect(texts(`${story}<h2>More Harbour News</h2>${tail}`)).toHaveLength(3);
    // Not when most of the text comes after it: that is the story, whatever the heading says.
    expect(texts(`<p>Short opening line of the piece, in one sentence.</p><h2>Related reading</h2>${story}`)).toHaveLength(5);
  });
});
