import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpusDir } from '../corpus/read-corpus-dir.js';
import { detectBoilerplate } from './detect-boilerplate.js';
import { isRuleLine } from './group-lines.js';
import { splitPassages, splitSentences, type Passage } from './split-passages.js';

/*
 * Excerpts of the four seed documents (the repo ships them whole in corpus/, with YAML front matter),
 * inlined so these tests depend on nothing outside the repository. Each line carries a 2-character
 * mark: "X " = page chrome that must be dropped, "  " = the document's own text, which must be kept.
 * Excerpts of the cable are separated by a blank line.
 */

interface Excerpt {
  text: string;
  chrome: string[];
  content: string[];
}

function excerpt(marked: string): Excerpt {
  const rows = marked.replace(/^\n/u, '').replace(/\n$/u, '').split('\n');
  const body = (row: string): string => row.slice(2);
  const isChrome = (row: string): boolean => row.startsWith('X ');
  return {
    text: rows.map(body).join('\n'),
    chrome: rows.filter(isChrome).map(body),
    content: rows.filter((row) => !isChrome(row) && body(row).trim() !== '' && !isRuleLine(body(row))).map(body),
  };
}

const CNET = excerpt(`
X CNET también está disponible en español.
  
X Ir a español
  
X Don't show this again
  
  
  U.S. to Russia: closes door on your WTO chances
  
  Music site is due to make comeback and that may doom Russia's hopes of entering WTO this year.
  
  Should reappear, as the controversial online music store has promised, it likely will doom its country's chances of joining the World Trade Organization this year.
  
  "We remain committed to helping Russia make it into the WTO," said Sean Spicer, a spokesman for the U.S. Trade Representative, the group that negotiates International trade agreements on behalf of the nation. "In order to make that happen though, they have to honor the commitments that they've made especially in the area of intellectual property rights."
  
  If that wasn't clear enough, Spicer was more direct here: "I don't see Russia entering the WTO with sites like up and running."
  
  Russia has tried to comply. At least they made an attempt two months ago to shut down and try the company's owner, Denis Kvasov, for violating copyright and intellectual property laws. The problem for Russian trade officials is that Kvasov apparently operated a law-abiding site. The Cheryomushki Court in Moscow acquitted Kvasov.
  
  A message posted at notified customers that the site will return but doesn't say when. For some undisclosed reason, the date of the message is Aug. 31.
`);

const FUTUREMUSIC = excerpt(`
  Mediaservices, the parent company of AllofMP3 and Alltunes, put out two statements again insisting the services are completely legal under Russian law. Another document explains why it is legal for US consumers to buy music from the site. The company also again offered to take down any material which rights holders want removed from the site.
  
  Vadim Mamotin, director general at Mediaservices, said: “If the RIAA had done its homework, it would have discovered that even under US law consumers apparently have a legal basis to purchase music from AllofMP3. There is absolutely no legal basis for the campaign against AllofMP3.”
  
  The Russian government also promises to take action against CD and DVD pirating companies using military facilities to make their copies. The side letter says: “Ensure that facilities on the territory of government-controlled military-industrial sites are not leased or otherwise made available to companies producing optical media bearing content protected by copyright or related rights.”
  
  Author: FutureMusic
  
X Share This Post On
  
X Pin It on Pinterest
  
X Share This
`);

