import ipaddr from 'ipaddr.js';
import { FootnoteError } from '../core/index.js';

/**
 * Checks DISCORD_API_BASE before the token is sent there: https anywhere, or plain http only to a
 * loopback address (a local fake Discord). Returns a warning when the host is not Discord's.
 */
export function checkApiBase(apiBase: string): { warning?: string } {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new FootnoteError('config_invalid', `DISCORD_API_BASE "${apiBase}" is not a URL; leave it unset for https://discord.com/api.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FootnoteError('config_invalid', `DISCORD_API_BASE must be an https URL, not ${url.protocol}.`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new FootnoteError(
      'config_invalid',
      `DISCORD_API_BASE must be https, or http to a loopback address (127.0.0.1, ::1, localhost): the bot token is sent there, and ${url.host} is neither.`,
    );
  }
  if (url.hostname !== 'discord.com' && !url.hostname.endsWith('.discord.com')) {
    return { warning: `DISCORD_API_BASE points at ${url.host}, not discord.com: the bot token is sent there.` };
  }
  return {};
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped), or the name localhost. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (!ipaddr.isValid(host)) return false;
  const address = ipaddr.process(host);
  return address.range() === 'loopback';
}
