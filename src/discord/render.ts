import {
  ButtonStyle, ComponentType, escapeMarkdown, type APIActionRowComponent, type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import type { Answer, AnswerResult } from '../answer.js';
import { noResultMessage } from '../render/text.js';
import { indexTerm } from '../index/terms.js';
import type { QuoteContext } from '../verbatim.js';
import type { IndexedArticle } from '../search/corpusIndex.js';
import type { CorpusChange } from '../reload.js';
import type { AddResult } from '../ingest/add.js';
import { count } from '../text/count.js';
import type { LoadFailure } from '../corpus/types.js';
import { encodeButton } from './buttons.js';
import { parseFilters, type Filters } from '../search/filters.js';

/** Discord's message limits (characters, counts). */
export const LIMITS = {
  content: 2000, title: 256, description: 4096, field: 1024, footer: 2048, total: 6000, embeds: 10,
  buttonsPerRow: 5, rows: 5, label: 80, customId: 100, choices: 25, choiceName: 100,
};

// Verbatim's own colour for answer embeds.
export const COLOUR = 0x2b6cb0;
// A sentence longer than this is shown shortened, with a note: Discord cannot show it whole.
const MAX_SENTENCE_CHARS = 1500;

/** A reply as plain data, ready for interaction.reply / editReply / update. */
export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  ephemeral: boolean;
  /** For an answer, how many results it shows (for the log). */
  results?: number;
}

/** Where an answer came from, so that its buttons can ask again after a restart. */
export type AnswerOrigin = (
  | { command: 'ask'; question: string }
  | { command: 'quotes'; speaker: string; topic: string }
  | { command: 'timeline'; speaker: string; topic: string }
  | { command: 'compare'; first: string; second: string; topic: string }
  | { command: 'whosaid'; quote: string }
) & { filters?: Filters };

export interface AnswerView {
  answer: Answer;
  origin: AnswerOrigin;
  private: boolean;
  /** A stable locator for a result's sentence (for "Context"), or null. */
  locate: (sentenceId: number) => string | null;
}

/** Escapes Markdown and defuses mentions, so article text shows as written and pings nobody. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/<(?=[@#:]|a:|t:|\/)/g, '\\<')
    .replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/**
 * For fields Discord shows without markdown (footers): mention syntax is broken with a
 * zero-width space, and nothing else is touched, so no backslash shows.
 */
