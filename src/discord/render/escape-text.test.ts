import { describe, expect, it } from 'vitest';
import { escapeLinkLabel, escapeText } from './escape-text.js';

describe('escapeText', () => {
  it.each([
    ['emphasis, underline, strike-through, code, spoilers', '*a* _b_ __c__ ~~d~~ `e` ||f||', '\\*a\\* \\_b\\_ \\_\\_c\\_\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\|'],
    ['a backslash itself', 'a\\b', 'a\\\\b'],
    ['masked links', '[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['a heading at the start', '# Title', '\\# Title'],
    ['a block quote at the start', '> quoted', '\\> quoted'],
    ['a list item at the start', '- item', '\\- item'],
    ['a numbered item at the start', '1. first', '1\\. first'],
    ['block syntax after the start stays as it is', 'C# - 1. > x', 'C# - 1. > x'],
    ['line breaks and runs of spaces', 'one\n\ntwo   three', 'one two three'],
    ['a bare URL, left whole so it still links', 'see https://example.com/a_b*c ok_', 'see https://example.com/a_b*c ok\\_'],
    ['a custom emoji, left whole', '<:big_smile:123456789012345678>', '<:big_smile:123456789012345678>'],
    ['mentions, left as text (allowed_mentions stops the pings)', '@everyone <@&123> <@456>', '@everyone <@&123> <@456>'],
    ['bidi overrides and isolates, dropped', 'a\u202Eb\u202Cc\u2067d\u2069', 'abcd'],
    ['zalgo, cut to four marks per letter', `z${'\u0336'.repeat(20)}a`, `z${'\u0336'.repeat(4)}a`],
    ['real accents, kept', 'Tiếng Việt naïve', 'Tiếng Việt naïve'],
  ])('%s', (_what, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('takes linear time on the inputs that made discord.js’s escapeMarkdown quadratic', () => {
    for (const hostile of ['a_'.repeat(50_000), '_'.repeat(100_000), '*'.repeat(100_000), `<a:${'x_'.repeat(50_000)}`]) {
      const started = performance.now();
      escapeText(hostile);
      expect(performance.now() - started).toBeLessThan(250);
    }
  });

  it('escapes a link label’s brackets once', () => {
    expect(escapeLinkLabel('[a] *b*')).toBe('\\[a\\] \\*b\\*');
  });
});
