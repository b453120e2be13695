import { describe, expect, it } from 'vitest';
import { quotePassage } from './quote-passage.js';

const passage = (before: string, highlight: string, after: string) => ({
  text: before + highlight + after,
  highlight,
  highlightStart: before.length,
});

describe('quotePassage', () => {
  it('bolds the highlight inside the whole passage when it fits', () => {
    expect(quotePassage(passage('It rained. ', 'The court cleared him.', ' Then it stopped.'), 500)).toBe(
      'It rained. **The court cleared him.** Then it stopped.',
    );
  });

  it('escapes markdown before adding its own bold, so quoted asterisks stay text', () => {
    const q = quotePassage(passage('Use *stars* and __lines__ ', 'with `code`', ' and ||spoilers||.'), 500);
    expect(q).toBe('Use \\*stars\\* and \\_\\_lines\\_\\_ **with \\`code\\`** and \\|\\|spoilers\\|\\|.');
  });

  it('cuts context on both sides around the highlight, never through it', () => {
    const before = 'word '.repeat(300);
    const after = ' tail'.repeat(300);
    const q = quotePassage(passage(before, 'THE ANSWER IS HERE.', after), 200);
    expect(q.length).toBeLessThanOrEqual(200);
    expect(q).toContain('**THE ANSWER IS HERE.**');
    expect(q.startsWith('…')).toBe(true);
    expect(q.endsWith('…')).toBe(true);
  });

  it('measures the budget after escaping', () => {
    const before = '*a* _b_ '.repeat(100);
    const q = quotePassage(passage(before, 'answer', ' ~~c~~ ||d||'.repeat(100)), 300);
    expect(q.length).toBeLessThanOrEqual(300);
    expect(q).toContain('**answer**');
    expect(q.length).toBeGreaterThan(250); // the context is cut to fit, not dropped
    // No cut leaves a lone backslash that would escape the bold marker.
    expect(q).not.toMatch(/(^|[^\\])\\\*\*answer/);
  });

  it('cuts context at word boundaries, and drops context that has no words', () => {
    const text = passage('Alpha beta gamma delta. ', 'The highlight sentence is here and it is long enough.', ' Epsilon zeta eta theta.');
    expect(quotePassage(text, 85)).toBe('… delta. **The highlight sentence is here and it is long enough.** Epsilon zeta eta …');
    expect(quotePassage(text, 60)).toBe('**The highlight sentence is here and it is long enough.** …');
    expect(quotePassage(passage('...... ', 'Highlight.', ''), 16)).toBe('… **Highlight.**');
  });

  it('shortens only a highlight longer than the whole budget, keeping the bold closed', () => {
    const q = quotePassage(passage('', 'very long sentence '.repeat(50).trim(), ''), 100);
    expect(q.length).toBeLessThanOrEqual(100);
    expect(q.startsWith('**very long')).toBe(true);
    expect(q.endsWith('…**')).toBe(true);
  });

  it('keeps edge spaces of the highlight outside the bold', () => {
    expect(quotePassage({ text: 'a  b  c', highlight: ' b ', highlightStart: 2 }, 100)).toBe('a **b** c');
  });

  it('puts the passage on one line, so it stays inside its quote marker', () => {
    expect(quotePassage(passage('First paragraph.\n\n', 'Second.', '\n# Not a heading'), 100)).toBe(
      'First paragraph. **Second.** \\# Not a heading',
    );
  });

  it('leaves mentions as text (pings are prevented by allowed_mentions)', () => {
    expect(quotePassage(passage('Hello ', '@everyone and <@&123>', ''), 100)).toBe('Hello **@everyone and <@&123>**');
  });
});
