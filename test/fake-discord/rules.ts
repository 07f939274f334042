import type { APIEmbed } from 'discord-api-types/v10';

/** A reason Discord would refuse a body with 50035 Invalid Form Body. */
export interface Problem {
  path: string;
  message: string;
}

/** Discord's documented limits for messages and embeds. */
export const DISCORD_LIMITS = {
  content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024,
  footer: 2048, author: 256, embedTotal: 6000, rows: 5, buttonsPerRow: 5, customId: 100, label: 80,
  choices: 25, choiceName: 100, choiceValue: 100,
};

const tooLong = (path: string, length: number, max: number): Problem[] =>
  length > max ? [{ path, message: `Must be ${max} or fewer in length (got ${length}).` }] : [];

/** Every limit a message body must keep: content, embeds and their parts, components. */
export function checkMessage(data: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (typeof data.content === 'string') problems.push(...tooLong('content', data.content.length, DISCORD_LIMITS.content));
  const embeds = (data.embeds ?? []) as APIEmbed[];
  problems.push(...tooLong('embeds', embeds.length, DISCORD_LIMITS.embeds));
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `embeds.${i}`;
    problems.push(...tooLong(`${at}.title`, embed.title?.length ?? 0, DISCORD_LIMITS.title));
    problems.push(...tooLong(`${at}.description`, embed.description?.length ?? 0, DISCORD_LIMITS.description));
    problems.push(...tooLong(`${at}.footer.text`, embed.footer?.text.length ?? 0, DISCORD_LIMITS.footer));
    problems.push(...tooLong(`${at}.author.name`, embed.author?.name.length ?? 0, DISCORD_LIMITS.author));
    problems.push(...tooLong(`${at}.fields`, embed.fields?.length ?? 0, DISCORD_LIMITS.fields));
    for (const [j, field] of (embed.fields ?? []).entries()) {
      problems.push(...tooLong(`${at}.fields.${j}.name`, field.name.length, DISCORD_LIMITS.fieldName));
      problems.push(...tooLong(`${at}.fields.${j}.value`, field.value.length, DISCORD_LIMITS.fieldValue));
    }
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  });
  problems.push(...tooLong('embeds', total, DISCORD_LIMITS.embedTotal));
  const rows = (data.components ?? []) as { components?: { custom_id?: string; label?: string }[] }[];
  problems.push(...tooLong('components', rows.length, DISCORD_LIMITS.rows));
  rows.forEach((row, i) => {
    problems.push(...tooLong(`components.${i}.components`, row.components?.length ?? 0, DISCORD_LIMITS.buttonsPerRow));
    for (const [j, component] of (row.components ?? []).entries()) {
      problems.push(...tooLong(`components.${i}.components.${j}.custom_id`, component.custom_id?.length ?? 0, DISCORD_LIMITS.customId));
      problems.push(...tooLong(`components.${i}.components.${j}.label`, component.label?.length ?? 0, DISCORD_LIMITS.label));
    }
  });
  return problems;
}

/** An autocomplete result: at most 25 choices, names and values of at most 100 characters. */
export function checkChoices(data: Record<string, unknown> | undefined): Problem[] {
  const choices = (data?.choices ?? []) as { name: string; value: string | number }[];
  const problems = tooLong('choices', choices.length, DISCORD_LIMITS.choices);
  for (const [i, choice] of choices.entries()) {
    problems.push(...tooLong(`choices.${i}.name`, choice.name.length, DISCORD_LIMITS.choiceName));
    problems.push(...tooLong(`choices.${i}.value`, String(choice.value).length, DISCORD_LIMITS.choiceValue));
  }
  return problems;
}
