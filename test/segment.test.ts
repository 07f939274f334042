import { describe, it, expect } from 'vitest';
import { segmentParagraphs, segmentSentences } from '../src/text/segment.js';
import { findQuoteSpans } from '../src/text/quotes.js';

function sentences(body: string): string[] {
  return segmentSentences(body, segmentParagraphs(body)).map((s) => body.slice(s.start, s.end));
}

describe('segmentParagraphs', () => {
  it('splits on blank lines, numbering from 1 with exact offsets', () => {
    const body = 'One.\n\n\nTwo a.\nTwo b.\n \nThree.';
    const paragraphs = segmentParagraphs(body);
    expect(paragraphs.map((p) => [p.index, body.slice(p.start, p.end)])).toEqual([[1, 'One.'], [2, 'Two a.\nTwo b.'], [3, 'Three.']]);
  });
});

describe('segmentSentences', () => {
  it('does not split after abbreviations, initials or acronyms', () => {
    expect(sentences('The U.S. delegation met Gen. Ada Quist and Mr. Bo Ferrand on Feb. 3 at the U.N. headquarters. Talks went on.')).toEqual([
      'The U.S. delegation met Gen. Ada Quist and Mr. Bo Ferrand on Feb. 3 at the U.N. headquarters.',
      'Talks went on.',
    ]);
    expect(sentences('Ada J. Quist arrived. She spoke.')).toEqual(['Ada J. Quist arrived.', 'She spoke.']);
  });

  it('splits after an acronym when a new sentence plainly starts', () => {
    expect(sentences('The envoy flew to the U.S. The talks began.')).toEqual(['The envoy flew to the U.S.', 'The talks began.']);
  });

  it('keeps a closing quote with the sentence it ends', () => {
    expect(sentences('“We are ready.” The minister left. “Are you?” she asked. "Yes."')).toEqual([
      '“We are ready.”', 'The minister left.', '“Are you?” she asked.', '"Yes."',
    ]);
  });

  it('splits multi-sentence quotations into their sentences', () => {
    expect(sentences('“We came. We talked. We left,” said Ada Quist.')).toEqual(['“We came.', 'We talked.', 'We left,” said Ada Quist.']);
  });

  it('handles em dashes, non-breaking spaces and ellipses', () => {
    const body = 'The deal — if it holds — ends the dispute.\u00a0It was signed in\u00a02026… Nobody objected.';
    expect(sentences(body)).toEqual(['The deal — if it holds — ends the dispute.', 'It was signed in\u00a02026…', 'Nobody objected.']);
  });

  it('keeps offsets that give back the exact text', () => {
    const body = '  First one.  Second one!\n\nThird?';
    const spans = segmentSentences(body, segmentParagraphs(body));
    expect(spans.map((s) => [s.paragraph, body.slice(s.start, s.end)])).toEqual([[1, 'First one.'], [1, 'Second one!'], [2, 'Third?']]);
  });
});

describe('findQuoteSpans', () => {
  it('finds curly and straight quotes', () => {
    const body = 'He said “yes” and then "no" twice.';
    const spans = findQuoteSpans(body, segmentParagraphs(body)).map((q) => body.slice(q.start, q.end));
    expect(spans).toEqual(['“yes”', '"no"']);
  });

  it('links a quote that runs on into the next paragraph', () => {
    const body = 'She said: “One thing.\n\n“Another thing.”\n\n“A new quote.”';
    const spans = findQuoteSpans(body, segmentParagraphs(body));
    expect(spans).toHaveLength(3);
    expect(spans[0]?.group).toBe(spans[1]?.group);
    expect(spans[2]?.group).not.toBe(spans[1]?.group);
  });

  it('ends an unclosed quote at its paragraph when the next one does not open a quote', () => {
    const body = 'He said “never.\n\nNext paragraph “again.”';
    const spans = findQuoteSpans(body, segmentParagraphs(body));
    expect(spans.map((q) => body.slice(q.start, q.end))).toEqual(['“never.', '“again.”']);
    expect(spans[0]?.group).not.toBe(spans[1]?.group);
  });
});
