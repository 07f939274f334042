import { describe, it, expect } from 'vitest';
import { escapeText, highlight, originFromFooter, renderAnswer, sourceLine, truncate, embedLength, LIMITS } from '../src/discord/render.js';
import { decodeButton, encodeButton } from '../src/discord/buttons.js';
import { indexTerm } from '../src/index/terms.js';
import { Verbatim } from '../src/verbatim.js';
import type { AnswerResult } from '../src/answer.js';

const result = (source: Partial<AnswerResult['source']>): AnswerResult => ({
  text: 'x', speaker: 'Ilsa Marrow', quote: 'direct', paragraph: 3, score: 1, sentenceId: 0, cue: 'said', confidence: 0.9, alsoIn: [], variants: [], anonymous: false,
  source: { title: 'Lake deal', outlet: 'Northern Ledger', url: null, published: '2026-03-06', file: 'corpus/a.md', ...source },
});

describe('escapeText', () => {
  it('shows markdown as written and defuses mentions', () => {
    expect(escapeText('**bold** _it_ `code` # mid-line > quote')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` # mid-line > quote');
    expect(escapeText('# Heading at the start')).toBe('\\# Heading at the start');
    expect(escapeText('- a list item')).toBe('\\- a list item');
    expect(escapeText('hi @everyone and @here <@123> <@&456> <#789>')).toBe('hi @\u200beveryone and @\u200bhere \\<@123> \\<@&456> \\<#789>');
  });
});

describe('highlight', () => {
  it('bolds the topic’s words in any inflection, escaping the rest', () => {
    const terms = new Set(['warn', 'border'].map((w) => indexTerm(w) ?? ''));
    expect(highlight('She warned the *borders* would close.', terms)).toBe('She **warned** the \\***borders**\\* would close.');
  });
});

describe('sourceLine', () => {
  it('links the title when the article has a url', () => {
    expect(sourceLine(result({ url: 'https://ledger.example/a' }))).toBe('↳ Northern Ledger · [Lake deal](https://ledger.example/a) · 2026-03-06 · ¶3');
    expect(sourceLine(result({ outlet: null }))).toBe('↳ Lake deal · 2026-03-06 · ¶3');
    expect(sourceLine(result({ url: 'javascript:alert(1)' }))).toBe('↳ Northern Ledger · Lake deal · 2026-03-06 · ¶3');
  });
});

describe('footers and button ids', () => {
  it('reads back the question and page from an answer’s footer', () => {
    const verbatim = Verbatim.fromFolder('test/eval/fictional/corpus');
    const answer = verbatim.ask('what did Vantris say · results 1–2 of 3', 2);
    const reply = renderAnswer({ answer, origin: { command: 'ask', question: answer.question }, private: false, locate: () => null });
    const read = originFromFooter(reply.embeds[0]?.footer?.text);
    expect(read).toEqual({ origin: { command: 'ask', question: 'what did Vantris say · results 1–2 of 3' }, offset: 0, shown: 2 });
    expect(originFromFooter('Quotes: Ilsa Marrow | topic: the lake · results 6–10 of 12')).toEqual({
      origin: { command: 'quotes', speaker: 'Ilsa Marrow', topic: 'the lake' }, offset: 5, shown: 5,
    });
    expect(originFromFooter('something else')).toBeNull();
  });

  it('encodes and decodes button actions within 100 characters, refusing anything else', () => {
    for (const action of [{ kind: 'more', offset: 5 }, { kind: 'public', offset: 0 }, { kind: 'context', locator: '12.0123456789.4521' }] as const) {
      const id = encodeButton(action);
      expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect(decodeButton(id)).toEqual(action);
    }
    for (const bad of ['', 'v1', 'v1:more:-1', 'v1:more:99999999', 'v1:ctx:zz.1', 'v1:ctx:0123456789.4521', 'v1:ctx:1.0123456789.4:extra', 'v2:more:1']) {
      expect(decodeButton(bad)).toBeNull();
    }
  });
});

describe('renderAnswer', () => {
  it('stays within every limit however long the question', () => {
    const verbatim = Verbatim.fromFolder('test/eval/fictional/corpus');
    const answer = verbatim.ask(`what did Falkberg say about ${'the harbour and the boats '.repeat(300)}`, 5);
    const reply = renderAnswer({ answer, origin: { command: 'ask', question: answer.question }, private: true, locate: (id) => verbatim.locatorOf(id) });
    for (const embed of reply.embeds) {
      expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.total);
      expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footer);
    }
    expect(truncate('a b c d e f', 6)).toBe('a b c…');
  });

  it('highlights topic words without letting mentions through between them (found by fuzzing)', () => {
    const terms = new Set(['Ilse', 'Varnhagen'].map((w) => indexTerm(w) as string));
    const shown = highlight('“We will not sign,” said Ilse Varnhagen. @everyone <@123456789012345678> @here', terms);
    expect(shown).toContain('**Ilse** **Varnhagen**');
    expect(shown).not.toMatch(/@(everyone|here)\b/);
    expect(shown).not.toMatch(/(?<!\\)<@\d/);
  });
});
