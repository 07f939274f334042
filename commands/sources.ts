import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Verbatim } from '../src/verbatim.js';
import { renderSources, type Reply } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('The articles Verbatim answers from: title, outlet, date, link, sentences.');

export function reply(verbatim: Verbatim, page = 1): Reply {
  return renderSources(verbatim.index.articles, verbatim.index.failures, page);
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  return send(interaction, () => reply(context.verbatim()), false);
}
