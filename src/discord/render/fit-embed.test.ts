import { describe, expect, it } from 'vitest';
import { embedLength, fitEmbed } from './fit-embed.js';

describe('fitEmbed', () => {
  it('cuts every part to Discord’s limit', () => {
    const e = fitEmbed({
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      footer: { text: 'f'.repeat(3000) },
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(300), value: 'v'.repeat(2000) })),
    });
    expect(e.title!.length).toBe(256);
    expect(e.description!.length).toBeLessThanOrEqual(4096);
    expect(e.fields!.length).toBeLessThanOrEqual(25);
    for (const f of e.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(embedLength(e)).toBeLessThanOrEqual(6000);
  });

  it('keeps the total under 6,000 by dropping trailing fields first', () => {
    const e = fitEmbed({ description: 'd'.repeat(4000), fields: Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1000) })) });
    expect(e.description!.length).toBe(4000);
    expect(e.fields!.map((f) => f.name)).toEqual(['f0']);
    expect(embedLength(e)).toBeLessThanOrEqual(6000);
  });

  it('never leaves an empty field name or value, which Discord rejects', () => {
    expect(fitEmbed({ fields: [{ name: '', value: '' }] }).fields).toEqual([{ name: '\u200b', value: '\u200b' }]);
  });

  it('does not split a surrogate pair when cutting', () => {
    const e = fitEmbed({ title: `${'a'.repeat(254)}😀😀` });
    expect(e.title!.length).toBeLessThanOrEqual(256);
    expect(e.title).not.toMatch(/[\ud800-\udbff]…$/);
  });
});
