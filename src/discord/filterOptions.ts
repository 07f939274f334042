import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandOptionsOnlyBuilder } from 'discord.js';
import { FilterError, parseFilters, type Filters } from '../search/filters.js';
import type { Verbatim } from '../verbatim.js';
import { count } from '../text/count.js';
import { LIMITS, truncate, type Reply } from './render.js';
import { apologize } from './respond.js';

/** The since, until and outlet options that /ask and /quotes share (contracts §4). */
export function withFilterOptions(builder: SlashCommandOptionsOnlyBuilder): SlashCommandOptionsOnlyBuilder {
  return builder
    .addStringOption((option) => option.setName('since').setDescription('Only articles published on or after this day (YYYY-MM-DD)').setMaxLength(10))
    .addStringOption((option) => option.setName('until').setDescription('Only articles published on or before this day (YYYY-MM-DD)').setMaxLength(10))
    .addStringOption((option) => option.setName('outlet').setDescription('Only articles from this outlet').setAutocomplete(true).setMaxLength(200));
}

/** The filters an interaction asks for; throws FilterError with a message for the person when one is malformed. */
export function filtersOf(interaction: ChatInputCommandInteraction): Filters {
  return parseFilters({
    since: interaction.options.getString('since'),
    until: interaction.options.getString('until'),
    outlets: [interaction.options.getString('outlet')],
  });
}

/**
 * The filters an interaction asks for, or, when one is malformed, the private note that says
 * how to write it (already sent).
 */
export async function filtersOrNote(interaction: ChatInputCommandInteraction): Promise<{ filters: Filters } | { note: Reply }> {
  try {
    return { filters: filtersOf(interaction) };
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    await apologize(interaction, `Sorry: ${error.message}.`);
    return { note: { content: error.message, embeds: [], components: [], ephemeral: true } };
  }
}

/** Outlets of the corpus that start with or contain what was typed, most articles first; at most 25. */
export function outletChoices(verbatim: Verbatim, input: string): { name: string; value: string }[] {
  const typed = input.slice(0, LIMITS.choiceName).trim().toLocaleLowerCase('en');
  const outlets = verbatim.outlets();
  const starts = outlets.filter((o) => o.name.toLocaleLowerCase('en').startsWith(typed));
  const contains = outlets.filter((o) => !starts.includes(o) && o.name.toLocaleLowerCase('en').includes(typed));
  return [...starts, ...contains].slice(0, LIMITS.choices).map((o) => ({
    name: truncate(`${o.name} · ${count(o.articles, 'article')}`, LIMITS.choiceName),
    value: truncate(o.name, LIMITS.choiceName),
  }));
}

/** Answers an autocomplete for the outlet option; false when another option is focused. */
export async function completeOutlet(interaction: AutocompleteInteraction, verbatim: Verbatim): Promise<boolean> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'outlet') return false;
  await interaction.respond(outletChoices(verbatim, String(focused.value)));
  return true;
}
