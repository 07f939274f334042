import { describe, it, expect } from 'vitest';
import { analyze, speakerOf } from './helpers/articles.js';

const attributionOf = (paragraphs: string[], fragment: string) => {
  const sentence = analyze(paragraphs).sentences.find((s) => s.text.includes(fragment));
  if (!sentence) throw new Error(`no sentence with ${fragment}`);
  return sentence.attribution;
};

describe('direct quotes in all three orders', () => {
  it('“…,” X said', () => {
    const { sentences } = analyze(['“The bridge opens in May,” Oskar Vellinga said on Monday.']);
    expect(speakerOf(sentences, 'bridge opens')).toBe('Oskar Vellinga');
    expect(sentences[0]?.attribution?.quote).toBe('direct');
  });

  it('“…,” said X, the …', () => {
    const { sentences } = analyze(['“The bridge opens in May,” said Oskar Vellinga, the transport minister.']);
    expect(speakerOf(sentences, 'bridge opens')).toBe('Oskar Vellinga');
    expect(sentences[0]?.attribution?.quote).toBe('direct');
  });

  it('X said: “…”', () => {
    const { sentences } = analyze(['Oskar Vellinga said: “The bridge opens in May.”']);
    expect(speakerOf(sentences, 'bridge opens')).toBe('Oskar Vellinga');
    expect(sentences[0]?.attribution?.quote).toBe('direct');
  });
});

describe('a quotation followed by its speaker is direct, whatever title stands before the name', () => {
  it.each([
    ['“We stand ready to sign tonight,” Foreign Minister Ada Vrenn said on Tuesday.', 'Ada Vrenn'],
    ['“Nothing is agreed,” the chief negotiator Tomas Brandt told reporters.', 'Tomas Brandt'],
    ['“The port stays shut,” Deputy Harbour Commissioner Lise Amundt said.', 'Lise Amundt'],
  ])('%s', (text, speaker) => {
    const { sentences } = analyze([text]);
    expect(sentences[0]?.attribution?.person?.name.join(' ')).toBe(speaker);
    expect(sentences[0]?.attribution?.quote).toBe('direct');
  });

  it('but reported speech after a quoted phrase elsewhere stays indirect', () => {
    const attribution = attributionOf(['The plan, called “Open Harbour” by its authors, was criticised, and Ada Vrenn said the timetable was too short.'], 'timetable');
    expect(attribution?.quote).toBe('indirect');
  });
});

describe('indirect speech', () => {
  it.each([
    ['Tamsin Oduya told reporters that the border would stay open.', 'told'],
    ['Tamsin Oduya warned the border could close within days.', 'warned'],
    ['According to Tamsin Oduya, the border would stay open.', 'according to'],
    ['Tamsin Oduya has repeatedly said the border would stay open.', 'said'],
  ])('%s', (text, cue) => {
    const attribution = attributionOf([text], 'border');
    expect(attribution?.person?.name.join(' ')).toBe('Tamsin Oduya');
    expect(attribution?.cue).toBe(cue);
    expect(attribution?.quote).toBe('indirect');
  });

  it('a partial quote inside reported speech stays indirect', () => {
    const attribution = attributionOf(['Tamsin Oduya said the talks were “very useful” but slow.'], 'talks');
    expect(attribution?.quote).toBe('indirect');
  });
});

describe('multi-sentence quotations', () => {
  it('gives every sentence of the quote to its speaker, whichever end the cue is at', () => {
    const { sentences } = analyze([
      '“We waited ten years. We can wait one more,” said Lio Brandvold.',
      'Mira Castellane said: “Nobody is leaving. Nobody is giving up. Not today.”',
    ]);
    expect(speakerOf(sentences, 'waited ten years')).toBe('Lio Brandvold');
    expect(speakerOf(sentences, 'wait one more')).toBe('Lio Brandvold');
    expect(speakerOf(sentences, 'Nobody is leaving')).toBe('Mira Castellane');
    expect(speakerOf(sentences, 'Nobody is giving up')).toBe('Mira Castellane');
    expect(speakerOf(sentences, 'Not today')).toBe('Mira Castellane');
  });

  it('follows a quotation that runs on into the next paragraph', () => {
    const { sentences } = analyze([
      'Mira Castellane told the assembly: “The river belongs to both banks.',
      '“We will share it or we will lose it.”',
    ]);
    expect(speakerOf(sentences, 'share it or')).toBe('Mira Castellane');
  });
});

