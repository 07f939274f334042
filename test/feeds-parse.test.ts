import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed, FeedFormatError, MAX_ITEMS, type FeedItem } from '../src/feeds/parseFeed.js';
import { matchesFeed } from '../src/feeds/match.js';

const FIXTURES = join(import.meta.dirname, 'feeds');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function item(fields: Partial<FeedItem> & { url: string }): FeedItem {
  return { title: null, summary: null, categories: [], published: null, id: null, ...fields };
}

function formatError(text: string): string {
  try {
    parseFeed(text, 'https://feeds.example/world/feed.xml');
  } catch (error) {
    expect(error).toBeInstanceOf(FeedFormatError);
    return (error as Error).message;
  }
  throw new Error('parsed without an error: ' + text.slice(0, 80));
}

function rss(items: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>${items}</channel></rss>`;
}

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(fixture('gazette-rss.xml'), 'https://gazette.example/feeds/world.xml');

  it('reads the kind and the title, entities decoded', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('The Lakeside Gazette \u2013 World');
    expect(feed.sitemaps).toEqual([]);
  });

  it('turns CDATA and escaped HTML into plain text, entities decoded, scripts dropped', () => {
    expect(feed.items[0]).toEqual(item({
      url: 'https://gazette.example/world/2025/02/18/ruzicka-harbour-talks.html?ref=rss&copy=1',
      title: 'Minister Růžička & the harbour talks',
      summary: 'Foreign minister Ilja Růžička said the talks were \u201cconstructive\u201d. Next round in March & April.',
      categories: ['Diplomacy', 'Harbour Accord'],
      published: '2025-02-18T09:30:00.000Z',
      id: 'gazette-4411',
    }));
    expect(feed.items[1]).toEqual(item({
      url: 'https://gazette.example/world/2025/02/17/kovac-will-not-sign',
      title: 'Kovač: "We will not sign" \u2014 talks stall',
      summary: 'Marta Kovač told reporters the draft was "unworkable".',
      published: '2025-02-17T18:00:00.000Z',
    }));
  });

  it('does not give items the feed\'s own categories', () => {
    // The channel is categorised "World"; the library would copy that onto every item.
    expect(feed.items.map((entry) => entry.categories).flat()).not.toContain('World');
  });

  it('takes a permalink guid as the link, and drops items without a usable http(s) link', () => {
    expect(feed.items.map((entry) => entry.title)).toEqual([
      'Minister Růžička & the harbour talks',
      'Kovač: "We will not sign" \u2014 talks stall',
      'Item carried by its permalink guid',
      'Date that cannot be read',
      'Date far in the future',
      'Date at the epoch',
      'Spaced out title',
    ]);
    expect(feed.items[2]?.url).toBe('https://gazette.example/world/2025/02/16/permalink-guid');
    expect(feed.items[2]?.published).toBe('2025-02-16T08:00:00.000Z');
  });

  it('gives null for dates that cannot be read or cannot be true', () => {
    const dates = Object.fromEntries(feed.items.map((entry) => [entry.url.replace(/.*\//, ''), entry.published]));
    expect(dates).toMatchObject({ 'bad-date': null, 'future-date': null, 'epoch-date': null });
  });

  it('collapses whitespace and falls back to content:encoded for the summary', () => {
    expect(feed.items[6]).toEqual(item({
      url: 'https://gazette.example/world/spaced',
      title: 'Spaced out title',
      summary: 'Only full content, no description.',
    }));
  });

  it('keeps a date a little ahead (time zones) but not one days ahead', () => {
    const soon = new Date(Date.now() + 60 * 60 * 1000).toUTCString();
    const later = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toUTCString();
    const parsed = parseFeed(rss(`<item><link>https://a.example/1</link><pubDate>${soon}</pubDate></item><item><link>https://a.example/2</link><pubDate>${later}</pubDate></item>`), 'https://a.example/rss');
    expect(parsed.items.map((entry) => entry.published)).toEqual([new Date(soon).toISOString(), null]);
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed(fixture('courier-atom.xml'), 'https://courier.example/feeds/politics.atom');

  it('reads the title as text when it is HTML', () => {
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Northport Courier & Politics');
  });

  it('takes the alternate link, resolved against xml:base', () => {
    expect(feed.items[0]).toEqual(item({
      url: 'https://courier.example/politics/2025/02/18/okonkwo-vell-envoy',
      title: 'Okonkwo-Vell names new envoy',
      summary: 'Senator Dara Okonkwo-Vell named an envoy.',
      categories: ['Politics', 'envoys'],
      published: '2025-02-18T07:15:00.000Z',
      id: 'tag:courier.example,2025:1001',
    }));
  });

  it('resolves an entry\'s own xml:base against the feed\'s, and dates an entry by <updated> when it has no <published>', () => {
    expect(feed.items[1]).toEqual(item({
      url: 'https://courier.example/archive/old-story.html',
      title: 'Entry with its own xml:base and a link without rel',
      summary: 'Only updated, no published.',
      published: '2025-02-17T16:00:00.000Z',
      id: 'tag:courier.example,2025:1002',
    }));
  });

  it('falls back to the first link, and drops an entry with none', () => {
    expect(feed.items.map((entry) => entry.url)).toEqual([
      'https://courier.example/politics/2025/02/18/okonkwo-vell-envoy',
      'https://courier.example/archive/old-story.html',
      'https://partner.example/story',
    ]);
  });

  it('resolves relative links against the feed url when there is no xml:base', () => {
    const text = '<feed xmlns="http://www.w3.org/2005/Atom"><title>C</title><entry><title>E</title><link href="../stories/one"/></entry></feed>';
    expect(parseFeed(text, 'https://courier.example/feeds/all.atom').items[0]?.url).toBe('https://courier.example/stories/one');
  });
});

