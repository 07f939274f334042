import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { commandsByName } from '../../commands/index.js';
import * as ask from '../../commands/ask.js';
import * as quotes from '../../commands/quotes.js';
import * as sources from '../../commands/sources.js';
import * as timeline from '../../commands/timeline.js';
import * as compare from '../../commands/compare.js';
import * as whosaid from '../../commands/whosaid.js';
import type { BotContext } from './context.js';
import { decodeButton, type ButtonAction } from './buttons.js';
import { answerFooter, originFromFooter, renderContext, type AnswerOrigin, type Reply } from './render.js';
import { apologize, toReplyOptions } from './respond.js';
import { errorFields } from '../log.js';
import type { Config } from '../config.js';
import { RateLimiter, rateLimitNotice } from './rateLimit.js';
import { WorkQueue } from './workQueue.js';

// Discord's codes for an interaction that can no longer be answered: unknown interaction,
// unknown webhook, invalid webhook token (expired), already acknowledged.
const UNREACHABLE = new Set([10062, 10015, 50027, 40060]);

const STALE_BUTTON = 'This button no longer works: ask again with the command.';

/** What keeps one user, or a burst, from crowding out everyone else. */
export interface Limits {
  /** Questions per user; null when RATE_LIMIT is off. */
  rate: RateLimiter | null;
  work: WorkQueue;
}

// At most this many interactions are worked on at once, and this many wait; past that, a burst
// is told to try again rather than left to time out.
const CONCURRENT = 8;
const WAITING = 200;
const BUSY = 'Verbatim is answering many questions right now: try again in a few seconds.';

export function limitsFrom(config: Pick<Config, 'rateLimit'>): Limits {
  return { rate: config.rateLimit ? new RateLimiter(config.rateLimit) : null, work: new WorkQueue(CONCURRENT, WAITING) };
}

/** The one place interactions are routed: commands, autocomplete and buttons. Never throws. */
export async function routeInteraction(interaction: Interaction, context: BotContext, limits: Limits): Promise<void> {
  const started = Date.now();
  const kind = interaction.isChatInputCommand() ? `/${interaction.commandName}` : interaction.isAutocomplete() ? `autocomplete /${interaction.commandName}` : interaction.isButton() ? 'button' : `type ${interaction.type}`;
  // What was asked is the user's own text: only at debug level, never by default.
  context.log.debug({ interaction: kind, id: interaction.id, asked: askedText(interaction) }, 'asked');
  try {
    let done: Done = { outcome: 'ok' };
    // Autocomplete is never limited: it is bounded in work instead (see commands/quotes.ts).
    if (interaction.isAutocomplete()) await runAutocomplete(interaction, context);
    else if (interaction.isRepliable()) done = await runLimited(interaction, context, limits);
    context.log.info({ interaction: kind, id: interaction.id, ms: Date.now() - started, outcome: done.outcome, ...(done.results === undefined ? {} : { results: done.results }) }, 'interaction');
    context.observe?.(kind, done.outcome, Date.now() - started);
  } catch (error) {
    context.log.error({ interaction: kind, id: interaction.id, ms: Date.now() - started, outcome: 'error', ...errorFields(error) }, 'interaction failed');
    context.observe?.(kind, 'error', Date.now() - started);
    // Past its deadline, its token expired, or answered already: nothing more can be sent to it.
    if (interaction.isRepliable() && !UNREACHABLE.has(Number((error as { code?: unknown }).code))) {
      await apologize(interaction).catch((apologyError: unknown) =>
        context.log.error({ interaction: kind, id: interaction.id, ...errorFields(apologyError) }, 'could not apologise'));
    }
  }
}

type Done = { outcome: 'ok' | 'rate-limited' | 'busy'; results?: number };

/** The text a user typed into the interaction's options, for a debug log line. */
function askedText(interaction: Interaction): Record<string, unknown> | undefined {
  if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return undefined;
  return Object.fromEntries(interaction.options.data.map((option) => [option.name, option.value]));
}

/**
 * Runs a command or button within the limits: a user past their rate, or a burst past the
 * queue, gets a short private notice instead.
 */
