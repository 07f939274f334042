import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import { renderReindex, type Reply } from '../src/discord/render.js';
import { apologize, toReplyOptions } from '../src/discord/respond.js';
import { errorFields } from '../src/log.js';

export const data = new SlashCommandBuilder()
  .setName('reindex')
  .setDescription('Reload the corpus now and show what changed (Manage Server only).')
  // Hidden from members without Manage Server by default; execute checks again, since a
  // server's admins can change who sees a command.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

export const REFUSAL = 'Sorry, only members with the Manage Server permission can reindex the corpus. It reloads by itself when articles change.';

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply> {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await apologize(interaction, REFUSAL);
    return { content: REFUSAL, embeds: [], components: [], ephemeral: true };
  }
  if (!context.reindex) {
    const message = 'Reindexing is not available in this process.';
    await apologize(interaction, message);
    return { content: message, embeds: [], components: [], ephemeral: true };
  }
  // A rebuild can take longer than Discord's 3 s: acknowledge first, answer by edit.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let reply: Reply;
  try {
    reply = renderReindex(await context.reindex());
  } catch (error) {
    context.log.error(errorFields(error), 'reindex failed');
    reply = { content: 'The corpus could not be reloaded; Verbatim still answers from the previous one. The log has the reason.', embeds: [], components: [], ephemeral: true };
  }
  const { flags: _flags, ...edit } = toReplyOptions(reply);
  await interaction.editReply(edit);
  return reply;
}
