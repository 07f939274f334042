import { MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import type { Reply } from './render.js';
import { renderError } from './render.js';

// Discord gives 3 s to acknowledge. An interaction that has already waited this long (a burst,
// a slow event loop) is deferred first, so the answer can follow by edit.
const DEFER_AFTER_MS = 1500;

/** Nobody is ever pinged by what Verbatim posts. */
export const NO_MENTIONS = { parse: [] as [] };

export function toReplyOptions(reply: Reply): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    ...(reply.content ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: NO_MENTIONS,
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Replies once: directly when there is time, else deferred then edited. Returns what it sent. */
export async function send(interaction: RepliableInteraction, build: () => Reply, ephemeral: boolean): Promise<Reply> {
  const late = Date.now() - interaction.createdTimestamp > DEFER_AFTER_MS;
  if (late) {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const reply = build();
    const { flags: _flags, ...options } = toReplyOptions(reply);
    await interaction.editReply(options);
    return reply;
  }
  const reply = build();
  await interaction.reply(toReplyOptions(reply));
  return reply;
}

/** The short ephemeral apology that ends every failure, whatever was sent before. */
export async function apologize(interaction: RepliableInteraction, message?: string): Promise<void> {
  const options = toReplyOptions(renderError(message));
  if (interaction.deferred && !interaction.replied) {
    const { flags: _flags, ...edit } = options;
    await interaction.editReply(edit);
  } else if (interaction.replied) {
    await interaction.followUp(options);
  } else {
    await interaction.reply(options);
  }
}
