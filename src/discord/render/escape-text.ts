import { escapeMarkdown } from 'discord.js';

/**
 * Quoted or user-supplied text made inert for Discord markdown: emphasis, code, spoilers, headings, lists
 * and masked links all show as typed. Newlines and runs of spaces become single spaces, so a quote is one
 * line under its `> ` marker and cannot start a block of its own.
 */
export function escapeText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return escapeMarkdown(flat, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }).replace(/^>/, '\\>');
}

/** Text for the label of a masked link `[label](url)`: escaped, and without brackets that would end it. */
export function escapeLinkLabel(text: string): string {
  return escapeText(text).replace(/[[\]]/g, (c) => `\\${c}`);
}
