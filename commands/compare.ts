import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Verbatim } from '../src/verbatim.js';
import type { Reply } from '../src/discord/render.js';
import { renderComparison } from '../src/discord/renderCoverage.js';
import { send } from '../src/discord/respond.js';
import { filtersOrNote, withFilterOptions } from '../src/discord/filterOptions.js';
import { NO_FILTERS, hasFilters, type Filters } from '../src/search/filters.js';
import { cleanQuestion } from '../src/search/understand.js';
import { completeSpeakerOrOutlet } from './quotes.js';

export const data = withFilterOptions(new SlashCommandBuilder()
  .setName('compare')
  .setDescription('Two people’s statements side by side, best first.')
  .addStringOption((option) =>
    option.setName('first').setDescription('One person: start typing a name').setRequired(true).setAutocomplete(true).setMaxLength(200))
  .addStringOption((option) =>
    option.setName('second').setDescription('The other person').setRequired(true).setAutocomplete(true).setMaxLength(200))
  .addStringOption((option) => option.setName('topic').setDescription('Only statements about this').setMaxLength(500))
  .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you alone')));

// Statements per person on one page.
const PAGE = 5;

export function reply(verbatim: Verbatim, first: string, second: string, topic: string, isPrivate: boolean, offset = 0, filters: Filters = NO_FILTERS): Reply {
  const answer = verbatim.compare(first, second, topic, PAGE, offset, filters);
  const origin = { command: 'compare' as const, first: cleanQuestion(first), second: cleanQuestion(second), topic: cleanQuestion(topic), ...(hasFilters(filters) ? { filters } : {}) };
  return renderComparison({ answer, origin, private: isPrivate, locate: (id) => verbatim.locatorOf(id) });
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  const first = interaction.options.getString('first', true);
  const second = interaction.options.getString('second') ?? '';
  const topic = interaction.options.getString('topic') ?? '';
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const asked = await filtersOrNote(interaction);
  if ('note' in asked) return asked.note;
  return send(interaction, () => reply(context.verbatim(), first, second, topic, isPrivate, 0, asked.filters), isPrivate);
}

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await completeSpeakerOrOutlet(interaction, context, ['first', 'second']);
}