describe('parseFeed: RDF', () => {
  it('reads RSS 1.0 items, which sit beside the channel', () => {
    const feed = parseFeed(fixture('herald-rdf.xml'), 'https://herald.example/index.rdf');
    expect(feed).toEqual({
      kind: 'rdf',
      title: 'Valley Herald',
      sitemaps: [],
      items: [item({
        url: 'https://herald.example/2025/mayor-brandt',
        title: 'Mayor Brandt opens the bridge',
        summary: 'Mayor Elsa Brandt cut the ribbon.',
        categories: ['Local'],
        published: '2025-02-15T13:00:00.000Z',
        id: 'https://herald.example/2025/mayor-brandt',
      })],
    });
  });
});

describe('parseFeed: sitemaps', () => {
  it('reads a news sitemap: title, date and keywords from news:, entities decoded, bad entries dropped', () => {
    const feed = parseFeed(fixture('news-sitemap.xml'), 'https://tribune.example/news-sitemap.xml');
    expect(feed).toEqual({
      kind: 'sitemap',
      title: null,
      sitemaps: [],
      items: [
        item({
          url: 'https://tribune.example/world/2025/02/18/ruzicka-visits-lodz?utm=a&b=2',
          title: 'Růžička visits Łódź & meets Kovač',
          categories: ['diplomacy', 'Harbour Accord'],
          published: '2025-02-18T07:00:00.000Z',
        }),
        item({ url: 'https://tribune.example/world/2025/02/17/relative-loc', title: 'Café owners protest', published: '2025-02-17T00:00:00.000Z' }),
        item({ url: 'https://tribune.example/world/bad-date', title: 'Bad date' }),
      ],
    });
  });

  it('reads a plain sitemap, dated by lastmod', () => {
    expect(parseFeed(fixture('plain-sitemap.xml'), 'https://almanac.example/sitemap.xml').items).toEqual([
      item({ url: 'https://almanac.example/', published: '2025-02-18T00:00:00.000Z' }),
      item({ url: 'https://almanac.example/about' }),
    ]);
  });

  it('gives a sitemap index\'s child sitemaps, absolute, http(s), once each', () => {
    expect(parseFeed(fixture('sitemap-index.xml'), 'https://tribune.example/sitemap.xml')).toEqual({
      kind: 'sitemap-index',
      title: null,
      items: [],
      sitemaps: ['https://tribune.example/sitemaps/news.xml', 'https://tribune.example/sitemaps/2025-02.xml'],
    });
  });

  it('reads a document with comments and processing instructions around its root', () => {
    const text = '\uFEFF<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?>\n<urlset><url><loc>https://a.example/1</loc></url></urlset>\n<!-- 12 ms -->\n';
    expect(parseFeed(text, 'https://a.example/s.xml').items.map((entry) => entry.url)).toEqual(['https://a.example/1']);
  });

  it('reads an empty sitemap', () => {
    expect(parseFeed('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', 'https://a.example/s.xml').items).toEqual([]);
  });
});

