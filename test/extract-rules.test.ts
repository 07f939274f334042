import { describe, it, expect } from 'vitest';
import { articleBlocks } from '../src/ingest/blocks.js';
import { withoutChrome } from '../src/ingest/chrome.js';

// One general rule of the extractor a test: the rule's kind of furniture is dropped, the story is kept.
const story = [
  '<p>The council voted on Monday to keep the old lighthouse open to visitors through the winter, reversing a decision taken in the spring.</p>',
  '<p>Keepers will work in pairs, and the tower will close in storms, the harbour master Ilse Brandvold said after the vote.</p>',
  '<p>Tickets will cost the same as in summer, and children under twelve will still climb the stairs for free.</p>',
].join('');
const texts = (html: string, title = 'Lighthouse stays open') => withoutChrome(articleBlocks(html), title, null).map((b) => b.text);
const storyTexts = texts(story);

describe('the furniture rules', () => {
  it('drops the article header (standfirst, kicker, stamp) when it is a small part of the text', () => {
    const header = '<header class="story-top"><p>Winter visitors will climb the tower after all, the council has decided.</p><p>Coast · 3 hours ago</p></header>';
    expect(texts(`${header}${story}`)).toEqual(storyTexts);
    // A header holding most of the text is the article itself.
    expect(texts(`<header>${story}</header>`)).toEqual(storyTexts);
  });

  it('drops the card a name shows on hover, and keeps the name and its sentence', () => {
    const html = story.replace(
      'the harbour master Ilse Brandvold said',
      'the harbour master <span class="rollover-person"><a class="rollover-person-link" href="/people/ilse-brandvold">Ilse Brandvold</a><span class="rollover-person-card"><a href="/people/ilse-brandvold">Ilse Brandvold</a><a href="/story/1">Harbour master warns of a hard winter on the quays</a></span></span> said',
    );
    expect(texts(html)).toEqual(storyTexts);
    expect(texts(`${story}<p>The vote was close.<span class="tooltip">Seven votes to six, with one abstention</span></p>`)).toEqual([...storyTexts, 'The vote was close.']);
  });
});

describe('addresses on a line of their own', () => {
  it('drops a printed address, and keeps one the story links to as its source', () => {
    const html = `${story}<p>https://lantern-wire.example/coast/lighthouse-stays-open</p><p>The minutes of the vote are online:</p><p><a href="https://council.example/minutes/2025-11">https://council.example/minutes/2025-11</a></p>`;
    expect(texts(html)).toEqual([...storyTexts, 'The minutes of the vote are online:', 'https://council.example/minutes/2025-11']);
  });
});
