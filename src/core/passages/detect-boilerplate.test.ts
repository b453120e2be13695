import { describe, expect, it } from 'vitest';
import { chromeCue } from './chrome-cues.js';
import { detectBoilerplate } from './detect-boilerplate.js';

/** The non-blank lines the detector drops, trimmed. */
function dropped(text: string): string[] {
  const report = detectBoilerplate(text);
  return report.lines.filter((_, i) => report.keep[i] === false).map((line) => line.trim());
}

const PROSE_A =
  'The contentious Russian music download site looks set to relaunch after a Moscow court ruled its former head had not broken copyright laws.';
const PROSE_B =
  'During the trial, he successfully argued that although the site had paid no royalties, it had paid part of its profit to a local organisation.';

describe('chromeCue', () => {
  it.each([
    ['Share This', 'strong'],
    ['Share This Post On', 'strong'],
    ['Pin It on Pinterest', 'strong'],
    ['Bookmark with:', 'strong'],
    ["Don't show this again", 'strong'],
    ['Don’t show this again', 'strong'],
    ['Ir a español', 'strong'],
    ['Switch to English', 'strong'],
    ['Skip to main content', 'strong'],
    ['Follow us on Twitter', 'strong'],
    ['Advertisement', 'strong'],
    ['Browse by tag', 'strong'],
    ['Browse latest releases', 'strong'],
    ['A B C D E F G H I J K L M N O P Q R S T U V W X Y Z', 'strong'],
    ['Keep Us Strong WikiLeaks logo', 'strong'],
    [' US firms had sought damages from the Russian-based site |', 'strong'],
    [' | If it were to resume trading it would be in clear violation |', 'strong'],
    ['Home | News | Sport | Weather', 'strong'],
    ['Page 3 of 12', 'strong'],
    ['CNET también está disponible en español.', 'medium'],
    ['What are these?', 'medium'],
    ['Read more', 'medium'],
    ['Related articles', 'medium'],
    ['If you are new to these pages, please read an introduction. See also the FAQs', 'medium'],
    ['If you find important information in a cable, please link directly to its reference number.', 'medium'],
    ['We use cookies to improve your experience.', 'medium'],
    ['The top box shows each cables unique reference number.', 'weak'],
  ])('%j is %s chrome', (line, strength) => {
    expect(chromeCue(line)?.strength).toBe(strength);
  });

  it.each([
    'Questionable status',
    'Stark warning',
    'No response',
    'U.S. to Russia: closes door on your WTO chances',
    'Share prices fell sharply after the announcement.',
    '"Please help us," said the mayor.',
    'The report is available in Russian and English.',
    '| Name | Age |',
    'TAGS: ETRD KIPR ECON PGOV RS',
    'Author: FutureMusic',
    PROSE_A,
  ])('%j has no chrome cue', (line) => {
    expect(chromeCue(line)).toBeNull();
  });
});

