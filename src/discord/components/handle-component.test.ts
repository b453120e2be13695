import type { ButtonInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../bot-context.js';
import { handleComponent } from './handle-component.js';

// Handlers return what to send; these need no Discord at all, not even the fake.
const button = (customId: string) => ({ customId, isButton: () => true, isModalSubmit: () => false }) as unknown as ButtonInteraction;
const noContext = {} as BotContext;

describe('handleComponent', () => {
  it('answers a button of an older version with a polite ephemeral reply', () => {
    expect(handleComponent(button('legacy:thing'), noContext)).toEqual({
      kind: 'reply',
      view: { content: 'This button belongs to an older version of footnote; run the command again.', ephemeral: true },
    });
  });

  it('keeps the document when Cancel is clicked under a removal, by updating the message in place', () => {
    const cancel = Object.assign(button('rm:no:garden-notes'), {
      inGuild: () => true,
      guildId: '111111111111111111',
      memberPermissions: { has: () => true },
    }) as unknown as ButtonInteraction;
    expect(handleComponent(cancel, noContext)).toEqual({
      kind: 'update',
      view: { content: 'Kept `garden-notes`; nothing was removed.', embeds: [], components: [] },
    });
  });
});
