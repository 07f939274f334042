import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Verbatim } from '../src/verbatim.js';
import { renderAnswer, type Reply } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';
import { cleanQuestion } from '../src/search/understand.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask who said what: the answer is sentences from the articles, word for word.')
  .addStringOption((option) =>
    option.setName('question').setDescription('For example: what did Lavrov say about the embassies').setRequired(true).setMaxLength(6000))
  .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you alone'));

/** The answer data for a question, the same in Discord and in the console. */
export function run(verbatim: Verbatim, question: string, offset = 0) {
  return verbatim.ask(question, 5, offset);
}

export function reply(verbatim: Verbatim, question: string, isPrivate: boolean, offset = 0): Reply {
  const answer = run(verbatim, question, offset);
  // The footer keeps the question as understood (no mentions or markdown); asked again, it gives the same answer.
  return renderAnswer({ answer, origin: { command: 'ask', question: cleanQuestion(question) }, private: isPrivate, locate: (id) => verbatim.locatorOf(id) });
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  const question = interaction.options.getString('question', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  return send(interaction, () => reply(context.verbatim(), question, isPrivate), isPrivate);
}