describe('parseFeed: what is not a feed', () => {
  const gazette = fixture('gazette-rss.xml');

  it.each([
    ['an HTML page', fixture('not-a-feed.html'), 'the text is an HTML page, not a feed'],
    // The library reads XML only; JSON Feed is refused rather than half-supported.
    ['a JSON Feed', fixture('json-feed.json'), 'the text is JSON, not XML (JSON Feed is not supported)'],
    ['an empty string', '', 'the text is empty'],
    ['only whitespace and a byte order mark', '\uFEFF \n\t ', 'the text is empty'],
    ['a declaration alone', '<?xml version="1.0"?>\n', 'the XML has no root element'],
    ['plain text', 'Service unavailable, try later', 'the text is not XML (it starts "Service unavailable, try later")'],
    ['another kind of XML', '<?xml version="1.0"?><note><to>desk</to></note>', 'the XML is not a feed or a sitemap (its root element is <note>)'],
    ['a feed cut off between tags', gazette.slice(0, gazette.indexOf('</item>') + 7), 'the XML ends before its <rss> element is closed (truncated?)'],
    ['a feed cut off inside a tag', gazette.slice(0, gazette.indexOf('</title>') + 4), 'the XML ends before its <rss> element is closed (truncated?)'],
    ['a sitemap cut off', fixture('news-sitemap.xml').slice(0, 400), 'the XML ends before its <urlset> element is closed (truncated?)'],
    ['a feed with text after its end', rss('<item><link>https://a.example/1</link></item>') + '\n<!-- cached -->\n<p>served by cache-7</p>', 'the XML goes on after its closing </rss>'],
    ['RSS without a channel', '<rss version="2.0"><item><link>https://a.example/1</link></item></rss>', 'the RSS feed cannot be read: The RSS feed does not have a channel element'],
  ])('refuses %s', (_name, text, message) => {
    expect(formatError(text)).toBe(message);
  });

  it('refuses mis-nested XML, saying where, rather than silently dropping the items after it', () => {
    expect(formatError(rss('<item><title>A</titel><link>https://a.example/1</link></item>'))).toMatch(/^the XML is broken: .*titel.* \(line 1, column \d+\)$/);
    expect(formatError('<urlset><url><loc>https://a.example/1</loc></url><url><loc>https://a.example/2</lo></url></urlset>')).toMatch(/^the XML is broken: Expected closing tag 'loc'/);
  });

  it('still reads feeds with the everyday mistakes the library tolerates: a bare & and HTML entities', () => {
    const feed = parseFeed(rss('<item><title>Trade &amp; tariffs & more&nbsp;news</title><link>https://a.example/1?a=1&b=2</link></item>'), 'https://a.example/rss');
    expect(feed.items).toEqual([item({ url: 'https://a.example/1?a=1&b=2', title: 'Trade & tariffs & more news' })]);
  });
});

describe('parseFeed: bounds', () => {
  it(`keeps the first ${MAX_ITEMS} of 1,500 items, and items without links do not count`, () => {
    const items = ['<item><title>no link</title></item>'];
    for (let n = 1; n <= 1500; n++) items.push(`<item><title>Story ${n}</title><link>https://a.example/${n}</link></item>`);
    const feed = parseFeed(rss(items.join('')), 'https://a.example/rss');
    expect(MAX_ITEMS).toBe(1000);
    expect(feed.items).toHaveLength(1000);
    expect(feed.items[0]?.title).toBe('Story 1');
    expect(feed.items[999]?.title).toBe('Story 1000');
  });

  it(`keeps the first ${MAX_ITEMS} urls of a large sitemap`, () => {
    const urls = Array.from({ length: 1500 }, (_, n) => `<url><loc>https://a.example/${n}</loc></url>`).join('');
    const feed = parseFeed(`<urlset>${urls}</urlset>`, 'https://a.example/sitemap.xml');
    expect(feed.items).toHaveLength(1000);
    expect(feed.items.at(-1)?.url).toBe('https://a.example/999');
  });

  it('cuts a summary that holds a whole article, between words', () => {
    const long = '<p>' + 'Kovač said the harbour accord would hold. '.repeat(500) + '</p>';
    const summary = parseFeed(rss(`<item><link>https://a.example/1</link><description><![CDATA[${long}]]></description></item>`), 'https://a.example/rss').items[0]?.summary ?? '';
    expect(summary.length).toBeGreaterThan(3000);
    expect(summary.length).toBeLessThanOrEqual(4000);
    expect(summary).toMatch(/^Kovač said the harbour accord/);
    expect(summary).toMatch(/\S$/);
    expect(summary.split(' ').every((word) => 'Kovač said the harbour accord would hold.'.split(' ').includes(word))).toBe(true);
  });

  it('does not expand a document\'s entities without bound', () => {
    const entity = 'x'.repeat(10_000);
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${entity}">]><rss version="2.0"><channel><title>${'&big;'.repeat(1000)}</title></channel></rss>`;
    expect(formatError(text)).toMatch(/^the RSS feed cannot be read: .*limit/i);
  });
});

