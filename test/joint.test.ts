import { describe, it, expect } from 'vitest';
import { analyzeArticle } from '../src/attribution/attribute.js';
import { Verbatim } from '../src/verbatim.js';
import type { Article } from '../src/corpus/types.js';
import type { Refusal, Timeline } from '../src/questions/answers.js';

const article: Article = {
  file: 'a.md',
  meta: { title: 'Dam talks', outlet: 'Lakeside Courier', url: null, published: '2026-05-01', author: null },
  body: [
    'Ansel Marwood, the prime minister of Calder, met Rhea Osk, the president of Velmar, and Pieter Lund, the envoy of Drunland, at the dam.',
    'Marwood and Osk said the dam would open in June.',
    '“We have settled the water question,” Marwood, Osk and Lund said in a joint statement.',
    'Osk said later that the fees would be halved.',
    'Delegates from Calder and Velmar said the talks had gone on past midnight.',
  ].join('\n\n'),
};

describe('statements made together ("X and Y said")', () => {
  it('are attributed to the first named, with the others beside them', () => {
    const sentences = analyzeArticle(article).sentences;
    const joint = sentences[1]?.attribution;
    expect(joint?.person?.name.join(' ')).toBe('Ansel Marwood');
    expect(joint?.others?.map((p) => p.name.join(' '))).toEqual(['Rhea Osk']);
    expect(sentences[2]?.attribution?.others?.map((p) => p.name.join(' '))).toEqual(['Rhea Osk', 'Pieter Lund']);
    // Places are not people: "Delegates from Calder and Velmar" names no speaker.
    expect(sentences[4]?.attribution?.others ?? []).toEqual([]);
  });

  it('are each speaker’s statement: in each one’s answer, labelled with the person asked about', () => {
    const verbatim = Verbatim.fromCorpus({ articles: [article], failures: [] });
    const osk = verbatim.ask('what did Osk say', 10);
    expect(osk.results.map((r) => r.text)).toEqual(expect.arrayContaining([
      'Marwood and Osk said the dam would open in June.',
      '“We have settled the water question,” Marwood, Osk and Lund said in a joint statement.',
      'Osk said later that the fees would be halved.',
    ]));
    expect(osk.results.every((r) => r.speaker === 'Rhea Osk')).toBe(true);
    const lund = verbatim.ask('what did Lund say', 10);
    expect(lund.results.map((r) => [r.speaker, r.text])).toEqual([['Pieter Lund', '“We have settled the water question,” Marwood, Osk and Lund said in a joint statement.']]);
    expect(verbatim.ask('what did Marwood say', 10).results).toHaveLength(2);
    const timeline = verbatim.timeline('Lund') as Timeline | Refusal;
    expect('error' in timeline ? [] : timeline.days.flatMap((d) => d.results.map((r) => r.speaker))).toEqual(['Pieter Lund']);
    // A question about what happened still shows the first named.
    expect(verbatim.ask('When will the dam open?', 1).results[0]?.speaker).toBe('Ansel Marwood');
  });
});
