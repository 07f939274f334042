import { describe, it, expect } from 'vitest';
import { Verbatim } from '../src/verbatim.js';

// Every corpus the project ships; each sentence the index can return must stand in its article.
describe.each(['corpus', 'test/eval/fictional/corpus'])('the verbatim guarantee over %s', (dir) => {
  const verbatim = Verbatim.fromFolder(dir);
  const { index } = verbatim;

  it('stores every sentence as an exact span of its article', () => {
    expect(index.sentences.length).toBeGreaterThan(10);
    for (const sentence of index.sentences) {
      const article = index.articles[sentence.article];
      const text = index.textOf(sentence);
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(0);
      expect(article?.body.includes(text)).toBe(true);
    }
  });

  it('answers only with sentences found word for word in their article', () => {
    const questions = index.speakers.speakers.map((s) => `what did ${s.name} say`);
    for (const question of [...questions, 'talks', 'water', 'who said the war would end']) {
      for (const result of verbatim.ask(question, 100).results) {
        const article = index.articles.find((a) => a.file === result.source.file);
        const collapsed = (text: string) => text.replace(/\s+/g, ' ');
        expect(collapsed(article?.body ?? '')).toContain(collapsed(result.text));
      }
    }
  });
});

describe('the serialized index', () => {
  it('keeps the sentence text out: only terms and ids', () => {
    const { index } = Verbatim.fromFolder('corpus');
    const serialized = JSON.stringify(index.search);
    for (const sentence of index.sentences.slice(0, 5)) {
      const text = index.textOf(sentence);
      expect(serialized).not.toContain(text.slice(0, 40));
    }
    expect(serialized).toContain('lavrov');
  });
});

describe('hostile article shapes', () => {
  it('analyses a 1 MB single line without punctuation in linear time and keeps it searchable', async () => {
    const { analyzeArticle } = await import('../src/attribution/attribute.js');
    const body = 'word '.repeat(200_000);
    const result = analyzeArticle({ file: 'big.md', meta: { title: 'Big', outlet: null, url: null, published: null, author: null }, body });
    expect(result.sentences).toHaveLength(1);
    expect(result.sentences[0]?.attribution).toBeNull();
  });
});