describe('detectBoilerplate', () => {
  it('keeps headlines and subheads between article paragraphs, drops widgets', () => {
    const text = ['Share This', '', 'Stark warning', PROSE_A, 'No response', PROSE_B, 'Pin It on Pinterest'].join('\n');
    expect(dropped(text)).toEqual(['Share This', 'Pin It on Pinterest']);
  });

  it('keeps a headline between chrome and the article', () => {
    const text = ["Don't show this again", '', '', 'U.S. to Russia: closes door on your WTO chances', '', PROSE_A].join('\n');
    expect(dropped(text)).toEqual(["Don't show this again"]);
  });

  it('drops short ambiguous lines wedged between chrome lines', () => {
    const text = ['Browse by tag', '', 'Community resources', '', 'courage is contagious', '', 'Browse by origin', '', PROSE_A].join('\n');
    expect(dropped(text)).toEqual(['Browse by tag', 'Community resources', 'courage is contagious', 'Browse by origin']);
  });

  it('drops ambiguous lines between chrome and the document edge', () => {
    const text = [PROSE_A, PROSE_B, 'Bookmark with:', 'What are these?'].join('\n');
    expect(dropped(text)).toEqual(['Bookmark with:', 'What are these?']);
  });

  it('forgives site-instruction phrasing inside an article', () => {
    const quoted = 'The notice told users: "If you are new to these pages, please read the FAQ first," and nothing else.';
    expect(dropped([PROSE_A, quoted, PROSE_B].join('\n'))).toEqual([]);
  });

  it('drops a site-instruction section introduced and closed by instructions', () => {
    const text = [
      'Browse by classification',
      '',
      'If you are new to these pages, please read an introduction on the structure of a cable. See also the FAQs',
      '',
      'Understanding cables',
      'Every cable message consists of three parts:',
      '  • The top box shows each cables unique reference number, when and by whom it originally was sent.',
      '  • The middle box contains the header information that is associated with the cable.',
      'To understand the justification used for the classification of each cable, please use this WikiSource article as reference.',
      '',
      PROSE_A,
      PROSE_B,
    ].join('\n');
    expect(dropped(text)).toHaveLength(7);
    expect(detectBoilerplate(text).keep.slice(-2)).toEqual([true, true]);
  });

  it('drops running page headers whose page number counts up, not repeated content lines', () => {
    const para = (n: number) => `${n}. ${PROSE_A}`;
    const text = [para(1), '', 'MOSCOW 00000521  002 OF 004', '', para(2), '', 'MOSCOW 00000521  003 OF 004', '', para(3)].join('\n');
    expect(dropped(text)).toEqual(['MOSCOW 00000521  002 OF 004', 'MOSCOW 00000521  003 OF 004']);
    const refrain = [PROSE_A, 'Chorus 1', PROSE_B, 'Chorus 1', PROSE_A].join('\n');
    expect(dropped(refrain)).toEqual([]);
  });

  it('keeps a table\'s rows and short list lines, and still drops a one-line menu', () => {
    const text = [
      PROSE_A,
      '',
      'Severity | Deadline | Owner',
      'Critical | 3 days | On-call',
      'Low | 90 days | Team',
      '',
      'Critical: 3 days',
      'Low: 90 days',
      '',
      PROSE_B,
      '',
      'Home | News | Sport | Tech',
    ].join('\n');
    expect(dropped(text)).toEqual(['Home | News | Sport | Tech']);
  });

  it('keeps everything when no line is sure prose (nothing to anchor on)', () => {
    expect(dropped(['Share This', 'Short note one', 'Short note two', 'Share This'].join('\n'))).toEqual([
      'Share This',
      'Share This',
    ]);
  });

  it('generalises to other sites: a blog page with menus, sharing, comment form and footer', () => {
    // "X " marks chrome; the rest (title, byline, paragraphs, subheads) is the post and must stay.
    const rows = [
      'X Skip to content',
      'X Home | About | Archive | Contact',
      'X Menu',
      '  How we cut our build times in half',
      '  Posted on March 3, 2023 by Jane Doe',
      '  Last year our continuous integration pipeline took forty minutes for every pull request, and the team had started batching changes just to avoid waiting.',
      '  We measured where the time went. Most of it was spent reinstalling dependencies that had not changed since the previous run.',
      '  Caching',
      '  The first fix was to cache the package store between runs, keyed on the lockfile hash. That alone saved twelve minutes.',
      'X Advertisement',
      '  Parallel tests',
      '  We then split the test suite into four shards. The slowest shard now finishes in six minutes.',
      'X Share this:',
      'X Twitter',
      'X Facebook',
      'X Like this:',
      'X Related',
      'X Leave a Reply',
      'X Your email address will not be published. Required fields are marked *',
      'X Comment *',
      'X Name *',
      'X Email *',
      'X Website',
      'X Post Comment',
      'X © 2023 Jane\'s Blog. All rights reserved.',
      'X Privacy Policy',
    ];
    const text = rows.map((row) => row.slice(2)).join('\n');
    const chrome = rows.filter((row) => row.startsWith('X ')).map((row) => row.slice(2));
    expect(dropped(text)).toEqual(chrome);
  });

  it('never edits text: lines are returned verbatim, one keep flag per line', () => {
    const text = `  ${PROSE_A}\r\n\tShare This \r\n${PROSE_B}  `;
    const report = detectBoilerplate(text);
    expect(report.lines.join('\n')).toBe(text.replace(/\r\n/g, '\n'));
    expect(report.keep).toHaveLength(report.lines.length);
  });
});
