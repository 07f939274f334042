import { describe, it, expect } from 'vitest';
import { analyzeArticle } from '../src/attribution/attribute.js';
import { Verbatim } from '../src/verbatim.js';
import { toContractJson } from '../src/answer.js';
import type { Article } from '../src/corpus/types.js';

const article = (body: string[], file = 'a.md'): Article => ({
  file, meta: { title: 'Harbour talks', outlet: 'Northgate Daily', url: null, published: '2026-04-02', author: null }, body: body.join('\n\n'),
});

const INTRO = 'Ada Vrenn, the foreign minister of Calder, arrived in Valmont on Monday with Tomas Brandt, the diplomat who chairs the talks.';

function attributions(sentences: string[]) {
  const analyzed = analyzeArticle(article([INTRO, ...sentences]));
  return analyzed.sentences.slice(1).map((s) => ({ text: s.text, person: s.attribution?.person?.name.join(' ') ?? null, anonymous: s.attribution?.anonymous ?? null, quote: s.attribution?.quote ?? null }));
}

describe('unnamed sources', () => {
  it('are statements by nobody named, in every common shape', () => {
    const found = attributions([
      'An official who spoke on condition of anonymity said the draft was ready.',
      'A senior diplomat, speaking on condition of anonymity, said the harbour fees would fall.',
      'According to people familiar with the talks, the ferry schedule is agreed.',
      'A source close to the delegation said the customs question was still open.',
      'Two negotiators said the text ran to forty pages.',
      'An aide to Vrenn said the minister would stay another night.',
    ]);
    for (const { text, person, anonymous } of found) expect({ text, person, anonymous }).toEqual({ text, person: null, anonymous: true });
  });

  it('are also people described by where they stand, counted, or after an inverted cue', () => {
    const found = attributions([
      'People familiar with the agenda said the harbour question had been put last.',
      'An aide to the mediator said the delegations had dined together.',
      'A member of the Calder delegation, who asked not to be named, said Vrenn had been ready to leave.',
      'Officials on both sides, who were not authorised to speak publicly, said the text was finished.',
      'A police officer on duty at the gate said the week had passed quietly.',
      'According to two diplomats briefed on the session, the delegation walked out for an hour.',
      '“The numbers moved more in one night than in a year,” said a Western diplomat who has followed the talks.',
    ]);
    for (const { text, person, anonymous } of found) expect({ text, person, anonymous }).toEqual({ text, person: null, anonymous: true });
  });

  it('are not organisations, named people or an unresolved pronoun', () => {
    const found = attributions([
      'The ministry said the draft was ready.',
      'Vrenn said the harbour fees would fall.',
      'They said the ferry schedule was agreed.',
    ]);
    expect(found.map((f) => f.anonymous)).toEqual([false, false, false]);
    expect(found[1]?.person).toBe('Ada Vrenn');
  });

  it('keep their follow-up quotation unnamed, never the named person beside them', () => {
    const found = attributions([
      'Vrenn spoke first. A senior official said the harbour would reopen on Friday. “Nobody wants another closed season,” the official added, unprompted. “The ferries must run.”',
    ]);
    const last = found.find((f) => f.text.startsWith('“The ferries'));
    expect(last).toMatchObject({ person: null, anonymous: true });
  });
});

describe('roles and titles', () => {
  it('a quotation followed by its titled speaker is direct', () => {
    expect(attributions(['“We stand ready to sign tonight,” Foreign Minister Ada Vrenn said.'])[0]).toMatchObject({ person: 'Ada Vrenn', quote: 'direct' });
  });

  it('“…,” the diplomat said is the person the article describes so, and the chair is who chairs', () => {
    expect(attributions(['“We will meet again in spring,” the diplomat said.'])[0]).toMatchObject({ person: 'Tomas Brandt', quote: 'direct' });
    const verbatim = Verbatim.fromCorpus({ articles: [article([INTRO, '“We will meet again in spring,” Brandt said.'])], failures: [] });
    expect(verbatim.ask('what did the chair say').speaker).toBe('Tomas Brandt');
  });
});

describe('answers', () => {
  const verbatim = Verbatim.fromCorpus({
    articles: [article([INTRO, 'Vrenn said the harbour fees would fall by spring.', 'A senior official, speaking on condition of anonymity, said the harbour fees would fall only for ferries.'])],
    failures: [],
  });

  it('give an unnamed source as anonymous with no speaker, and never as the named person’s', () => {
    const topic = toContractJson(verbatim.ask('harbour fees', 10)) as { results: { speaker: string | null; anonymous: boolean; text: string }[] };
    const unnamed = topic.results.find((r) => r.text.includes('only for ferries'));
    expect(unnamed).toMatchObject({ speaker: null, anonymous: true });
    const vrenn = verbatim.ask('what did Vrenn say about harbour fees', 10);
    expect(vrenn.results.map((r) => r.text)).toEqual(['Vrenn said the harbour fees would fall by spring.']);
  });
});
