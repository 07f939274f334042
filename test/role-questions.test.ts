import { describe, it, expect } from 'vitest';
import { Verbatim } from '../src/verbatim.js';
import type { Article } from '../src/corpus/types.js';

const article = (file: string, published: string, paragraphs: string[]): Article => ({
  file, meta: { title: `Border talks (${file})`, outlet: 'Lakeside Courier', url: null, published, author: null }, body: paragraphs.join('\n\n'),
});

// The roles stand in one article; the questions name them in other words, or only in another article.
const verbatim = Verbatim.fromCorpus({
  articles: [
    article('a.md', '2026-05-01', [
      'Veloria’s chief negotiator, Marta Quell, arrived in Port Imber on Monday.',
      '“We came to close the file,” Quell said.',
      'Drunland’s army chief, General Oskar Tamm, said the troops would pull back.',
      'Ivo Renner, a spokesman for the Velorian foreign ministry, said the talks would resume.',
    ]),
    article('b.md', '2026-05-02', ['“The file is closed,” Quell told reporters on Tuesday.']),
  ],
  failures: [],
});

describe('questions that name a role, not a person', () => {
  it('find the person the corpus describes with that role, or a close one', () => {
    expect(verbatim.ask('what did the chief negotiator say').speaker).toBe('Marta Quell');
    expect(verbatim.ask("what did Veloria's spokesman say").speaker).toBe('Ivo Renner');
    expect(verbatim.ask('what did the army chief say').speaker).toBe('Oskar Tamm');
    expect(verbatim.ask("what did the country's top general say").speaker).toBe('Oskar Tamm');
  });

  it('answer from every article, also those that name the person by surname only', () => {
    const texts = verbatim.ask('what did the chief negotiator say', 10).results.map((r) => r.source.file);
    expect(texts).toEqual(expect.arrayContaining(['a.md', 'b.md']));
  });
});
