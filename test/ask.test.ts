import { describe, it, expect } from 'vitest';
import { article, verbatimOf } from './helpers/articles.js';
import { compatibleFirstNames } from '../src/search/speakers.js';

const talks = article([
  'Delegations from Arvelia and Kostrova met in Vrenna on Tuesday to discuss the disputed rail line.',
  'Arvelian Foreign Minister Cato Rennick said the rail line would reopen in the spring. He added that freight would come first.',
  '“We have waited long enough for this railway,” said Ulla Sorvik, Kostrova’s transport minister.',
  'Sorvik told reporters the tariffs on grain would be lifted by June.',
  'Officials said the talks would continue in March.',
  'President Ivo Brannock, who did not attend, has been silent on the rail line.',
], 'corpus/rail-talks.md', 'Rail talks in Vrenna');
const other = article([
  'Cato Rennick said in a radio interview that the grain tariffs had been a mistake.',
], 'corpus/radio.md', 'Rennick on the radio');
const verbatim = verbatimOf(talks, other);

describe('speaker questions', () => {
  it.each([
    'what did Cato Rennick say',
    'what did rennick say',
    'What has RENNICK said?',
    "Rennick's statements",
    'rennick',
    'what did Renick say',
    'what did the foreign minister say',
  ])('%s names Cato Rennick and returns only his statements', (question) => {
    const answer = verbatim.ask(question, 10);
    expect(answer.speaker).toBe('Cato Rennick');
    expect(answer.results.length).toBe(3);
    expect(answer.results.every((r) => r.speaker === 'Cato Rennick')).toBe(true);
  });

  it('orders a speaker’s statements by relevance to the rest of the question', () => {
    const answer = verbatim.ask('what has Rennick said about grain tariffs', 10);
    expect(answer.results[0]?.text).toContain('grain tariffs had been a mistake');
    expect(answer.results).toHaveLength(3);
  });

  it('merges a person across articles', () => {
    const files = verbatim.ask('what did Rennick say', 10).results.map((r) => r.source.file);
    expect(new Set(files)).toEqual(new Set(['corpus/rail-talks.md', 'corpus/radio.md']));
  });

  it('finds nothing for someone who is mentioned but never reported speaking', () => {
    const answer = verbatim.ask('what did Ivo Brannock say', 10);
    expect(answer.speaker).toBe('Ivo Brannock');
    expect(answer.results).toEqual([]);
  });

  it('gives speaker null and no results for a person the corpus does not know', () => {
    const answer = verbatim.ask('what did Quentin Albarello say about the rail line', 10);
    expect(answer.speaker).toBeNull();
    expect(answer.unknownSpeaker).toBe('Quentin Albarello');
    expect(answer.results).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it('does not take one typo in a short name', () => {
    expect(verbatim.ask('what did Ivi say', 10).speaker).toBeNull();
  });
});

describe('topic questions', () => {
  it('answers “who said …” with the sentences about the topic, attributed ones first', () => {
    const answer = verbatim.ask('who said the grain tariffs would be lifted', 3);
    expect(answer.speaker).toBeNull();
    expect(answer.results[0]?.speaker).toBe('Ulla Sorvik');
  });

  it('never returns the same sentence twice', () => {
    const copy = article(talks.body.split('\n\n'), 'corpus/wire-copy.md', 'Wire copy');
    const twice = verbatimOf(talks, copy);
    const texts = twice.ask('rail line', 20).results.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThan(1);
  });
});

describe('results', () => {
  it('carry the source, the paragraph and the kind of quote', () => {
    const [result] = verbatim.ask('what did Sorvik say about the railway', 1).results;
    expect(result).toMatchObject({
      speaker: 'Ulla Sorvik', quote: 'direct', paragraph: 3,
      source: { title: 'Rail talks in Vrenna', outlet: null, url: null, published: '2026-01-01', file: 'corpus/rail-talks.md' },
    });
  });

  it('respect the limit', () => {
    expect(verbatim.ask('rail', 1).results).toHaveLength(1);
    expect(verbatim.ask('rail', 0).results).toHaveLength(0);
  });
});

describe('bad questions get an answer, never an exception', () => {
  it.each([
    ['empty', ''],
    ['punctuation', '?!?...,;'],
    ['very long', 'what did Rennick say '.repeat(500)],
    ['emoji', '🚆🚆 what did Rennick say 🚆'],
    ['another script', 'что сказал Реннік'],
    ['markdown', '**what** did _Rennick_ say `about` > rail ||spoiler||'],
    ['regex metacharacters', 'what did (Rennick|.*) say [a-z]+ \\d{3} $^'],
    ['mentions', '@everyone <@123456789012345678> <@&98765> what did Rennick say'],
    ['control characters', 'what\u0000did\u200fRennick\u0007say'],
  ])('%s', (_, question) => {
    const answer = verbatim.ask(question, 5);
    expect(answer.question).toBe(question);
    expect(Array.isArray(answer.results)).toBe(true);
  });
});

describe('first-name short forms', () => {
  it.each([
    ['len', 'leonard', true], ['tom', 'thomas', true], ['ben', 'benjamin', true], ['jim', 'james', false], ['dan', 'daniel', true],
    ['bill', 'hillary', false], ['mike', 'michael', false], ['ann', 'mark', false], ['al', 'albert', true],
  ])('%s / %s: %s', (a, b, same) => {
    expect(compatibleFirstNames(a as string, b as string)).toBe(same);
  });
});

describe('speakers across the corpus', () => {
  it('joins a short form of a first name to the long one: “Len” and “Leonard” Pruitt', () => {
    const a = article(['Leonard E. Pruitt, an economist, said the plan was costly.', 'Pruitt said it would not pass.'], 'corpus/a.md');
    const b = article(['“It is a mistake,” said Len Pruitt, who studies taxes.'], 'corpus/b.md');
    const answer = verbatimOf(a, b).ask('what did Len Pruitt say', 10);
    expect(answer.results).toHaveLength(3);
    expect(new Set(answer.results.map((r) => r.speaker)).size).toBe(1);
  });

  it('keeps different first names apart: Bill and Hillary are two people', () => {
    const a = article(['Bill Vantongeren said the dam was safe.', 'Hillary Vantongeren said the dam was not safe.'], 'corpus/a.md');
    const verbatim = verbatimOf(a);
    expect(verbatim.ask('what did Bill Vantongeren say', 10).results.map((r) => r.text)).toEqual(['Bill Vantongeren said the dam was safe.']);
  });
});
