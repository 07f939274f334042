import { describe, it, expect } from 'vitest';
import { Verbatim } from '../src/verbatim.js';
import { LIMITS, embedLength, originFromFooter, type Reply } from '../src/discord/render.js';
import * as timeline from '../commands/timeline.js';
import * as compare from '../commands/compare.js';
import * as whosaid from '../commands/whosaid.js';
import type { Article } from '../src/corpus/types.js';

// Sentences as long as Discord can show whole, so that every page is cut by the limits.
const LONG = Array.from({ length: 60 }, (_, i) => `clause ${i} of the grain corridor text`).join(', ');

function corpus(): Article[] {
  return Array.from({ length: 14 }, (_, day) => ({
    file: `d${day}.md`,
    meta: { title: `Grain corridor talks, day ${day + 1} *bold* <@123>`, outlet: `Outlet ${day % 3} @everyone`, url: null, published: `2025-07-${String(day + 1).padStart(2, '0')}`, author: null },
    body: [
      `“Day ${day} brings ${LONG},” Orsolya Fenwick said.`,
      `“On day ${day} the ${LONG},” Brannoch Vey said.`,
    ].join('\n\n'),
  }));
}
const verbatim = Verbatim.fromCorpus({ articles: corpus(), failures: [] });

function withinLimits(reply: Reply): void {
  expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(reply.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.total);
  for (const embed of reply.embeds) {
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  }
  expect(reply.components.length).toBeLessThanOrEqual(LIMITS.rows);
}

describe('coverage replies within Discord’s limits', () => {
  it('a timeline of long statements fills a message without breaking a limit, and its footer reads back', () => {
    const reply = timeline.reply(verbatim, 'Fenwick', '', false);
    withinLimits(reply);
    expect(reply.results).toBeGreaterThan(0);
    expect(reply.results).toBeLessThan(14);
    const read = originFromFooter(reply.embeds.at(-1)?.footer?.text);
    expect(read?.origin).toEqual({ command: 'timeline', speaker: 'Fenwick', topic: '' });
    expect(read?.shown).toBe(reply.results);
  });

  it('a comparison shows the same number from each side and stays within the limits', () => {
    const reply = compare.reply(verbatim, 'Fenwick', 'Vey', 'grain', true);
    withinLimits(reply);
    expect(reply.embeds).toHaveLength(2);
    const counts = reply.embeds.map((e) => (e.description ?? '').split('\n').filter((l) => l.startsWith('> ')).length);
    expect(counts[0]).toBe(counts[1]);
    expect(originFromFooter(reply.embeds[1]?.footer?.text)?.origin).toEqual({ command: 'compare', first: 'Fenwick', second: 'Vey', topic: 'grain' });
  });

  it('who-said text from the user and from articles cannot ping or format', () => {
    const reply = whosaid.reply(verbatim, 'grain corridor text <@123> @everyone **clause 3**', false);
    withinLimits(reply);
    for (const embed of reply.embeds) {
      for (const text of [embed.title ?? '', embed.description ?? '']) {
        expect(text).not.toMatch(/(?<!\\)<@123>/u);
        expect(text).not.toMatch(/(?<!\u200b)@everyone/u);
        expect(text).not.toMatch(/(?<!\\)\*\*clause/u);
      }
    }
    expect(reply.embeds[0]?.footer?.text).toMatch(/^Who said: grain corridor text clause 3 · results 1–\d of \d+$/u);
  });
});