describe('appositives', () => {
  it('X, a role, said', () => {
    const { sentences } = analyze(['Fennick Aldous, a senior adviser to the council, said the vote would be delayed.']);
    expect(speakerOf(sentences, 'vote would be delayed')).toBe('Fennick Aldous');
  });

  it('role, X, told', () => {
    const { sentences } = analyze(['The council’s chief adviser, Fennick Aldous, told members the vote would be delayed.']);
    expect(speakerOf(sentences, 'vote would be delayed')).toBe('Fennick Aldous');
  });

  it('Title of Place X: the place is the title’s, the name is the person’s', () => {
    const { sentences } = analyze([
      'President of Vellmark Oskar Dunbridge attended the signing on Friday.',
      '“The bridge opens in May,” President Dunbridge said.',
      'Minister of Transport Fennick Aldous said the vote would be delayed.',
    ]);
    expect(speakerOf(sentences, 'bridge opens')).toBe('Oskar Dunbridge');
    expect(speakerOf(sentences, 'vote would be delayed')).toBe('Fennick Aldous');
  });

  it('X, who …, said', () => {
    const { sentences } = analyze(['Fennick Aldous, who has advised three governments, said the vote would be delayed.']);
    expect(speakerOf(sentences, 'vote would be delayed')).toBe('Fennick Aldous');
  });
});

describe('pronoun and title follow-ups', () => {
  it('resolves he/she in the next sentence and the next paragraph', () => {
    const { sentences } = analyze([
      'Ysolde Marchbank said the port would reopen. She added that ferries would follow.',
      'She told reporters the first ship was already loading.',
    ]);
    expect(speakerOf(sentences, 'ferries would follow')).toBe('Ysolde Marchbank');
    expect(speakerOf(sentences, 'first ship')).toBe('Ysolde Marchbank');
  });

  it('“…,” she said resolves to the person last speaking', () => {
    const { sentences } = analyze(['Ysolde Marchbank spoke last.', '“We are done here,” she said.']);
    expect(speakerOf(sentences, 'We are done here')).toBe('Ysolde Marchbank');
  });

  it('resolves “the foreign minister added” to the person the article gave that title', () => {
    const { sentences } = analyze([
      'Arvelian Foreign Minister Cato Rennick met the envoys on Friday.',
      'Deputy Prime Minister Ulla Sorvik said the meeting was short.',
      'The foreign minister added that a second round was planned.',
    ]);
    expect(speakerOf(sentences, 'second round')).toBe('Cato Rennick');
  });

  it('continues a named speaker into a pronoun sentence that is mostly quotation', () => {
    const { sentences } = analyze([
      'Cato Rennick said the meeting went well.',
      'After the vote, he had “every reason to expect a better year for the whole region.”',
    ]);
    expect(speakerOf(sentences, 'every reason')).toBe('Cato Rennick');
  });
});

describe('sources that are not a named person', () => {
  it.each([
    'Officials said the border would reopen.',
    'A senior official in Vrenna, who asked not to be named, said the border would reopen.',
    'The Harbour Authority said in a statement that the border would reopen.',
    'The ministry said the border would reopen.',
    'According to a statement from the agency, the border would reopen.',
  ])('%s', (text) => {
    const attribution = attributionOf([text], 'border');
    expect(attribution).not.toBeNull();
    expect(attribution?.person).toBeNull();
  });

  it('a possessive name is never the speaker: “X’s spokesman said”', () => {
    const { sentences } = analyze(['Cato Rennick’s spokesman said the trip was cancelled.']);
    expect(speakerOf(sentences, 'trip was cancelled')).toBeNull();
  });
});

describe('mentions are not statements', () => {
  it('a sentence that only names someone is nobody’s statement', () => {
    const { sentences } = analyze([
      'Cato Rennick said the talks would resume.',
      'His comments came after he met Foreign Minister Ulla Sorvik and other officials in Vrenna.',
      'Sorvik’s plane landed at noon.',
      'The talks were attended by Ulla Sorvik.',
    ]);
    expect(speakerOf(sentences, 'His comments came')).toBeNull();
    expect(speakerOf(sentences, 'plane landed')).toBeNull();
    expect(speakerOf(sentences, 'attended by')).toBeNull();
  });

  it('the object of a speech verb is not its speaker', () => {
    const { sentences } = analyze(['Cato Rennick told Ulla Sorvik that the talks would resume.']);
    expect(speakerOf(sentences, 'talks would resume')).toBe('Cato Rennick');
  });

  it('a passive cue reports nobody: “was told”', () => {
    const { sentences } = analyze(['Ulla Sorvik was told the talks would resume.']);
    expect(speakerOf(sentences, 'talks would resume')).toBeNull();
  });
});

