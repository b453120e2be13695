import { PermissionFlagsBits, type Interaction } from 'discord.js';

/**
 * Why this interaction may not curate, or undefined if it may. `/curate` is declared with
 * ManageGuild as its default permission, so Discord already hides it from others; this is the defence
 * in depth for when an admin re-assigns it carelessly or for buttons and modals that outlive a role change.
 * `memberPermissions` is what Discord computed for this member in this channel (the payload's permissions).
 */
export function curatorRefusal(interaction: Interaction): string | undefined {
  if (!interaction.inGuild()) return 'Curating documents works only in a server.';
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    return 'Only moderators with the Manage Server permission can curate documents. Server admins can change who may use /curate under Server Settings → Integrations.';
  }
  return undefined;
}
