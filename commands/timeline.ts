import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Verbatim } from '../src/verbatim.js';
import type { Reply } from '../src/discord/render.js';
import { renderTimeline } from '../src/discord/renderCoverage.js';
import { withFilterOptions } from '../src/discord/filterOptions.js';
import { NO_FILTERS, hasFilters, type Filters } from '../src/search/filters.js';
import { cleanQuestion } from '../src/search/understand.js';
import { completeSpeakerOrOutlet, executeForSpeaker } from './quotes.js';

export const data = withFilterOptions(new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('What one person said, day by day of publication, each statement by its first report.')
  .addStringOption((option) =>
    option.setName('speaker').setDescription('Who: start typing a name').setRequired(true).setAutocomplete(true).setMaxLength(200))
  .addStringOption((option) => option.setName('topic').setDescription('Only statements about this').setMaxLength(500))
  .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you alone')));

// Statements read for one page; the renderer shows as many as fit in a message.
const PAGE = 25;

export function reply(verbatim: Verbatim, speaker: string, topic: string, isPrivate: boolean, offset = 0, filters: Filters = NO_FILTERS): Reply {
  const answer = verbatim.timeline(speaker, topic, PAGE, offset, filters);
  const origin = { command: 'timeline' as const, speaker: cleanQuestion(speaker), topic: cleanQuestion(topic), ...(hasFilters(filters) ? { filters } : {}) };
  return renderTimeline({ answer, origin, private: isPrivate, locate: (id) => verbatim.locatorOf(id) });
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  return executeForSpeaker(interaction, context, reply);
}

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await completeSpeakerOrOutlet(interaction, context, ['speaker']);
}
