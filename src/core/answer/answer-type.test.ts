import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/engine.js';
import { answerEntities, defaultEntities, verdictsAt } from './answer-entities.js';
import { answerTypeOf, askedModal, asksYesOrNo, definedSubject } from './answer-type.js';

describe('answerTypeOf', () => {
  it.each([
    ['How many member countries does the WTO have?', 'number'],
    ['how much is the home office stipend', 'amount'],
    ['How long does it take to reach Senior?', 'duration'],
    ['mentorship program length', 'duration'],
    ['parental leave weeks', 'duration'],
    ['moving abroad next quarter, how early do i need to tell the people team?', 'duration'],
    ['how far in advance should I book flights?', 'duration'],
    ['is the mentorship program length fixed?', undefined],
    ['When did Russia join?', 'time'],
    ["when's the cycle kickoff?", 'time'],
    ['what hours is the it helpdesk open?', 'time'],
    ['what days are the offices closed?', 'time'],
    ["I'm a contractor, what's the earliest day in the month I can send my invoice?", 'time'],
    ['does anyone know when the office reopens', 'time'],
    // "When" joining a clause is no question word: a report of a failure with it still wants a fix.
    ['I get this when I start the dev server, any idea? Error: ENOSPC: System limit for number of file watchers reached', 'advice'],
    ['vite crashes when I save a file', 'advice'],
    ['Does Vite type-check my TypeScript when it builds?', undefined],
    ["import(`./locales/${lang}.js`) fails when lang is 'en/US'. why?", 'reason'],
    ['why book trips in Navan when I can find cheaper flights?', 'reason'],
    ['Who owns the store?', 'name'],
    ['Where are discs sold now?', 'place'],
    ['where do i put env vars for local dev?', 'place'],
    ['How do I fix ENOSPC?', 'advice'],
    ['getting `Segmentation fault (core dumped)` when tests touch bcrypt, using pool threads. any workaround?', 'advice'],
    ['is there a fix for the flaky upload test?', 'advice'],
    ['vitest ignores our custom export condition, I already set resolve.conditions. what am I missing?', 'advice'],
    ["c.req.valid('json') is just {} in my test, what gives", 'advice'],
    ['getting an ENOSPC error when I run vite. how do I fix it?', 'advice'],
    ["the dev server started failing requests with 'Server responded with status code 431'", 'advice'],
    ["import.meta.hot.decline() doesn't seem to do anything", 'advice'],
    // A failure word in a condition supposes; the question is what follows it.
    ["if i don't configure an expected issuer, does the jwt middleware still validate the iss claim?", undefined],
    ["my jwt middleware doesn't reject expired tokens, is that expected?", 'advice'],
    ["if I don't pass a status, c.redirect fails", 'advice'],
    ["do credit hours expire if I don't use them", undefined],
    ['vite fails if the path has spaces', 'advice'],
    // A negated auxiliary opening a question after another asks; opening the message, it reports.
    ["do we even need SSR for SEO? don't search engines run javascript these days", undefined],
    ["Doesn't work when I add a plugin", 'advice'],
    ['CI failed with `ERR_PNPM_OUTDATED_LOCKFILE` - what am I supposed to do?', 'advice'],
    ['what do we need to do before a release?', 'advice'],
    ["What's the oldest Safari version a default build supports?", 'number'],
    ['Which port does the dev server use?', 'number'],
    ['What is a barrel file?', 'definition'],
    ["what's Queenbee", 'definition'],
    ['what does tslib do?', 'definition'],
    ['what is dequal used for?', 'definition'],
    ['what does vite build do with env files?', undefined],
    // What a named thing returns, accepts or supports asks about it, not what it is.
    ['what does MockPool.intercept return?', undefined],
    ['what does RFC mean?', 'definition'],
    ["What's the largest JSON file Vite can import?", undefined],
    ['Why is my build slow?', 'reason'],
    ['Which env variables end up in the client bundle?', undefined],
    ['cors default allowMethods', 'default'],
    ["what's the default registry?", 'default'],
    ['is css code splitting enabled by default?', 'default'],
    ['do I need to list PATCH in allowMethods or is it allowed out of the box?', 'default'],
    // The question word asked first decides: this "who" is the person's.
    ['why did the person who made hono start it in the first place?', 'reason'],
    ['who do I ask why my invoice was late?', 'name'],
    ['what is the default dev server port?', 'number'],
    ['how do I change the default store location?', 'advice'],
  ])('reads "%s" as asking for %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('definedSubject', () => {
  it.each([
    ['What is a barrel file?', 'barrel file'],
    ['what does tslib do?', 'tslib'],
    ['what is magic-string used for?', 'magic-string'],
    ['what is ipaddr.js for', 'ipaddr.js'],
    ['cors', 'cors'],
    ['catalogs?', 'catalogs'],
    ['CORS', 'CORS'],
    ['chunkSizeWarningLimit', undefined],
    ['ERR_PNPM_OUTDATED_LOCKFILE', undefined],
    ['what do I do now?', undefined],
    ['what is the default port?', undefined],
    // A pasted name, then what it means: the name, written as code writes one.
    ["ERR_PNPM_NO_MATCHING_VERSION_INSIDE_WORKSPACE - what's this telling me?", 'ERR_PNPM_NO_MATCHING_VERSION_INSIDE_WORKSPACE'],
    ['getting ERR_PNPM_PEER_DEP_ISSUES, what does it mean?', 'ERR_PNPM_PEER_DEP_ISSUES'],
    ['I see a warning about peer deps, what does it mean', undefined],
  ])('reads the subject of "%s" as %s', (question, subject) => {
    expect(definedSubject(question)).toBe(subject);
  });
});

describe('answerEntities', () => {
  const text = 'Judge Ivan Ivanov heard the case in Moscow. Denis Kvasov paid $5,000 in 2007.';

  it('finds numbers and times where the question asks for them', () => {
    expect(answerEntities(text, 'number', new Set())).toContain(text.indexOf('$5,000'));
    expect(answerEntities(text, 'time', new Set())).toContain(text.indexOf('2007'));
  });

  it('finds an amount (money, a share, a measure, a length of time), not a bare count, where the question asks how much', () => {
    const doc = 'Laptops come with 2 chargers and 16 GB of memory. Repairs are covered up to $500 a year; 75% of the premium is paid.';
    const found = answerEntities(doc, 'amount', new Set());
    expect(found).toEqual(expect.arrayContaining([doc.indexOf('$500'), doc.indexOf('75%')]));
    expect(found).not.toContain(doc.indexOf('2 chargers'));
    expect(answerEntities(doc, 'number', new Set())).toContain(doc.indexOf('2 chargers'));
  });

  it('finds a day of the month where the question asks when', () => {
    const invoices = 'Contractors send their invoices to accounting. Submit monthly invoices as early as the 20th of the current month.';
    expect(answerEntities(invoices, 'time', new Set())).toEqual([invoices.indexOf('20th')]);
  });

  it('finds a version where the question asks for a number', () => {
    const text = 'Install Node.js version ^22.18.0 || >=24.12.0, or use Node.js 20.19+ with the flag.';
    expect(answerEntities(text, 'number', new Set(analyze('what node version do I need?')))).toEqual([text.indexOf('22.18.0'), text.indexOf('24.12.0'), text.indexOf('20.19+')]);
  });

  it('finds where a passage defines the name asked about, not a scoped name ending in it', () => {
    const text = '@axiomhq/pino is the official Axiom transport for Pino. pino is a very low overhead logger.';
    expect(answerEntities(text, 'definition', new Set(analyze('what is pino?')))).toEqual([text.indexOf('pino is a very')]);
  });

  it('reads a number glued to letters as part of a name, not as a number', () => {
    const handbook = '37signals offers 20 days of vacation. Builds target es2015 at the lowest.';
    expect(answerEntities(handbook, 'number', new Set())).toEqual([handbook.indexOf('20 days')]);
  });

  it('leaves out a number the question already states', () => {
    const doc = 'Server responded with status code 431. Reduce your request header size below 8 KB.';
    expect(answerEntities(doc, 'number', new Set(['431']))).not.toContain(doc.indexOf('431'));
  });

  it('finds how often something happens where the question asks how often', () => {
    const doc = 'New hires meet at the 3-month mark. Then you meet once a year, and the team syncs every week.';
    const found = answerEntities(doc, 'duration', new Set());
    expect(found).toEqual(expect.arrayContaining([doc.indexOf('once a year'), doc.indexOf('every week')]));
    expect(answerEntities(doc, 'number', new Set())).not.toContain(doc.indexOf('once a year'));
  });

  it('does not take a unit of time with no quantity ("the time in minutes") for a duration', () => {
    const doc = 'Default: 10080 (7 days in minutes)\n\nThe time in minutes after which orphan packages are removed.';
    const found = answerEntities(doc, 'duration', new Set());
    expect(found).toContain(doc.indexOf('7 days'));
    expect(found.filter((at) => at > doc.indexOf('\n'))).toEqual([]);
    // With its quantity before it, a unit counts, though wink-nlp tags "two-week" as two and week.
    const cycle = 'The rotation is on a two-week cycle.';
    expect(answerEntities(cycle, 'duration', new Set())).toEqual([cycle.indexOf('week')]);
    const voucher = 'File a voucher within 5 business days of getting back.';
    expect(answerEntities(voucher, 'duration', new Set()).length).toBeGreaterThan(0);
  });

  it('finds a length in characters, lines or bytes where the question asks how long', () => {
    const doc = 'Write a good commit message. Keep the summary under 50 characters and wrap the body at 72 chars. Attachments may be up to 10 MB.';
    const found = answerEntities(doc, 'duration', new Set());
    expect(found).toEqual(expect.arrayContaining([doc.indexOf('50 characters'), doc.indexOf('72 chars'), doc.indexOf('10 MB')]));
    expect(found).not.toContain(doc.indexOf('Write'));
  });

  it('finds names the question does not already give', () => {
    const names = answerEntities(text, 'name', new Set(['moscow', 'ivan', 'ivanov']));
    expect(names).toContain(text.indexOf('Denis'));
    expect(names).not.toContain(text.indexOf('Moscow'));
  });

  it('finds a team, a role, a chat channel or an email address as who answers', () => {
    const handbook = 'Award winners are announced at the kick-off. The executive team reviews all nominations. Ask in #stock-options or write to people-ops@example.com.';
    const names = answerEntities(handbook, 'name', new Set(['award', 'winner']));
    expect(names).toEqual(expect.arrayContaining([handbook.indexOf('executive team'), handbook.indexOf('#stock-options'), handbook.indexOf('people-ops@')]));
    expect(names).not.toContain(handbook.indexOf('Award'));
  });

  it('finds a folder, a path or a dotfile as where something goes, in prose and not the one the question names', () => {
    const docs =
      'Create a .dev.vars file in the root directory of the project. Cached deps live in node_modules/.vite until deleted. Put it in public/robots.txt. Every package.json can list them, as Node.js does.\n\n```sh\ncd ~/projects/foo\n```';
    const places = answerEntities(docs, 'place', new Set(analyze('where do I put public/robots.txt?')));
    expect(places).toEqual(expect.arrayContaining([docs.indexOf('.dev.vars'), docs.indexOf('directory'), docs.indexOf('node_modules/.vite')]));
    expect(places).not.toContain(docs.indexOf('public/robots.txt'));
    expect(places).not.toContain(docs.indexOf('package.json'));
    expect(places).not.toContain(docs.indexOf('.js does'));
    expect(places).not.toContain(docs.indexOf('~/projects'));
    expect(places).not.toContain(docs.indexOf('projects/foo'));
  });

  it('with a role to fill, finds only the names beside the role noun', () => {
    const news = "Russia hopes to join the WTO. Officials tried the company's owner, Denis Kvasov, in Moscow.";
    const names = answerEntities(news, 'name', new Set(['store']), new Set(['owner']));
    expect(names).toContain(news.indexOf('Denis'));
    expect(names).not.toContain(news.indexOf('Russia'));
    expect(names).not.toContain(news.indexOf('WTO'));
  });
});

describe('answerEntities for advice', () => {
  const at = (text: string, phrase: string) => text.indexOf(phrase);

  it('finds instructions opening a list item or following a short label, and advice addressed to the reader', () => {
    const text =
      'This happens when you have too many files.\n\nTo solve this:\n\n• Increase the system file watcher limit:\n' +
      '• Recommended: Use WSL2 applications to edit your files.\nIn case you link a dependency, you\'ll need to force re-optimization.';
    const found = answerEntities(text, 'advice', new Set());
    expect(found).toContain(at(text, 'Increase'));
    expect(found.some((offset) => offset >= at(text, 'Recommended') && offset < at(text, 'In case'))).toBe(true);
    expect(found).toContain(at(text, 'you\'ll need to'));
    expect(found.filter((offset) => offset < at(text, 'To solve'))).toEqual([]);
  });

  it('does not take a list item that only names a command ("• run") for an instruction', () => {
    const text = 'Runs a command in every project of a workspace with:\n\n• exec\n• run\n• test\n\n• Run the tests before you publish.';
    expect(answerEntities(text, 'advice', new Set())).toEqual([text.indexOf('Run the tests')]);
  });

  it('finds an instruction after a condition ("If …, use the …"), not the subject of a statement after one', () => {
    const text =
      'If you want to use deploy without injected dependencies, use the --legacy flag. When running Vite on WSL2, file system watching does not work. Once installed, it runs alone.';
    expect(answerEntities(text, 'advice', new Set())).toEqual([text.indexOf('use the --legacy')]);
  });

  it('finds a way around a limit as advice, and not what the reader cannot do', () => {
    const text = "This means you can't call vi.spyOn on an imported object. You can not patch it either. To bypass this limitation, pass { spy: true } to vi.mock.";
    expect(answerEntities(text, 'advice', new Set())).toEqual([text.indexOf('To bypass')]);
  });

  it('finds advice said of the thing to change', () => {
    const text = 'CSS is injected into the page. The injection can be turned off via the ?inline query parameter.';
    expect(answerEntities(text, 'advice', new Set())).toEqual([text.indexOf('can be turned off')]);
  });

  it('does not take a pointer elsewhere, or a word after a colon inside a sentence, for an instruction', () => {
    const text =
      "See https://vite.dev/guide/troubleshooting.html for details.\nAccess to script at 'file:///foo/bar.js' has been blocked by CORS policy: Cross origin requests are only supported for http.";
    expect(answerEntities(text, 'advice', new Set())).toEqual([]);
  });

  it('does not take a caveat ("Remember that …", "Note that …") for an instruction', () => {
    const text = 'Remember that the binary is available only if the package has a bin field. Note that this runs once. Link the package again.';
    expect(answerEntities(text, 'advice', new Set())).toEqual([text.indexOf('Link the package')]);
  });
});

describe('answerEntities for advice, in passages with code', () => {
  it('reads neither a line of code nor the word after a dotted name for an instruction', () => {
    const text =
      'For a module to self-accept, call import.meta.hot.accept with a callback:\n\n```js\nimport \'vite/client\'\nexport const count = 1\n```\n\nA module that accepts hot updates is a boundary.';
    expect(answerEntities(text, 'advice', new Set())).toEqual([]);
    const advice = `${text}\n\nRun the dev server again.`;
    expect(answerEntities(advice, 'advice', new Set())).toEqual([advice.indexOf('Run the dev server')]);
  });
});

describe('answerEntities for definitions', () => {
  it('finds where the text says what a question term is, not every sentence that uses it', () => {
    const text = 'When the RFC is for the purpose of a decision, label it. An “RFC” literally means a “Request for Comments.” An RFC is ultimately just a document.';
    expect(answerEntities(text, 'definition', new Set(['rfc']))).toEqual([text.indexOf('RFC” literally'), text.lastIndexOf('RFC is')]);
    expect(answerEntities(text, 'definition', new Set(['document']))).toEqual([]);
  });
});

describe('answerEntities for defaults', () => {
  it('finds where a value is stated as the default, not where something only happens by default', () => {
    const text = 'By default, toSSG uses defaultPlugin. dir is the output folder. The default value is ./static. concurrency defaults to 2. The default router is SmartRouter.';
    expect(answerEntities(text, 'default', new Set())).toEqual([text.indexOf('default value'), text.indexOf('defaults to'), text.indexOf('default router')]);
    // A list of choices says which one is the default without "the".
    const list = 'By default, you can use these environments:\n• node is default environment\n• jsdom emulates browser environment';
    expect(answerEntities(list, 'default', new Set())).toEqual([list.indexOf('is default')]);
  });

  it('after a "Default:" label, finds the value on its line, or each item of the list nested under it', () => {
    const inline = '• Default: highest\n• Type: highest, lowest-direct';
    expect(answerEntities(inline, 'default', new Set())).toEqual([inline.indexOf('highest')]);
    const nested = '• Default:\n  • On Windows: ~/AppData/Local/pnpm/store\n  • On Linux: ~/.local/share/pnpm/store\n• Type: path';
    expect(answerEntities(nested, 'default', new Set())).toEqual([nested.indexOf('On Windows'), nested.indexOf('On Linux')]);
  });
});

describe('defaultEntities', () => {
  it('keeps the values on a line stating a default, or all of them when no such line holds one', () => {
    const text = '• Type: number\n• Default: 5_000 in Node.js, 15_000 in the browser\n\nTimeout of a test in milliseconds. Use 0 to disable it.';
    const numbers = answerEntities(text, 'number', new Set(['test', 'timeout']));
    expect(numbers).toContain(text.indexOf('0 to disable'));
    const defaults = defaultEntities(text, numbers);
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.every((at) => at > text.indexOf('Default:') && at < text.indexOf('\n\n'))).toBe(true);
    const plain = 'Timeout of a test in milliseconds. Use 0 to disable it.';
    const plainNumbers = answerEntities(plain, 'number', new Set(['test', 'timeout']));
    expect(defaultEntities(plain, plainNumbers)).toEqual(plainNumbers);
  });
});

