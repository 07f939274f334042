import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import { commandsByName } from '../../commands/index.js';
import * as ask from '../../commands/ask.js';
import * as quotes from '../../commands/quotes.js';
import type { BotContext } from './context.js';
import { decodeButton, type ButtonAction } from './buttons.js';
import { originFromFooter, renderContext, type AnswerOrigin, type Reply } from './render.js';
import { apologize, toReplyOptions } from './respond.js';
import { errorFields } from '../log.js';

const STALE_BUTTON = 'This button no longer works: ask again with /ask or /quotes.';

/** The one place interactions are routed: commands, autocomplete and buttons. Never throws. */
export async function routeInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  const started = Date.now();
  const kind = interaction.isChatInputCommand() ? `/${interaction.commandName}` : interaction.isAutocomplete() ? `autocomplete /${interaction.commandName}` : interaction.isButton() ? 'button' : `type ${interaction.type}`;
  try {
    if (interaction.isChatInputCommand()) await runCommand(interaction, context);
    else if (interaction.isAutocomplete()) await runAutocomplete(interaction, context);
    else if (interaction.isButton()) await runButton(interaction, context);
    context.log.info({ interaction: kind, ms: Date.now() - started, outcome: 'ok' }, 'interaction');
  } catch (error) {
    context.log.error({ interaction: kind, ms: Date.now() - started, outcome: 'error', ...errorFields(error) }, 'interaction failed');
    if (interaction.isRepliable()) {
      await apologize(interaction).catch((apologyError: unknown) =>
        context.log.error({ interaction: kind, ...errorFields(apologyError) }, 'could not apologise'));
    }
  }
}

async function runCommand(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const command = commandsByName.get(interaction.commandName);
  if (!command) {
    await apologize(interaction, `Unknown command /${interaction.commandName}. Try /help.`);
    return;
  }
  await command.execute(interaction, context);
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

async function runButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (!action) {
    await apologize(interaction, STALE_BUTTON);
    return;
  }
  if (action.kind === 'context') {
    const quoteContext = context.verbatim().contextOf(action.locator);
    await interaction.reply(toReplyOptions(quoteContext ? renderContext(quoteContext) : { content: 'That article has changed since this answer: ask again.', embeds: [], components: [], ephemeral: true }));
    return;
  }
  const read = originFromFooter(interaction.message.embeds[0]?.footer?.text);
  if (!read) {
    await apologize(interaction, STALE_BUTTON);
    return;
  }
  await runPageButton(interaction, context, action, read.origin);
}

/** "More" edits the message to the next page; "Post publicly" posts the same page for everyone. */
async function runPageButton(interaction: ButtonInteraction, context: BotContext, action: Exclude<ButtonAction, { kind: 'context' }>, origin: AnswerOrigin): Promise<void> {
  const isPrivate = action.kind === 'more' ? interaction.message.flags.has('Ephemeral') : false;
  const page = answerPage(context, origin, isPrivate, action.offset);
  if (action.kind === 'more') {
    const { flags: _flags, ...update } = toReplyOptions(page);
    await interaction.update(update);
  } else {
    await interaction.reply(toReplyOptions(page));
  }
}

function answerPage(context: BotContext, origin: AnswerOrigin, isPrivate: boolean, offset: number): Reply {
  const verbatim = context.verbatim();
  return origin.command === 'ask'
    ? ask.reply(verbatim, origin.question, isPrivate, offset)
    : quotes.reply(verbatim, origin.speaker, origin.topic, isPrivate, offset);
}
