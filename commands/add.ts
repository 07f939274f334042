import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import { renderAdd, type Reply } from '../src/discord/render.js';
import { apologize, toReplyOptions } from '../src/discord/respond.js';
import { errorFields } from '../src/log.js';

// Longer urls are refused by the fetcher anyway; Discord checks this one before sending.
const MAX_URL_LENGTH = 2048;

export const data = new SlashCommandBuilder()
  .setName('add')
  .setDescription('Fetch a news page and add it to the corpus (Manage Server only).')
  .addStringOption((option) => option.setName('url').setDescription('The article\'s address, http or https').setRequired(true).setMaxLength(MAX_URL_LENGTH))
  // Hidden from members without Manage Server by default; execute checks again, since a
  // server's admins can change who sees a command.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

export const REFUSAL = 'Sorry, only members with the Manage Server permission can add articles.';

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return refuse(interaction, REFUSAL);
  if (!context.addUrl) return refuse(interaction, 'Adding articles is not available in this process.');
  const url = interaction.options.getString('url', true).trim();
  // A fetch can take longer than Discord's 3 s: acknowledge first, answer by edit.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let reply: Reply;
  try {
    reply = renderAdd(await context.addUrl(url));
  } catch (error) {
    context.log.error(errorFields(error), 'add failed');
    reply = { content: 'The page could not be added; nothing was written. The log has the reason.', embeds: [], components: [], ephemeral: true };
  }
  const { flags: _flags, ...edit } = toReplyOptions(reply);
  await interaction.editReply(edit);
  return reply;
}

async function refuse(interaction: ChatInputCommandInteraction, message: string): Promise<Reply> {
  await apologize(interaction, message);
  return { content: message, embeds: [], components: [], ephemeral: true };
}
