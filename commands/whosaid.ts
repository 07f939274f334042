import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Verbatim } from '../src/verbatim.js';
import type { Reply } from '../src/discord/render.js';
import { renderQuoteAnswer } from '../src/discord/renderCoverage.js';
import { send } from '../src/discord/respond.js';
import { MAX_QUOTE_CHARS } from '../src/verbatim.js';
import { cleanQuestion } from '../src/search/understand.js';

export const data = new SlashCommandBuilder()
  .setName('whosaid')
  .setDescription('Who said these words, or words close to them, and where it was first reported.')
  .addStringOption((option) =>
    option.setName('quote').setDescription('The words, or a few of them: for example ready to sign tonight').setRequired(true).setMaxLength(MAX_QUOTE_CHARS))
  .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you alone'));

// Statements per page.
const PAGE = 5;

export function reply(verbatim: Verbatim, quote: string, isPrivate: boolean, offset = 0): Reply {
  const answer = verbatim.whoSaid(quote, PAGE, offset);
  // The footer keeps the quote as read (no mentions or markdown), so More asks the same again.
  const origin = { command: 'whosaid' as const, quote: cleanQuestion(quote) };
  return renderQuoteAnswer({ answer, origin, private: isPrivate, locate: (id) => verbatim.locatorOf(id) });
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  const quote = interaction.options.getString('quote', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  return send(interaction, () => reply(context.verbatim(), quote, isPrivate), isPrivate);
}