describe('answerEntities for reasons', () => {
  it('finds a cause or a purpose', () => {
    const text = 'Kandji keeps work laptops up to date. It helps us reduce our exposure to security incidents. This is due to a WSL2 limitation.';
    expect(answerEntities(text, 'reason', new Set())).toEqual([text.indexOf('helps'), text.indexOf('due to')]);
  });

  it('finds a consequence drawn after a comma ("…, so …"), not "so far" or a "so" of its own', () => {
    const text = 'The project .npmrc is checked out with the repository, so expanding variables there would leak secrets. So far it works. It is so fast.';
    expect(answerEntities(text, 'reason', new Set())).toEqual([text.indexOf('so expanding')]);
  });
});

describe('asksYesOrNo', () => {
  it.each([
    ['does the csrf middleware also validate GET requests?', true],
    ['pnpm deploy keeps complaining about inject-workspace-packages, can I deploy without it?', true],
    ['do I have to type the full @scope/name with --filter?', true],
    ['Is it safe to expose the dev server?', true],
    ["do credit hours expire if I don't use them", true],
    ['is there a sabbatical policy?', false],
    ['do we get a laptop?', false],
    ['does Sourcegraph offer pet insurance?', false],
    ['How do I deploy without it?', false],
    ['How many login attempts does basicAuth allow?', false],
    ['Why does Vite pre-bundle dependencies?', false],
  ])('%s → %s', (question, expected) => {
    expect(asksYesOrNo(question)).toBe(expected);
  });
});

