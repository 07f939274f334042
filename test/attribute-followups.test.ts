import { describe, it, expect } from 'vitest';
import { analyze, speakerOf } from './helpers/articles.js';

describe('a pronoun after a sentence whose subject acts but does not speak', () => {
  it('“…,” he said goes to the subject of the sentence before, named only by surname', () => {
    const { sentences } = analyze([
      'Orlen Bastide said the bridge would reopen on Monday.',
      'Quillon declined to comment on the delay. “The engineers are still at work, and that is enough for now,” he said.',
    ]);
    expect(speakerOf(sentences, 'engineers are still at work')).toBe('Quillon');
  });

  it('beats a speaker of the same gender a paragraph earlier', () => {
    const { sentences } = analyze([
      '“The harbour stays open,” Maren Tuvik said. Sollner, who had walked out of the first round, embraced Tuvik after the vote.',
      '“We arrived as rivals. We leave as partners,” she said.',
    ]);
    expect(speakerOf(sentences, 'We leave as partners')).toBe('Sollner');
    expect(speakerOf(sentences, 'We arrived as rivals')).toBe('Sollner');
  });

  it('but not when that subject’s gender disagrees', () => {
    const { sentences } = analyze([
      '“The harbour stays open,” Maren Tuvik said. Mr. Halvard Prenn shook hands with Tuvik after the vote.',
      '“We leave as partners,” she said.',
    ]);
    expect(speakerOf(sentences, 'We leave as partners')).toBe('Maren Tuvik');
  });

  it('an honorific tells the gender of a person named in full earlier', () => {
    const { sentences } = analyze([
      'Ilse Varrow and Doran Keth met on Monday. Doran Keth said the talks were useful.',
      'Mrs. Varrow left early. She said the second round would be harder.',
    ]);
    expect(speakerOf(sentences, 'second round would be harder')).toBe('Ilse Varrow');
  });

  it('the subject after an opening phrase: “In an interview with X, Y …”', () => {
    const { sentences } = analyze([
      'In an interview with Perrin Task, Oskar Velde made it clear he had doubts about the plan.',
      '“I would not sign it as it stands,” he told the host.',
    ]);
    expect(speakerOf(sentences, 'I would not sign it')).toBe('Oskar Velde');
  });
});

describe('a bare role refers to the person who holds it plainly', () => {
  it('“the minister said” is the Foreign Minister, not the Deputy Minister', () => {
    const { sentences } = analyze([
      'Foreign Minister Tavi Orsolan opened the session.',
      'Deputy Minister of Trade Jenna Holmquist, who joined the delegation, said the figures were ready.',
      'The minister said the proposal was complete.',
    ]);
    expect(speakerOf(sentences, 'proposal was complete')).toBe('Tavi Orsolan');
  });

  it('a role before a name in commas: “Arvel’s trade minister, X, …” then “the minister told …”', () => {
    const { sentences } = analyze([
      'Arvel’s trade minister, Sunniva Kasch, rejected the offer on Tuesday.',
      '“Arvel will not lower its tariffs,” the minister told the Gazette.',
    ]);
    expect(speakerOf(sentences, 'will not lower its tariffs')).toBe('Sunniva Kasch');
  });

  it('“the mediator” is a role', () => {
    const { sentences } = analyze([
      'The talks are chaired by a mediator, Bertil Onsager.',
      'The mediator said both sides had agreed on an agenda.',
    ]);
    expect(speakerOf(sentences, 'agreed on an agenda')).toBe('Bertil Onsager');
  });
});

describe('stance verbs: “expressed satisfaction”, “voiced concern”', () => {
  it.each([
    ['The envoy, Mr. Aurel Dance, expressed satisfaction with the first day of talks.', 'satisfaction'],
    ['Aurel Dance voiced concern about the timetable.', 'concern'],
    ['Aurel Dance expressed deep regret over the delay.', 'regret'],
    ['Aurel Dance expressed the hope that the talks would end this week.', 'hope'],
  ])('%s', (text, fragment) => {
    const sentence = analyze([text]).sentences.find((s) => s.text.includes(fragment));
    expect(sentence?.attribution?.person?.name.join(' ')).toBe('Aurel Dance');
    expect(sentence?.attribution?.quote).toBe('indirect');
  });

  it('but expressing or voicing anything else is no statement', () => {
    const { sentences } = analyze(['Aurel Dance expressed the parcel to the coast.', 'Aurel Dance voiced the lead role in the film.']);
    expect(sentences.every((s) => s.attribution === null)).toBe(true);
  });
});

describe('a name after “a” qualifies a noun', () => {
  it('“rejected a Vennish demand that …” reports no Vennish speaker', () => {
    const { sentences } = analyze(['Sunniva Kasch rejected a Vennish demand that the dam be handed over.']);
    expect(sentences[0]?.attribution?.person?.name.join(' ') ?? null).not.toBe('Vennish');
  });
});
