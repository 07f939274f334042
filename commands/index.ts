import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandOptionsOnlyBuilder } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Reply } from '../src/discord/render.js';
import * as ask from './ask.js';
import * as quotes from './quotes.js';
import * as sources from './sources.js';
import * as help from './help.js';
import * as reindex from './reindex.js';
import * as add from './add.js';
import * as timeline from './timeline.js';
import * as compare from './compare.js';
import * as whosaid from './whosaid.js';

/** One slash command: its definition, its handler, and optionally its autocomplete. */
export interface Command {
  data: Pick<SlashCommandOptionsOnlyBuilder, 'name' | 'toJSON'>;
  /** Replies, and returns the reply (its count of results goes in the log). */
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<Reply>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

export const commands: readonly Command[] = [ask, quotes, sources, help, reindex, add, timeline, compare, whosaid];

export const commandsByName = new Map(commands.map((command) => [command.data.name, command]));