export function plainText(text: string): string {
  return text.replace(/<(?=[@#:]|a:|t:|\/)/g, '<\u200b').replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/** Cuts at a word boundary to at most `max` characters, ending in "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** An answer page as one embed that never breaks a limit, with its buttons. */
export function renderAnswer(view: AnswerView): Reply {
  const { answer } = view;
  if (answer.results.length === 0) return renderNoResult(answer, view.private);
  const title = truncate(answer.speaker ? `Statements by ${answer.speaker}` : `Sentences about “${answer.topic.join(' ')}”`, LIMITS.title);
  const footer = footerFor(view.origin, answer, 0);
  const budget = Math.min(LIMITS.description, LIMITS.total - title.length - footer.length - 40);
  const terms = new Set(answer.topic.map(indexTerm).filter((t): t is string => t !== null));
  const blocks: string[] = [];
  let used = 0;
  for (const [i, result] of answer.results.entries()) {
    const block = resultBlock(result, answer.offset + i + 1, terms);
    if (used + block.length + 2 > budget) break;
    blocks.push(block);
    used += block.length + 2;
  }
  if (blocks.length === 0) blocks.push(truncate(resultBlock(answer.results[0] as AnswerResult, answer.offset + 1, terms), budget));
  const shown = blocks.length;
  const embed: APIEmbed = {
    color: COLOUR,
    title,
    description: blocks.join('\n\n'),
    footer: { text: footerFor(view.origin, answer, shown) },
  };
  const contexts = answer.results.slice(0, shown).map((result, i) => ({ label: `Context ${answer.offset + i + 1}`, sentenceId: result.sentenceId }));
  return { embeds: [embed], components: pageButtons(view, [contexts], answer.offset, shown, answer.total), ephemeral: view.private, results: shown };
}

/** A result as a numbered block: who, the sentence (topic words in bold), its source, its other reports. */
export function resultBlock(result: AnswerResult, n: number, terms: Set<string>): string {
  const who = result.speaker ? `**${n}. ${escapeText(result.speaker)}**` : `**${n}.** ${speakerLabel(result)}`;
  const kind = result.quote ? ` · ${result.quote} quote` : '';
  let sentence = result.text;
  let note = '';
  if (sentence.length > MAX_SENTENCE_CHARS) {
    note = ` *(shortened: ${sentence.length - MAX_SENTENCE_CHARS} more characters in the article)*`;
    sentence = truncate(sentence, MAX_SENTENCE_CHARS);
  }
  return `${who}${kind}\n> ${highlight(sentence, terms)}${note}\n${sourceLine(result)}${variantLine(result)}`;
}

/** Who stands where a result's speaker would, when the article names no person. */
export function speakerLabel(result: AnswerResult): string {
  if (result.anonymous) return 'Unnamed source';
  return result.quote ? 'Source not named as a person' : 'From the article';
}

// The variant quoted under a result, cut to this many characters; the others are counted.
const MAX_VARIANT_CHARS = 300;

/** "worded differently in Northgate Daily: …": the earliest other wording, and how many more there are. */
function variantLine(result: AnswerResult): string {
  const [first, ...rest] = result.variants;
  if (!first) return '';
  const where = escapeText(truncate(first.source.outlet ?? first.source.title, 80));
  const more = rest.length > 0 ? ` *(and ${rest.length} more wording${rest.length === 1 ? '' : 's'})*` : '';
  return `\n↳ worded differently in ${where}: “${escapeText(truncate(first.text, MAX_VARIANT_CHARS))}”${more}`;
}

/** Bolds the words of the question's topic, escaping everything else. */
export function highlight(sentence: string, terms: Set<string>): string {
  if (terms.size === 0) return escapeText(sentence);
  // Text between highlighted words is escaped as one piece: escaped word by word, "@" and
  // "everyone" would each look harmless, and "@everyone" would come out whole.
  let out = '';
  let plain = '';
  for (const [i, part] of sentence.split(/([\p{L}\p{N}]+(?:['’][\p{L}]+)*)/u).entries()) {
    const term = i % 2 === 1 ? indexTerm(part) : null;
    if (term !== null && terms.has(term)) {
      out += `${escapeText(plain)}**${escapeText(part)}**`;
      plain = '';
    } else {
      plain += part;
    }
  }
  return out + escapeText(plain);
}

/** outlet · title · date · ¶N, the title linked when the article has a url. */
export function sourceLine(result: AnswerResult): string {
  const { source } = result;
  const title = escapeText(truncate(source.title, 200));
  const linked = source.url && /^https?:\/\//.test(source.url) ? `[${title}](${source.url.replace(/[()\s]/g, encodeURIComponent)})` : title;
  const parts = [source.outlet ? escapeText(truncate(source.outlet, 80)) : null, linked, source.published, `¶${result.paragraph}`];
  return `↳ ${parts.filter(Boolean).join(' · ')}${alsoInLine(result)}`;
}

// Wire copies named under a result; the rest are counted.
const MAX_ALSO_IN = 3;

/** "also in: Meridian Daily, The Capital Review and 2 more", each linked when it has a url. */
function alsoInLine(result: AnswerResult): string {
  if (result.alsoIn.length === 0) return '';
  const named = result.alsoIn.slice(0, MAX_ALSO_IN).map((source) => {
    const name = escapeText(truncate(source.outlet ?? source.title, 80));
    return source.url && /^https?:\/\//.test(source.url) ? `[${name}](${source.url.replace(/[()\s]/g, encodeURIComponent)})` : name;
  });
  const more = result.alsoIn.length - named.length;
  return `\n↳ also in ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

const FOOTER_ASK = 'Question: ';
const FOOTER_QUOTES = 'Quotes: ';
const FOOTER_TIMELINE = 'Timeline: ';
const FOOTER_COMPARE = 'Compare: ';
const FOOTER_WHOSAID = 'Who said: ';
const TOPIC_SEPARATOR = ' | topic: ';
const SECOND_SEPARATOR = ' | with: ';
const FOOTER_RANGE = / · results (\d+)–(\d+) of (\d+)$/u;

/** What was asked, as the footer writes it. */
function askedPart(origin: AnswerOrigin): string {
  const topic = 'topic' in origin && origin.topic ? `${TOPIC_SEPARATOR}${origin.topic}` : '';
  switch (origin.command) {
    case 'ask': return `${FOOTER_ASK}${origin.question}`;
    case 'quotes': return `${FOOTER_QUOTES}${origin.speaker}${topic}`;
    case 'timeline': return `${FOOTER_TIMELINE}${origin.speaker}${topic}`;
    case 'compare': return `${FOOTER_COMPARE}${origin.first}${SECOND_SEPARATOR}${origin.second}${topic}`;
    case 'whosaid': return `${FOOTER_WHOSAID}${origin.quote}`;
  }
}

/** The footer names the question and the page; buttons read the question back from it. */
export function footerFor(origin: AnswerOrigin, page: { offset: number; total: number }, shown: number): string {
  const range = ` · results ${page.offset + 1}–${page.offset + shown} of ${page.total}`;
  const asked = askedPart(origin);
  const filters = plainText(truncate(filterFooter(origin.filters), 600));
  return `${truncate(plainText(asked), LIMITS.footer - 60 - filters.length)}${filters}${range}`;
}

const FILTER_PART = / \| (since|until|outlet): ([^|]*)$/u;
const OUTLET_SEPARATOR = '; ';

/** " | since: 2025-02-18 | outlet: A; B": the filters, read back by the buttons. */
function filterFooter(filters: Filters | undefined): string {
  if (!filters) return '';
  return [
    filters.since ? ` | since: ${filters.since}` : '',
    filters.until ? ` | until: ${filters.until}` : '',
    filters.outlets.length > 0 ? ` | outlet: ${filters.outlets.join(OUTLET_SEPARATOR)}` : '',
  ].join('');
}

/** The filters at the end of a footer's question part, and the part without them. */
function splitFilterFooter(asked: string): { rest: string; filters: Filters | undefined } {
  const found: Record<string, string> = {};
  let rest = asked;
  for (let match = FILTER_PART.exec(rest); match; match = FILTER_PART.exec(rest)) {
    found[match[1] as string] = (match[2] ?? '').trim();
    rest = rest.slice(0, match.index);
  }
  if (Object.keys(found).length === 0) return { rest, filters: undefined };
  try {
    return { rest, filters: parseFilters({ since: found.since, until: found.until, outlets: found.outlet?.split(OUTLET_SEPARATOR) ?? [] }) };
  } catch {
    return { rest: asked, filters: undefined };
  }
}

/** Reads back what a message answered, from its footer; null when it is not one of ours. */
export function originFromFooter(footer: string | undefined | null): { origin: AnswerOrigin; offset: number; shown: number } | null {
  if (!footer) return null;
  const range = FOOTER_RANGE.exec(footer);
  if (!range) return null;
  const { rest: asked, filters } = splitFilterFooter(footer.slice(0, range.index));
  const offset = Number(range[1]) - 1;
  const shown = Number(range[2]) - offset;
  const withFilters = filters ? { filters } : {};
  if (asked.startsWith(FOOTER_ASK)) return { origin: { command: 'ask', question: asked.slice(FOOTER_ASK.length), ...withFilters }, offset, shown };
  if (asked.startsWith(FOOTER_WHOSAID)) return { origin: { command: 'whosaid', quote: asked.slice(FOOTER_WHOSAID.length) }, offset, shown };
  for (const [prefix, command] of [[FOOTER_QUOTES, 'quotes'], [FOOTER_TIMELINE, 'timeline']] as const) {
    if (!asked.startsWith(prefix)) continue;
    const [speaker = '', topic = ''] = asked.slice(prefix.length).split(TOPIC_SEPARATOR);
    return { origin: { command, speaker, topic, ...withFilters }, offset, shown };
  }
  if (asked.startsWith(FOOTER_COMPARE)) {
    const [people = '', topic = ''] = asked.slice(FOOTER_COMPARE.length).split(TOPIC_SEPARATOR);
    const [first = '', second = ''] = people.split(SECOND_SEPARATOR);
    return { origin: { command: 'compare', first, second, topic, ...withFilters }, offset, shown };
  }
  return null;
}

/** The footer an answer's buttons read: the last embed's that names a page of results (a timeline has one embed a day). */
export function answerFooter(embeds: readonly { footer?: { text?: string } | null }[]): string | undefined {
  for (let i = embeds.length - 1; i >= 0; i--) {
    const text = embeds[i]?.footer?.text;
    if (text && FOOTER_RANGE.test(text)) return text;
  }
  return undefined;
}

/** A page's buttons: a row of Context buttons per group of shown results (at most five each), then More and Post publicly. */
export function pageButtons(
  view: Pick<AnswerView, 'private' | 'locate'>, groups: { label: string; sentenceId: number }[][], offset: number, shown: number, total: number,
): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (const group of groups.slice(0, LIMITS.rows - 1)) {
    const context = group.slice(0, LIMITS.buttonsPerRow).flatMap(({ label, sentenceId }) => {
      const locator = view.locate(sentenceId);
      return locator ? [button(label, encodeButton({ kind: 'context', locator }), ButtonStyle.Secondary)] : [];
    });
    if (context.length > 0) rows.push({ type: ComponentType.ActionRow, components: context });
  }
  const navigation: APIButtonComponent[] = [];
  const next = offset + shown;
  if (next < total) navigation.push(button('More', encodeButton({ kind: 'more', offset: next }), ButtonStyle.Primary));
  if (view.private) navigation.push(button('Post publicly', encodeButton({ kind: 'public', offset }), ButtonStyle.Success));
  if (navigation.length > 0) rows.push({ type: ComponentType.ActionRow, components: navigation });
  return rows;
}

function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success): APIButtonComponent {
  return { type: ComponentType.Button, style, label: truncate(label, LIMITS.label), custom_id: customId };
}

/** An honest "nothing found", with what to try. */
export function renderNoResult(answer: Answer, ephemeral: boolean): Reply {
  const message = noResultMessage({ ...answer, unknownSpeaker: answer.unknownSpeaker && truncate(answer.unknownSpeaker, 100) });
  return { embeds: [{ color: COLOUR, description: escapeText(message) }], components: [], ephemeral, results: 0 };
}

// Articles listed on one page of /sources: a line each, well within an embed.
export const SOURCES_PER_PAGE = 15;
// Files that could not be loaded, listed under the articles on every page.
const FAILURES_SHOWN = 5;

/**
 * One page of the corpus's articles (1-based `page`, clamped), each with its outlet, title,
 * date and counts of sentences and statements, then the files that could not be loaded; with
 * Previous and Next buttons when there is more than one page.
 */
export function renderSources(articles: { length: number; get(i: number): IndexedArticle | undefined }, failures: readonly LoadFailure[], page = 1): Reply {
  const pages = Math.max(1, Math.ceil(articles.length / SOURCES_PER_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const lines: string[] = [];
  const budget = LIMITS.description - 600;
  let used = 0;
  for (let i = (current - 1) * SOURCES_PER_PAGE; i < Math.min(articles.length, current * SOURCES_PER_PAGE); i++) {
    const article = articles.get(i);
    if (!article) continue;
    const line = sourcesLine(article, i + 1);
    if (used + line.length + 1 > budget) break;
    lines.push(line);
    used += line.length + 1;
  }
  for (const failure of failures.slice(0, FAILURES_SHOWN)) lines.push(`⚠ Not loaded: ${escapeText(truncate(failure.file, 100))} (${escapeText(truncate(failure.reason, 100))})`);
  if (failures.length > FAILURES_SHOWN) lines.push(`⚠ …and ${failures.length - FAILURES_SHOWN} more files not loaded (see the log).`);
  const description = truncate(lines.join('\n') || 'The corpus is empty.', LIMITS.description);
  const embed: APIEmbed = { color: COLOUR, title: `Sources (${count(articles.length, 'article')})`, description };
  if (pages > 1) embed.footer = { text: `Page ${current} of ${pages}` };
  const navigation: APIButtonComponent[] = [];
  if (current > 1) navigation.push(button('Previous', encodeButton({ kind: 'sources', page: current - 1 }), ButtonStyle.Secondary));
  if (current < pages) navigation.push(button('Next', encodeButton({ kind: 'sources', page: current + 1 }), ButtonStyle.Primary));
  return { embeds: [embed], components: navigation.length > 0 ? [{ type: ComponentType.ActionRow, components: navigation }] : [], ephemeral: false };
}

function sourcesLine(article: IndexedArticle, n: number): string {
  const { meta } = article;
  const title = escapeText(truncate(meta.title, 150));
  const linked = meta.url && /^https?:\/\//.test(meta.url) ? `[${title}](${meta.url.replace(/[()\s]/g, encodeURIComponent)})` : title;
  const counts = `${count(article.sentences, 'sentence')}, ${count(article.statements, 'statement')}`;
  return `**${n}.** ${[meta.outlet && escapeText(truncate(meta.outlet, 80)), linked, meta.published].filter(Boolean).join(' · ')} — ${counts}`;
}

// Files named per kind of change in a /reindex reply; the rest are counted.
const CHANGES_SHOWN = 10;

/** What a reload changed, for the member who asked for it. */
export function renderReindex(change: CorpusChange): Reply {
  const list = (label: string, files: string[]) => {
    if (files.length === 0) return [];
    const named = files.slice(0, CHANGES_SHOWN).map((f) => escapeText(truncate(f, 120)));
    return [`**${label} (${files.length}):** ${named.join(', ')}${files.length > CHANGES_SHOWN ? ` and ${files.length - CHANGES_SHOWN} more` : ''}`];
  };
  const failed = change.failed.slice(0, CHANGES_SHOWN).map((f) => `⚠ ${escapeText(truncate(f.file, 120))}: ${escapeText(truncate(f.reason, 150))}`);
  if (change.failed.length > CHANGES_SHOWN) failed.push(`⚠ …and ${change.failed.length - CHANGES_SHOWN} more not loaded`);
  const lines = [...list('Added', change.added), ...list('Removed', change.removed), ...list('Changed', change.changed)];
  const description = [...(lines.length > 0 ? lines : ['No article added, removed or changed.']), ...(failed.length > 0 ? ['**Not loaded:**', ...failed] : [])].join('\n');
  return {
    embeds: [{
      color: COLOUR,
      title: `Corpus reloaded: ${count(change.articles, 'article')} in ${(change.ms / 1000).toFixed(1)} s`,
      description: truncate(description, LIMITS.description),
    }],
    components: [],
    ephemeral: true,
  };
}

/** What /add did: the article added, with its counts, or why nothing was. Private to the manager who asked. */
export function renderAdd(result: AddResult): Reply {
  if (result.status !== 'added') {
    return {
      embeds: [{ color: COLOUR, title: 'Not added', description: truncate(`${escapeText(truncate(result.source, 300))}\n${escapeText(truncate(result.reason, 1000))}`, LIMITS.description) }],
      components: [],
      ephemeral: true,
    };
  }
  const { meta } = result;
  const speakers = result.speakers.slice(0, 10).map(([name, n]) => `${escapeText(name)} ${n}`).join(', ');
  const lines = [
    [meta.outlet, meta.published ?? 'no date'].filter(Boolean).map((part) => escapeText(String(part))).join(' · '),
    `${count(result.paragraphs, 'paragraph')}, ${count(result.sentences, 'sentence')}, ${count(result.statements, 'attributed statement')}${speakers ? ` (${speakers})` : ''}`,
    `Saved as \`${truncate(result.file, 200).replace(/`/g, "'")}\`; it can be asked about as soon as it is indexed (a few seconds).`,
  ];
  return {
    embeds: [{ color: COLOUR, title: truncate(`Added: ${escapeText(meta.title)}`, LIMITS.title), ...(meta.url ? { url: meta.url } : {}), description: truncate(lines.join('\n'), LIMITS.description) }],
    components: [],
    ephemeral: true,
  };
}

export function renderHelp(): Reply {
  const description = [
    'Verbatim answers with sentences from news articles, word for word, each with who said it and where it was published. It never summarises or paraphrases.',
    '',
    '**/ask** `question` — for example:',
    '• `what did Lavrov say`',
    '• `what has Rubio said about Ukraine`',
    '• `who said the talks were useful`',
    '**/quotes** `speaker` `topic` — what one person said; pick the name from the list.',
    '**/timeline** `speaker` `topic` — what one person said, day by day, each statement by its first report.',
    '**/compare** `first` `second` `topic` — two people’s statements side by side.',
    '**/whosaid** `quote` — who said these words, or words close to them; a few words are enough.',
    '`since`, `until` (YYYY-MM-DD) and `outlet` keep only some articles, on /ask, /quotes, /timeline and /compare.',
    '**/sources** — the articles Verbatim knows, with their counts of statements.',
    '**/reindex** — for members with Manage Server: reload the corpus now and see what changed.',
    '**/add** `url` — for members with Manage Server: fetch a news page and add it to the corpus.',
    '',
    'Add `private: True` to see the answer alone; a button can post it for everyone after.',
  ].join('\n');
  return { embeds: [{ color: COLOUR, title: 'How to ask Verbatim', description }], components: [], ephemeral: true };
}

/** The quote's paragraph, the quote itself in bold, cut between sentences to fit. */
export function renderContext(context: QuoteContext): Reply {
  const parts: string[] = [];
  let used = 0;
  const budget = LIMITS.description - 100;
  for (const sentence of context.sentences) {
    const text = escapeText(truncate(sentence.text, MAX_SENTENCE_CHARS));
    const part = sentence.isQuote ? `**${text}**` : text;
    if (used + part.length + 1 > budget) {
      if (!sentence.isQuote && parts.some((p) => p.startsWith('**'))) break;
      parts.length = 0;
      used = 0;
    }
    parts.push(part);
    used += part.length + 1;
  }
  const { meta } = context.article;
  return {
    embeds: [{
      color: COLOUR,
      title: truncate(`¶${context.paragraph} · ${escapeText(meta.title)}`, LIMITS.title),
      description: parts.join(' '),
      ...(meta.url && /^https?:\/\//.test(meta.url) ? { url: meta.url } : {}),
      footer: { text: truncate(plainText([meta.outlet, meta.published, context.article.file].filter(Boolean).join(' · ')), LIMITS.footer) },
    }],
    components: [],
    ephemeral: true,
  };
}

/** A short apology for anything that went wrong; details go to the log, not to the user. */
export function renderError(message = 'Sorry, something went wrong while answering. Please try again.'): Reply {
  return { content: message, embeds: [], components: [], ephemeral: true };
}

/** Total characters Discord counts towards an embed's 6000. */
export function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}
