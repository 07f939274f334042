import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import { renderHelp, type Reply } from '../src/discord/render.js';
import { send } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('How to ask Verbatim, with examples.');

export async function execute(interaction: ChatInputCommandInteraction, _context: BotContext): Promise<Reply> {
  return send(interaction, renderHelp, true);
}