async function runLimited(interaction: RepliableInteraction, context: BotContext, limits: Limits): Promise<Done> {
  if (limits.rate && asksAQuestion(interaction)) {
    const decision = limits.rate.take(interaction.user.id);
    if (!decision.allowed) {
      await apologize(interaction, rateLimitNotice(limits.rate.config, decision.retryAfterMs));
      return { outcome: 'rate-limited' };
    }
  }
  let reply: Reply | void = undefined;
  const ran = await limits.work.run(async () => {
    if (interaction.isChatInputCommand()) reply = await runCommand(interaction, context);
    else if (interaction.isButton()) reply = await runButton(interaction, context);
  });
  if (!ran) {
    await apologize(interaction, BUSY);
    return { outcome: 'busy' };
  }
  const results = (reply as Reply | undefined)?.results;
  return results === undefined ? { outcome: 'ok' } : { outcome: 'ok', results };
}

// Commands that search the corpus: they count against a user's rate.
const QUESTIONS = new Set(['ask', 'quotes', 'timeline', 'compare', 'whosaid']);

/** What counts against the rate: searches of the corpus (the QUESTIONS, More, Post publicly), not /help or /sources. */
function asksAQuestion(interaction: RepliableInteraction): boolean {
  if (interaction.isChatInputCommand()) return QUESTIONS.has(interaction.commandName);
  if (!interaction.isButton()) return false;
  const action = decodeButton(interaction.customId);
  return action?.kind === 'more' || action?.kind === 'public';
}

async function runCommand(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply | void> {
  const command = commandsByName.get(interaction.commandName);
  if (!command) {
    await apologize(interaction, `Unknown command /${interaction.commandName}. Try /help.`);
    return;
  }
  return command.execute(interaction, context);
}

async function runAutocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const command = commandsByName.get(interaction.commandName);
  try {
    if (command?.autocomplete) await command.autocomplete(interaction, context);
    else await interaction.respond([]);
  } catch (error) {
    // An autocomplete that failed still answers, with no choices.
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    throw error;
  }
}

async function runButton(interaction: ButtonInteraction, context: BotContext): Promise<Reply | void> {
  const action = decodeButton(interaction.customId);
  if (!action) {
    await apologize(interaction, STALE_BUTTON);
    return;
  }
  if (action.kind === 'sources') {
    const page = sources.reply(context.verbatim(), action.page);
    const { flags: _flags, ...update } = toReplyOptions(page);
    await interaction.update(update);
    return page;
  }
  if (action.kind === 'context') {
    const quoteContext = context.verbatim().contextOf(action.locator);
    await interaction.reply(toReplyOptions(quoteContext ? renderContext(quoteContext) : { content: 'That article has changed since this answer: ask again.', embeds: [], components: [], ephemeral: true }));
    return;
  }
  const read = originFromFooter(answerFooter(interaction.message.embeds));
  if (!read) {
    await apologize(interaction, STALE_BUTTON);
    return;
  }
  return runPageButton(interaction, context, action, read.origin);
}

/** "More" edits the message to the next page; "Post publicly" posts the same page for everyone. */
async function runPageButton(interaction: ButtonInteraction, context: BotContext, action: Extract<ButtonAction, { kind: 'more' | 'public' }>, origin: AnswerOrigin): Promise<Reply> {
  const isPrivate = action.kind === 'more' ? interaction.message.flags.has('Ephemeral') : false;
  const page = answerPage(context, origin, isPrivate, action.offset);
  if (action.kind === 'more') {
    const { flags: _flags, ...update } = toReplyOptions(page);
    await interaction.update(update);
  } else {
    await interaction.reply(toReplyOptions(page));
  }
  return page;
}

function answerPage(context: BotContext, origin: AnswerOrigin, isPrivate: boolean, offset: number): Reply {
  const verbatim = context.verbatim();
  switch (origin.command) {
    case 'ask': return ask.reply(verbatim, origin.question, isPrivate, offset, origin.filters);
    case 'quotes': return quotes.reply(verbatim, origin.speaker, origin.topic, isPrivate, offset, origin.filters);
    case 'timeline': return timeline.reply(verbatim, origin.speaker, origin.topic, isPrivate, offset, origin.filters);
    case 'compare': return compare.reply(verbatim, origin.first, origin.second, origin.topic, isPrivate, offset, origin.filters);
    case 'whosaid': return whosaid.reply(verbatim, origin.quote, isPrivate, offset);
  }
}