const BBC = excerpt(`
X  US firms had sought damages from the Russian-based site |
  The contentious Russian music download site allofmp3.com looks set to relaunch after a Moscow court ruled its former head had not broken copyright laws. A statement on the website, shut down in July, said the service would resume "in the foreseeable future".
  Before it closed, the cut-price music site claimed to be the second biggest seller of downloads after iTunes.
  It was the subject of countless lawsuits from UK and US record labels that claimed it violated copyright law.
  A representative of the music industry said if it started trading again it would still be in "clear violation of copyright laws".
  No response
  The most recent case involving the service was a criminal prosecution against Denis Kvasov, head of Mediaservices, the owner of the website.
  He was tried for intellectual property infringement after record labels put pressure on Russian prosecutors to bring the case to court.
X  | If it were to resume trading as it was before, it would be in clear violation of copyright laws both within and outside Russia |
  But the court ruled that Mr Kvasov operated within Russian law.
  "The prosecution did not succeed in presenting persuasive evidence of his involvement in infringing copyright law," said District Judge Yekaterina Sharapova.
  During the trial, Mr Kvasov successfully argued that although the site had paid no music industry royalties, it had paid 15% of its profit to a local organisation, the Russian Multimedia and Internet Society (Roms) in accordance with Russian law.
  "We pay royalties to those who sign up with us and ask for them. But none of the majors, among them I mean labels like EMI and Universal, want their money," Oleg Nezus of Roms told Reuters.
  "I've been sending them letters since November of 2005, stating there's a dividend. The labels don't respond."
  Questionable status
  Although, the prosecutors in the case are expected to make an appeal against Mr Kvasov, the site looks set to relaunch.
X  Mediaservices launched mp3sparks.com after the closure |
  A statement on the site, dated 31 August, said: "The service will be resumed in the foreseeable future. We are doing our best at the moment to ensure that all our users can use their accounts, top up balance and order music."
  But Tim Smith legal expert at the International Federation of the Phonographic Industries (IFPI) said "The failure of the court to convict Denis Kvasov yet has no impact whatsoever on the legality of Allofmp3 itself.
  "If it were to resume trading as it was before, it would be in clear violation of copyright laws both within and outside Russia by reproducing and making available music it has no right to sell."
  Members of the IFPI are currently suing the site in both the UK and the US.
  Stark warning
  Allofmp3.com was closed in early July ahead of a summit between the Russian and American presidents.
  The closure was the result of increasing pressure from both industry and governments.
  During talks on Russian membership of the World Trade Organisation in 2006, Susan Schwab, the US Trade Representative, said that the site must be closed before entry.
  However, within days of the site being shut down MediaServices opened a new service called mp3Sparks.com where allofmp3 credit could be used to purchase music.
  A warning on Mp3Sparks.com reads: "You should not download audio files from Mp3Sparks.com if the terms are in conflict with the laws of your country of residence.
  "Mp3Sparks.com does not attempt to control the actions of its users, who bear sole responsibility for any illegal use."
  Allofmp3.com is not currently selling music.
X Bookmark with:
X What are these?
`);

