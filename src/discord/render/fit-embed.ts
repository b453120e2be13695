import type { APIEmbed } from 'discord.js';
import { EMBED_LIMITS as L } from './discord-limits.js';
import { truncate } from './truncate.js';

/** Characters Discord counts toward an embed's 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title ?? '').length + (embed.description ?? '').length;
  n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/**
 * The one gate every embed passes before it is sent: each part cut to Discord's limit, at most 25 fields,
 * and the 6,000-character total kept by dropping trailing fields, then shortening the description.
 * Renderers budget their text below these limits (so a highlight is never cut here); this is the guarantee.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, L.title);
  if (out.description !== undefined) out.description = truncate(out.description, L.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, L.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, L.authorName) };
  if (out.fields) {
    // Discord rejects empty field names and values; a zero-width space stands in.
    out.fields = out.fields.slice(0, L.fields).map((f) => ({
      ...f,
      name: truncate(f.name || '\u200b', L.fieldName),
      value: truncate(f.value || '\u200b', L.fieldValue),
    }));
  }
  while (embedLength(out) > L.total && out.fields && out.fields.length > 0) out.fields = out.fields.slice(0, -1);
  const excess = embedLength(out) - L.total;
  if (excess > 0 && out.description) out.description = truncate(out.description, Math.max(1, out.description.length - excess));
  return out;
}
