import { describe, it, expect } from 'vitest';
import { Verbatim } from '../src/verbatim.js';
import type { Article } from '../src/corpus/types.js';

const verbatim = Verbatim.fromCorpus({
  articles: [{
    file: 'a.md',
    meta: { title: 'Harbour talks', outlet: 'Lakeside Courier', url: null, published: '2026-05-01', author: null },
    body: [
      'Ansel Marwood, the prime minister of Calder, met Rhea Osk, the president of Velmar, in Port Imber.',
      '“A summit between our two leaders is planned for the autumn,” Marwood said.',
      'Osk told reporters that the harbour fees would be halved.',
    ].join('\n\n'),
  } satisfies Article],
  failures: [],
});

describe('a name in a question', () => {
  it('is the speaker asked about when the question asks what they said', () => {
    for (const question of ['what did Marwood say', 'did Marwood say a summit was planned', 'according to Osk, what happens to the fees', 'What are Osk’s views on the harbour?', 'Marwood summit', 'Osk’s statements']) {
      expect(verbatim.ask(question).speaker, question).not.toBeNull();
    }
  });

  it('belongs to the topic when the question asks about what happened', () => {
    for (const question of ['Is a Marwood Osk summit planned?', 'Where did Marwood and Osk meet?', 'Will Osk visit Calder again?']) {
      const answer = verbatim.ask(question);
      expect(answer.speaker, question).toBeNull();
      expect(answer.unknownSpeaker, question).toBeNull();
      // The names stay in the topic: they are what the answer is about.
      expect(answer.topic.some((w) => /^(?:marwood|osk)$/iu.test(w)), question).toBe(true);
    }
    const summit = verbatim.ask('Is a Marwood Osk summit planned?');
    expect(summit.results[0]?.text).toBe('“A summit between our two leaders is planned for the autumn,” Marwood said.');
  });
});
