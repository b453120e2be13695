import { describe, expect, it } from 'vitest';
import { groupLines, isRuleLine, splitLines } from './group-lines.js';

/** Groups as 1-based "start-end" strings, rules marked with "r". */
function shape(text: string): string[] {
  return groupLines(splitLines(text)).map((g) => `${g.start + 1}-${g.end + 1}${g.rule ? 'r' : ''}`);
}

const CABLE = [
  '1. Consistent with U.S. industry recommendations, Embassy Moscow ',
  'recommends that the USG maintain Russia\'s Priority Watch List status ',
  'for the 2009 Special 301 IPR Report.  There has been slow but steady ',
  'progress on some IPR legal and enforcement issues during the past ',
  'year.  However, Russia has made insufficient progress in several key ',
  'areas and much remains to be done. ',
  ' ',
  '25. Rights holders and anti-piracy organizations tell us that ',
  'Russia\'s regions are becoming "hotbeds" for pirated goods. ',
  'RusBrand, a brand-protection association whose members include both ',
  'Russian and foreign consumer goods manufacturers, reported to us ',
  'that in some rural areas, counterfeits may be the only goods ',
  'available. ',
  ' ',
  '--------------- ',
  'Positive Trends ',
  '--------------- ',
].join('\n');

describe('groupLines', () => {
  it('joins hard-wrapped lines into one paragraph, even where a sentence ends near the margin', () => {
    expect(shape(CABLE)).toEqual(['1-6', '8-13', '15-15r', '16-16', '17-17r']);
  });

  it('keeps one-paragraph-per-line text as separate paragraphs', () => {
    const text = [
      'Members of the IFPI are currently suing the site in both the UK and the US.',
      'Stark warning',
      'Allofmp3.com was closed in early July ahead of a summit between the Russian and American presidents.',
      'The closure was the result of increasing pressure from both industry and governments.',
    ].join('\n');
    expect(shape(text)).toEqual(['1-1', '2-2', '3-3', '4-4']);
  });

  it('joins a visibly unfinished sentence even without a wrap width', () => {
    expect(shape('The court said that\nthe site was legal.\nNext line.')).toEqual(['1-2', '3-3']);
  });

  it('starts a new paragraph at list items', () => {
    const text = 'Every cable message consists of three parts:\n  • The top box shows\n  • The middle box\n  • The bottom box';
    expect(shape(text)).toEqual(['1-1', '2-2', '3-3', '4-4']);
  });

  it('counts CRLF and CR line breaks like LF', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['------- ', true],
    ['=====', true],
    ['* * *', true],
    ['--', false],
    ['- item', false],
    ['SUMMARY', false],
  ])('isRuleLine(%j) is %s', (line, expected) => {
    expect(isRuleLine(line)).toBe(expected);
  });

  it('groups 200,000 one-line paragraphs without overflowing the stack', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `Line ${i}.`);
    const groups = groupLines(lines);
    expect(groups).toHaveLength(200_000);
    expect(groups.at(-1)).toEqual({ start: 199_999, end: 199_999, rule: false });
  });
});