const CABLE = excerpt(`
X Keep Us Strong WikiLeaks logo
  
X Currently released so far... 64621 / 251,287
  
X Articles
  
X Browse latest releases
  
X Browse by creation date
  
X Browse by origin
  
X A B C D F G H I J K L M N O P Q R S T U V W Y Z
  
X Browse by tag
  
X A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
  
X Browse by classification
  
X Community resources
  
X courage is contagious
  
X Viewing cable 09MOSCOW521, RUSSIA 2009 SPECIAL 301 IPR REVIEW
  
X If you are new to these pages, please read an introduction on the structure of a cable as well as how to discuss them with others. See also the FAQs
  
X Understanding cables
X Every cable message consists of three parts:
X   • The top box shows each cables unique reference number, when and by whom it originally was sent, and what its initial classification was.
X   • The middle box contains the header information that is associated with the cable. It includes information about the receiver(s) as well as a general subject.
X   • The bottom box presents the body of the cable. The opening can contain a more specific subject, references to other cables (browse by origin to find them) or additional comment. This is followed by the main contents of the cable: a summary, a collection of specific topics and a comment section.
X To understand the justification used for the classification of each cable, please use this WikiSource article as reference.
  
X Discussing cables
X If you find meaningful or important information in a cable, please link directly to its unique reference number. Linking to a specific paragraph in the body of a cable is also possible by copying the appropriate link (to be found at theparagraph symbol). Please mark messages for social networking services like Twitter with the hash tags #cablegate and a hash containing the reference ID e.g. #09MOSCOW521.
  Reference ID Created Released Classification Origin
  09MOSCOW521 2009-03-04 05:26 2011-08-24 01:00 UNCLASSIFIED Embassy Moscow
  VZCZCXRO8652
  RR RUEHAG RUEHAST RUEHDA RUEHDBU RUEHDF RUEHFL RUEHIK RUEHKW RUEHLA
  RUEHLN RUEHLZ RUEHNP RUEHPOD RUEHROV RUEHSK RUEHSR RUEHVK RUEHYG
  DE RUEHMO #0521/01 0630526
  ZNR UUUUU ZZH
  R 040526Z MAR 09
  FM AMEMBASSY MOSCOW
  TO RUEHC/SECSTATE WASHDC 2209
  INFO RHMFIUU/DEPT OF JUSTICE WASHINGTON DC
  RUCNCIS/CIS COLLECTIVE
  RUEHXD/MOSCOW POLITICAL COLLECTIVE
  RUEHZL/EUROPEAN POLITICAL COLLECTIVE
  RUCPDOC/DEPT OF COMMERCE WASHDC
  UNCLAS SECTION 01 OF 04 MOSCOW 000521 
   
  SIPDIS 
   
  STATE FOR EUR/RUS (TUMINARO), EEB/TPP/IPE (URBAN) 
  STATE PLEASE PASS TO USTR SMCOY, JGROVES, KALVAREZ, PBURKHEAD 
  USDOC 4231 JBROUGHER, MEDWARDS, JTHOMPSON 
  USDOC PLEASE PASS TO USPTO 
  DOJ FOR CCIPS 
   
  E.O. 12958: N/A 
  TAGS: ETRD KIPR ECON PGOV RS
  SUBJECT: RUSSIA 2009 SPECIAL 301 IPR REVIEW 
   
  REF: A. STATE 08410 
   B. 08 MOSCOW 3060 
   
  ------- 
  SUMMARY 
  ------- 
   
  1. Consistent with U.S. industry recommendations, Embassy Moscow 
  recommends that the USG maintain Russia's Priority Watch List status 
  for the 2009 Special 301 IPR Report.  There has been slow but steady 
  progress on some IPR legal and enforcement issues during the past 
  year.  However, Russia has made insufficient progress in several key 
  areas and much remains to be done. 
   
  
  --------------------------------- 
  Some Positive Enforcement Actions 
  --------------------------------- 
   
  7. While Russia's enforcement efforts are still very spotty (see 
  below), in December 2008, a Moscow regional court sentenced 7 
  people, including the plant director, to 3-6 years in prison. This 
  was the first time that a Russian court ever imposed a prison 
  sentence on a plant director. While prosecution and conviction of 
  commercial scale pirates is very inconsistent, enforcement of a 2008 
   
X MOSCOW 00000521  002 OF 004 
   
   
  ban on cam-cording in movie theaters has contributed to a decrease 
  in the availability of pirated DVDs.  In addition, in 2009, the City 
  of Moscow took a major step to curb piracy by banning all sales of 
  DVDs and CDs in Metro stations as of February 1 and in pedestrian 
  underpasses as of March 1, 2009. 
   
  
  20.  In St. Petersburg, repeated police raids have dramatically 
  reduced the level of piracy sales at the Yunona market, but RAPO 
  estimates that sales of pirated material still account for 60% of 
  all optical disc sales in the city.  Having been pushed out of big 
  shops in downtown St. Petersburg and from the Yunona market, the 
  pirates now channel their products through smaller open-air markets. 
  The area around the Lesnaya metro station is particularly well-known 
  for its high sales volume of pirated discs. 
   
X MOSCOW 00000521  004 OF 004 
   
   
   
  21.  Both Moscow and St. Petersburg saw considerable growth last 
  year in the number of mobile pirate sellers.  These vendors usually 
  have small folding tables, which they put up near metro stations, in 
  underground passages and even in yards in residential areas.  Other 
  mobile sellers troll the subway systems offering discs to 
  passengers.  While these traders have been selling various kinds of 
  consumer goods and print materials for quite some time, it was only 
  recently that they began to offer counterfeit optical discs. 
   
  
  ---------- 
  CONCLUSION 
  ---------- 
   
  26. Post recommends maintaining Russia's Priority Watch List status 
  as we continue to press for implementation of Russia's IPR Side 
  Letter commitments and keep the pressure on the GOR to increase its 
  focus on IPR protection and enforcement. 
   
  BEYRLE
`);

/** Chrome phrases of the seed pages; none may reach a passage. */
const CHROME_PHRASES = [
  'disponible en español',
  'Ir a español',
  "Don't show this again",
  'Share This',
  'Pin It on Pinterest',
  'Bookmark with',
  'What are these?',
  'Keep Us Strong',
  'WikiLeaks logo',
  'Currently released so far',
  'Browse',
  'A B C D',
  'Community resources',
  'If you are new to these pages',
  'Understanding cables',
  'Every cable message consists of three parts',
  'The top box shows',
  'The middle box contains',
  'The bottom box presents',
  'WikiSource',
  'Discussing cables',
  'If you find meaningful or important information',
  'US firms had sought damages from the Russian-based site',
  'Mediaservices launched mp3sparks.com after the closure',
  '|',
  'MOSCOW 00000521',
];

const EXCERPTS: Record<string, Excerpt> = { CNET, FUTUREMUSIC, BBC, CABLE };

const tokens = (text: string): string[] => text.split(/\s+/u).filter(Boolean);
const flat = (passages: Passage[]): string => passages.map((p) => p.text.replace(/\n\n/gu, ' ')).join(' ');