describe('askedModal', () => {
  it.each([
    ['can I use my training money to buy books', 'can'],
    ['pnpm deploy keeps complaining about inject-workspace-packages, can I deploy without it?', 'can'],
    ['May contractors join the offsite?', 'may'],
    ['does the csrf middleware also validate GET requests?', undefined],
    ['How can I deploy without it?', undefined],
  ])('%s → %s', (question, expected) => {
    expect(askedModal(question)).toBe(expected);
  });
});

describe('verdictsAt', () => {
  it('finds a negation, a limit or an obligation in prose, not in code', () => {
    const text = "RegExpRouter doesn't support all patterns. It only matches paths.\n\n```js\nif (!ok) return not(found)\n```\n\nA key is required.";
    expect(verdictsAt(text)).toEqual([text.indexOf("n't"), text.indexOf('only'), text.indexOf('required')]);
  });

  it('takes advice against something ("Avoid …") and an obligation ("make sure to") for a verdict', () => {
    const text = 'Teleports need care during SSR. Avoid targeting body when using Teleports and SSR together.';
    expect(verdictsAt(text)).toEqual([text.indexOf('Avoid')]);
    const vetur = 'Vue - Official replaces Vetur. If you have Vetur installed, make sure to disable it in Vue 3 projects.';
    expect(verdictsAt(vetur)).toEqual([vetur.indexOf('make sure')]);
  });

  it('does not take an adding "not just" for a negation', () => {
    const text = 'We insure all teammates (not just US-based). Vacations are not covered.';
    expect(verdictsAt(text)).toEqual([text.indexOf('not covered')]);
  });
});
