import {
  ApplicationCommandOptionType, ApplicationCommandType, ChannelType, ComponentType, GuildDefaultMessageNotifications,
  GuildExplicitContentFilter, GuildHubType, GuildMFALevel, GuildNSFWLevel, GuildPremiumTier, GuildSystemChannelFlags,
  GuildVerificationLevel, InteractionContextType, InteractionType, Locale, MessageType,
  type APIApplicationCommandAutocompleteInteraction, type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction, type APIGuildMember, type APITextChannel, type ApplicationFlags, type RoleFlags, type ChannelFlags, type GuildMemberFlags,
  type APIMessage, type APIMessageComponentButtonInteraction, type APIUser, type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';

/** Discord's epoch (2015-01-01), for snowflakes. */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A snowflake for now: discord.js reads an interaction's creation time from its id. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** The ids of the fake world: one application, one guild, one channel, one user. */
export interface World {
  applicationId: string;
  botUser: APIUser;
  guildId: string;
  channelId: string;
  user: APIUser;
  /** The acting member's permissions, as a bit set in a string (default: an ordinary member's). */
  memberPermissions?: string;
}

export function makeWorld(): World {
  return {
    applicationId: snowflake(),
    botUser: { id: snowflake(), username: 'Verbatim', discriminator: '0000', avatar: null, global_name: null, bot: true },
    guildId: snowflake(),
    channelId: snowflake(),
    user: { id: snowflake(), username: 'reader', discriminator: '0', avatar: null, global_name: 'A Reader' },
  };
}

export function readyPayload(world: World, sessionId: string, gatewayUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: world.botUser,
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

export function guildPayload(world: World): GatewayGuildCreateDispatchData {
  return {
    id: world.guildId,
    name: 'Newsroom',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.user.id,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [{
      id: world.guildId, name: '@everyone', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '1071698660929', managed: false, mentionable: false, flags: 0 as RoleFlags,
    }],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stickers: [],
    hub_type: null as GuildHubType | null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [{ id: world.channelId, type: ChannelType.GuildText, name: 'talks', position: 0, permission_overwrites: [], guild_id: world.guildId, nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0 as ChannelFlags }],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function member(world: World): APIGuildMember & { permissions: string } {
  return { user: world.user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 as GuildMemberFlags, permissions: world.memberPermissions ?? '1071698660929', avatar: null, banner: null };
}

function channel(world: World): Partial<APITextChannel> & Pick<APITextChannel, 'id' | 'type'> {
  return { id: world.channelId, type: ChannelType.GuildText, name: 'talks', guild_id: world.guildId };
}

const common = (world: World, token: string) => ({
  id: snowflake(),
  application_id: world.applicationId,
  token,
  version: 1 as const,
  guild_id: world.guildId,
  channel: channel(world),
  channel_id: world.channelId,
  member: member(world),
  locale: Locale.EnglishUS,
  guild_locale: Locale.EnglishUS,
  app_permissions: '1071698660929',
  entitlements: [],
  authorizing_integration_owners: { 0: world.guildId },
  context: InteractionContextType.Guild,
  attachment_size_limit: 10_000_000,
});

export type OptionValue = string | number | boolean;

function options(values: Record<string, OptionValue>, focused?: string): APIApplicationCommandInteractionDataOption[] {
  return Object.entries(values).map(([name, value]) => {
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === 'number') return { name, type: ApplicationCommandOptionType.Number, value };
    return { name, type: ApplicationCommandOptionType.String, value, ...(name === focused ? { focused: true } : {}) };
  });
}

export function commandInteraction(world: World, token: string, commandId: string, name: string, values: Record<string, OptionValue>): APIChatInputApplicationCommandInteraction {
  return {
    ...common(world, token),
    type: InteractionType.ApplicationCommand,
    data: { id: commandId, name, type: ApplicationCommandType.ChatInput, options: options(values), guild_id: world.guildId },
  };
}

export function autocompleteInteraction(world: World, token: string, commandId: string, name: string, values: Record<string, OptionValue>, focused: string): APIApplicationCommandAutocompleteInteraction {
  return {
    ...common(world, token),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: commandId, name, type: ApplicationCommandType.ChatInput, options: options(values, focused), guild_id: world.guildId },
  } as APIApplicationCommandAutocompleteInteraction;
}

export function buttonInteraction(world: World, token: string, message: APIMessage, customId: string): APIMessageComponentButtonInteraction {
  return {
    ...common(world, token),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

/** The message Discord would create from a reply body. */
export function messageFrom(world: World, body: Partial<APIMessage> & { flags?: number }, interactionId: string): APIMessage {
  return {
    id: snowflake(),
    channel_id: world.channelId,
    author: world.botUser,
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    pinned: false,
    type: MessageType.ChatInputCommand,
    flags: body.flags ?? 0,
    components: body.components ?? [],
    application_id: world.applicationId,
    webhook_id: world.applicationId,
    interaction_metadata: { id: interactionId, type: InteractionType.ApplicationCommand, user: world.user, authorizing_integration_owners: {} },
  } as APIMessage;
}
