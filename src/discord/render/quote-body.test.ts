import { describe, expect, it } from 'vitest';
import { quoteBody } from './quote-body.js';
import { quotePassage } from './quote-passage.js';

const quotable = (text: string, highlight: string) => ({ text, highlight, highlightStart: text.indexOf(highlight) });

describe('quoteBody', () => {
  it('quotes a passage without code exactly as quotePassage does', () => {
    const c = quotable('The lamp is lit at dusk. The fog signal sounds every thirty seconds.', 'The fog signal sounds every thirty seconds.');
    expect(quoteBody(c, 300)).toBe(`> ${quotePassage(c, 300)}`);
  });

  it('shows code as a fenced block with its line breaks, and the prose quoted with its highlight in bold', () => {
    const text = 'Set the port in vite.config.ts:\n\n```ts\nexport default {\n  server: { port: 3000 },\n}\n```';
    const body = quoteBody(quotable(text, 'Set the port in vite.config.ts:'), 1000);
    expect(body).toBe('> **Set the port in vite.config.ts:**\n```ts\nexport default {\n  server: { port: 3000 },\n}\n```');
  });

  it('keeps three backticks inside code from closing the block, and drops bidi controls', () => {
    const text = 'Example:\n\n````md\n```js\nalert("\u202Ehi")\n```\n````';
    const body = quoteBody(quotable(text, 'Example:'), 1000);
    expect(body.match(/```/g)).toHaveLength(2);
    expect(body).not.toContain('\u202E');
    expect(body).toContain('`\u200b``js');
  });

  it('cuts long code on whole lines to stay within the budget, and marks what it left out', () => {
    const code = Array.from({ length: 200 }, (_, i) => `const line${i} = ${i};`).join('\n');
    const text = `Generated constants:\n\n\`\`\`js\n${code}\n\`\`\`\n\nThe end of the file is left as it is.`;
    const body = quoteBody(quotable(text, 'Generated constants:'), 600);
    expect(body.length).toBeLessThanOrEqual(600);
    expect(body).toMatch(/^> \*\*Generated constants:\*\*\n```js\nconst line0 = 0;\n/);
    expect(body).toMatch(/\n…\n```/);
    for (const line of body.split('\n').filter((l) => l.startsWith('const'))) expect(line).toMatch(/^const line\d+ = \d+;$/);
  });
});