describe('matchesFeed', () => {
  const story = item({
    url: 'https://gazette.example/world/2025/02/18/okonkwo-vell-meets-envoy.html',
    title: 'Minister Růžička welcomes the Harbour Accord',
    summary: "Marta Kovač's riot police cleared the square in Łódź; Ørsted & co. watched.",
    categories: ['Diplomacy', 'Northern Ports'],
  });

  it('takes every item when there are no terms', () => {
    expect(matchesFeed(story, [])).toBe(true);
    expect(matchesFeed(item({ url: 'https://a.example/x' }), [])).toBe(true);
  });

  it('is case-insensitive and folds diacritics, both ways', () => {
    expect(matchesFeed(story, ['ruzicka'])).toBe(true);
    expect(matchesFeed(story, ['RŮŽIČKA'])).toBe(true);
    expect(matchesFeed(item({ url: 'https://a.example/x', title: 'Ruzicka speaks' }), ['Růžička'])).toBe(true);
    expect(matchesFeed(story, ['Lodz'])).toBe(true);
    expect(matchesFeed(story, ['orsted'])).toBe(true);
  });

  it('matches whole words only', () => {
    expect(matchesFeed(story, ['Rio'])).toBe(false); // "riot"
    expect(matchesFeed(story, ['Harbor'])).toBe(false);
    expect(matchesFeed(story, ['Accor'])).toBe(false);
    expect(matchesFeed(story, ['Kovač'])).toBe(true); // "Kovač's"
    expect(matchesFeed(item({ url: 'https://a.example/x', title: 'Riot in the port' }), ['Rio'])).toBe(false);
    expect(matchesFeed(item({ url: 'https://a.example/x', title: 'Delegates reach Rio.' }), ['Rio'])).toBe(true);
  });

  it('matches phrases word for word, across punctuation but not across other words', () => {
    expect(matchesFeed(story, ['Harbour Accord'])).toBe(true);
    expect(matchesFeed(story, ['harbour   accord'])).toBe(true);
    expect(matchesFeed(story, ['Minister Harbour'])).toBe(false);
    expect(matchesFeed(story, ['Łódź Ørsted'])).toBe(true); // "Łódź; Ørsted"
  });

  it('looks at the title, the summary, the categories and the url path, not the host', () => {
    const bare = { url: 'https://gazette.example/world/2025/02/18/story.html', title: null, summary: null, categories: [] };
    expect(matchesFeed(item({ ...bare, title: 'Brandt speaks' }), ['Brandt'])).toBe(true);
    expect(matchesFeed(item({ ...bare, summary: 'Brandt speaks' }), ['Brandt'])).toBe(true);
    expect(matchesFeed(item({ ...bare, categories: ['Brandt'] }), ['Brandt'])).toBe(true);
    expect(matchesFeed(item({ ...bare, url: 'https://gazette.example/world/brandt-speaks-1234' }), ['Brandt'])).toBe(true);
    expect(matchesFeed(item({ ...bare, url: 'https://herald.example/w/rozmowa-z-%C5%82odzi' }), ['rozmowa z lodzi'])).toBe(true);
    expect(matchesFeed(item(bare), ['gazette'])).toBe(false);
    expect(matchesFeed(item(bare), ['html'])).toBe(false);
    expect(matchesFeed(item(bare), ['Brandt'])).toBe(false);
  });

  it('needs one term of several, and ignores terms with no letters or digits', () => {
    expect(matchesFeed(story, ['Brandt', 'Okonkwo-Vell'])).toBe(true);
    expect(matchesFeed(story, ['Brandt', 'Lavender'])).toBe(false);
    expect(matchesFeed(story, ['—', '...'])).toBe(false);
  });

  it('works on what parseFeed gives', () => {
    const feed = parseFeed(fixture('gazette-rss.xml'), 'https://gazette.example/feeds/world.xml');
    const titles = (terms: string[]) => feed.items.filter((entry) => matchesFeed(entry, terms)).map((entry) => entry.title);
    expect(titles(['Ruzicka'])).toEqual(['Minister Růžička & the harbour talks']);
    expect(titles(['kovac', 'harbour accord'])).toEqual(['Minister Růžička & the harbour talks', 'Kovač: "We will not sign" \u2014 talks stall']);
    expect(titles(['World'])).toHaveLength(7); // every link is under /world/
  });
});
