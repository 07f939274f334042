import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Verbatim } from '../src/verbatim.js';
import { renderAnswer, type Reply } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';
import { completeOutlet, filtersOrNote, withFilterOptions } from '../src/discord/filterOptions.js';
import { NO_FILTERS, hasFilters, type Filters } from '../src/search/filters.js';
import { cleanQuestion } from '../src/search/understand.js';

export const data = withFilterOptions(new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask who said what: the answer is sentences from the articles, word for word.')
  .addStringOption((option) =>
    option.setName('question').setDescription('For example: what did Lavrov say about the embassies').setRequired(true).setMaxLength(6000))
  .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you alone')));

/** The answer data for a question, the same in Discord and in the console. */
export function run(verbatim: Verbatim, question: string, offset = 0, filters: Filters = NO_FILTERS) {
  return verbatim.ask(question, 5, offset, filters);
}

export function reply(verbatim: Verbatim, question: string, isPrivate: boolean, offset = 0, filters: Filters = NO_FILTERS): Reply {
  const answer = run(verbatim, question, offset, filters);
  // The footer keeps the question as understood (no mentions or markdown); asked again, it gives the same answer.
  const origin = { command: 'ask' as const, question: cleanQuestion(question), ...(hasFilters(filters) ? { filters } : {}) };
  return renderAnswer({ answer, origin, private: isPrivate, locate: (id) => verbatim.locatorOf(id) });
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  const question = interaction.options.getString('question', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const asked = await filtersOrNote(interaction);
  if ('note' in asked) return asked.note;
  const { filters } = asked;
  return send(interaction, () => reply(context.verbatim(), question, isPrivate, 0, filters), isPrivate);
}

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  if (!(await completeOutlet(interaction, context.verbatim()))) await interaction.respond([]);
}