describe('names', () => {
  it('merges title, full and surname forms of one person within an article', () => {
    const { people, sentences } = analyze([
      'Arvelian Foreign Minister Cato Rennick arrived on Monday.',
      'Rennick said the visit was overdue.',
      'Mr. Rennick later told reporters he was hopeful.',
    ]);
    const rennick = people.filter((p) => p.surname === 'Rennick');
    expect(rennick).toHaveLength(1);
    expect(speakerOf(sentences, 'visit was overdue')).toBe('Cato Rennick');
    expect(speakerOf(sentences, 'was hopeful')).toBe('Cato Rennick');
    expect([...(rennick[0]?.roles ?? [])]).toContain('foreign minister');
  });

  it('works with diacritics and hyphens in names it has never seen', () => {
    const { sentences } = analyze(['“Nothing is settled,” said Željka Ødegård-Mbeki.']);
    expect(speakerOf(sentences, 'Nothing is settled')).toBe('Željka Ødegård-Mbeki');
  });
});

describe('news conventions', () => {
  it.each([
    ['Rep. Maren Okafor (D-Vt.) said the bill would pass.', 'Maren Okafor'],
    ['Rep. Maren Okafor (D-Vt.), chair of the panel, said the bill would pass.', 'Maren Okafor'],
    ['Maren Okafor -- who wrote the first draft -- said the bill would pass.', 'Maren Okafor'],
    ['Maren Okafor — who wrote the first draft — said the bill would pass.', 'Maren Okafor'],
    ['Mr. Tull of the Riverside Alliance said the bill would pass.', 'Tull'],
    ['Maren Okafor, 61, who wrote the first draft, said the bill would pass.', 'Maren Okafor'],
  ])('%s', (text, speaker) => {
    expect(speakerOf(analyze([text]).sentences, 'bill would pass')).toBe(speaker);
  });

  it('reads two apostrophes as a quotation mark', () => {
    const { sentences } = analyze(["''The bill will pass. It has to,'' said Maren Okafor."]);
    expect(speakerOf(sentences, 'The bill will pass')).toBe('Maren Okafor');
    expect(speakerOf(sentences, 'It has to')).toBe('Maren Okafor');
  });

  it.each([
    '“The bill will pass,” said radio host Maren Okafor.',
    '“The bill will pass,” said the Rev. Maren Okafor, of the Hill Street church.',
    'Said Maren Okafor: “The bill will pass.”',
  ])('finds the speaker behind a title phrase: %s', (text) => {
    expect(speakerOf(analyze([text]).sentences, 'bill will pass')).toBe('Maren Okafor');
  });

  it('never takes the object of “told” for an inverted speaker', () => {
    const { sentences } = analyze(['Maren Okafor, who chairs the panel, told Ivo Pell the bill would pass.']);
    expect(speakerOf(sentences, 'bill would pass')).toBe('Maren Okafor');
  });

  it('reads progressive and coordinated cues', () => {
    const { sentences } = analyze([
      'Maren Okafor is warning voters that the bill would pass.',
      'Ivo Pell visited the plant and said the line would close.',
    ]);
    expect(speakerOf(sentences, 'bill would pass')).toBe('Maren Okafor');
    expect(speakerOf(sentences, 'line would close')).toBe('Ivo Pell');
  });

  it('prefers the main clause over a cue in a subordinate clause', () => {
    const { sentences } = analyze([
      'Ivo Pell runs the plant.',
      'When Pell announced the closure, Maren Okafor said the town would fight it.',
    ]);
    expect(speakerOf(sentences, 'town would fight')).toBe('Maren Okafor');
  });

  it('keeps a particle with the surname it belongs to', () => {
    const { sentences } = analyze(['Mayor Lucia de Varga opened the bridge.', 'De Varga said it was paid for.']);
    expect(speakerOf(sentences, 'paid for')).toBe('Lucia de Varga');
  });

  it('drops a capitalised sentence opener from a name', () => {
    const { sentences, people } = analyze([
      'The rival campaign was quiet.',
      'Rival Maren Okafor said the bill would pass.',
    ]);
    expect(speakerOf(sentences, 'bill would pass')).toBe('Maren Okafor');
    expect(people.map((p) => p.name.join(' '))).not.toContain('Rival Maren Okafor');
  });
});

describe('shared surnames', () => {
  it('a lone surname means the bearer named in full just before it', () => {
    const { sentences } = analyze([
      'Candidate Orla Brisk spoke first. Orla Brisk said taxes would fall. Brisk said so twice.',
      'Later, Transport Minister Teo Brisk said the line would open. Brisk told reporters it was funded.',
    ]);
    expect(speakerOf(sentences, 'it was funded')).toBe('Teo Brisk');
    expect(speakerOf(sentences, 'so twice')).toBe('Orla Brisk');
  });
});
