import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Verbatim } from '../src/verbatim.js';
import { LIMITS, renderAnswer, truncate, type Reply } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';
import { completeOutlet, filtersOrNote, withFilterOptions } from '../src/discord/filterOptions.js';
import { NO_FILTERS, hasFilters, type Filters } from '../src/search/filters.js';
import { count } from '../src/text/count.js';
import { cleanQuestion } from '../src/search/understand.js';

export const data = withFilterOptions(new SlashCommandBuilder()
  .setName('quotes')
  .setDescription('What one person said in the articles, best first.')
  .addStringOption((option) =>
    option.setName('speaker').setDescription('Who: start typing a name').setRequired(true).setAutocomplete(true).setMaxLength(200))
  .addStringOption((option) => option.setName('topic').setDescription('Only statements about this').setMaxLength(500))
  .addBooleanOption((option) => option.setName('private').setDescription('Show the answer to you alone')));

export function run(verbatim: Verbatim, speaker: string, topic = '', offset = 0, filters: Filters = NO_FILTERS) {
  return verbatim.quotes(speaker, topic, 5, offset, filters);
}

export function reply(verbatim: Verbatim, speaker: string, topic: string, isPrivate: boolean, offset = 0, filters: Filters = NO_FILTERS): Reply {
  const answer = run(verbatim, speaker, topic, offset, filters);
  const origin = { command: 'quotes' as const, speaker: cleanQuestion(speaker), topic: cleanQuestion(topic), ...(hasFilters(filters) ? { filters } : {}) };
  return renderAnswer({ answer, origin, private: isPrivate, locate: (id) => verbatim.locatorOf(id) });
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  return executeForSpeaker(interaction, context, reply);
}

/** A command about one speaker (/quotes, /timeline): its speaker, topic, private and filter options, answered by `answer`. */
export async function executeForSpeaker(interaction: ChatInputCommandInteraction, context: BotContext, answer: typeof reply): Promise<Reply> {
  const speaker = interaction.options.getString('speaker', true);
  const topic = interaction.options.getString('topic') ?? '';
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const asked = await filtersOrNote(interaction);
  if ('note' in asked) return asked.note;
  const { filters } = asked;
  return send(interaction, () => answer(context.verbatim(), speaker, topic, isPrivate, 0, filters), isPrivate);
}

// No name is longer: beyond this, autocomplete input is cut, so its work is bounded whatever is typed.
const MAX_AUTOCOMPLETE_INPUT = 100;

/** Choices labelled "Sergey Lavrov · 2 statements", most quoted first; at most 25. */
export function choices(verbatim: Verbatim, input: string): { name: string; value: string }[] {
  return verbatim.speakerChoices(input.slice(0, MAX_AUTOCOMPLETE_INPUT), LIMITS.choices).map((speaker) => ({
    name: truncate(`${speaker.name} · ${count(speaker.statements, 'statement')}`, LIMITS.choiceName),
    value: truncate(speaker.name, LIMITS.choiceName),
  }));
}

export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  await completeSpeakerOrOutlet(interaction, context, ['speaker']);
}

/** Autocomplete for commands with speaker options (named `speakers`) and the outlet filter. */
export async function completeSpeakerOrOutlet(interaction: AutocompleteInteraction, context: BotContext, speakers: readonly string[]): Promise<void> {
  if (await completeOutlet(interaction, context.verbatim())) return;
  const focused = interaction.options.getFocused(true);
  await interaction.respond(speakers.includes(focused.name) ? choices(context.verbatim(), String(focused.value)) : []);
}