describe.each(Object.entries(EXCERPTS))('seed excerpt %s', (name, doc) => {
  const passages = splitPassages(name, doc.text);

  it('drops exactly the chrome lines', () => {
    const report = detectBoilerplate(doc.text);
    expect(report.lines.filter((_, i) => report.keep[i] === false)).toEqual(doc.chrome);
  });

  it('keeps every word of the document text, in order', () => {
    expect(passages.flatMap((p) => tokens(p.text))).toEqual(tokens(doc.content.join('\n')));
  });

  it('lets no chrome phrase into a passage', () => {
    const all = passages.map((p) => p.text).join('\n');
    for (const phrase of CHROME_PHRASES) expect(all).not.toContain(phrase);
  });

  it('quotes every content sentence whole', () => {
    const quoted = flat(passages);
    // Content lines of the wrapped cable are not sentences; check sentences of the one-per-line pages.
    if (name === 'CABLE') return;
    for (const line of doc.content) {
      for (const { start, end } of splitSentences(line)) expect(quoted).toContain(line.slice(start, end));
    }
  });

  it('keeps passages within 1000 characters', () => {
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(1000);
  });
});

describe('seed excerpts: specific content', () => {
  const textOf = (doc: Excerpt): string => flat(splitPassages('d', doc.text));

  it('keeps headlines, subheads and quotes', () => {
    expect(textOf(CNET)).toContain('U.S. to Russia: closes door on your WTO chances');
    expect(textOf(CNET)).toContain('"I don\'t see Russia entering the WTO with sites like up and running."');
    expect(textOf(BBC)).toContain('Questionable status Although, the prosecutors');
    expect(textOf(BBC)).toContain('Stark warning Allofmp3.com was closed');
    expect(textOf(BBC)).toContain('No response The most recent case');
    expect(textOf(BBC)).toContain('"The prosecution did not succeed in presenting persuasive evidence');
    expect(textOf(FUTUREMUSIC)).toContain('There is absolutely no legal basis for the campaign against AllofMP3.”');
    expect(textOf(FUTUREMUSIC)).toContain('Author: FutureMusic');
  });

  it('starts a subhead\'s passage with the subhead', () => {
    const passages = splitPassages('bbc', BBC.text, { maxChars: 400 });
    for (const subhead of ['Questionable status', 'Stark warning']) {
      expect(passages.some((p) => p.text.startsWith(`${subhead}\n\n`) || p.text.includes(`\n\n${subhead}\n\n`))).toBe(true);
      expect(passages.some((p) => p.text === subhead)).toBe(false);
    }
  });

  it('keeps the cable header and joins wrapped lines and page breaks', () => {
    const cable = textOf(CABLE);
    expect(cable).toContain('SUBJECT: RUSSIA 2009 SPECIAL 301 IPR REVIEW');
    expect(cable).toContain(
      '1. Consistent with U.S. industry recommendations, Embassy Moscow recommends that the USG maintain Russia\'s Priority Watch List status for the 2009 Special 301 IPR Report. There has been slow but steady',
    );
    expect(cable).toContain('enforcement of a 2008 ban on cam-cording in movie theaters');
    expect(cable).toContain('The area around the Lesnaya metro station is particularly well-known for its high sales volume of pirated discs.');
  });

  it('cites the original lines of the cable', () => {
    const passage = splitPassages('cable', CABLE.text).find((p) => p.text.includes('Yunona'));
    const lines = CABLE.text.split('\n');
    const yunona = lines.findIndex((line) => line.includes('Yunona')) + 1;
    expect(passage?.lineStart).toBeLessThanOrEqual(yunona);
    expect(passage?.lineEnd).toBeGreaterThanOrEqual(yunona);
    const words = passage?.text.split(/\s+/u) ?? [];
    expect(lines[(passage?.lineStart ?? 0) - 1]?.split(/\s+/u)).toContain(words[0]);
    expect(lines[(passage?.lineEnd ?? 0) - 1]?.split(/\s+/u)).toContain(words[words.length - 1]);
  });
});

// The whole seed corpus, as shipped in the repository and read by the production reader.
const CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));

/** Answers of the dev seed questions: each must be quotable from one passage of the shipped corpus. */
const ANSWERS: string[] = (
  JSON.parse(readFileSync(new URL('../../../eval/seed-questions.dev.json', import.meta.url), 'utf8')) as Array<{ answer: string }>
).map((q) => q.answer);

describe('seed corpus (corpus/*.txt)', () => {
  let passages: Passage[] = [];
  beforeAll(async () => {
    const docs = await readCorpusDir(CORPUS);
    passages = docs.flatMap((doc) => splitPassages(doc.id, doc.text));
  });

  it('lets no chrome phrase into a passage', () => {
    expect(passages.length).toBeGreaterThan(20);
    const all = passages.map((p) => p.text).join('\n');
    for (const phrase of CHROME_PHRASES) expect(all).not.toContain(phrase);
  });

  it.each(ANSWERS)('has a passage quoting %j', (answer) => {
    expect(passages.some((p) => p.text.replace(/\s+/g, ' ').includes(answer))).toBe(true);
  });
});
