import { describe, expect, it } from 'vitest';
import { splitPassages } from '../passages/split-passages.js';
import { splitMarkdownPassages } from '../passages/markdown/split-markdown-passages.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { ask } from './ask.js';

/** A small docs site: each page one document, split as footnote splits plain text (or Markdown). */
function site(pages: Record<string, string>, { maxChars = 1000, markdown = false, titles = {} as Record<string, string> } = {}): Engine {
  const engine = createEngine();
  const split = markdown ? splitMarkdownPassages : splitPassages;
  for (const [id, text] of Object.entries(pages)) {
    engine.add(
      { scope: 'global', id, title: titles[id] ?? id, source: { kind: 'file', name: `${id}.md` }, addedBy: 'test', addedAt: '', contentHash: '' },
      split(id, text, { maxChars }),
    );
  }
  return engine;
}

/**
 * A thousand pages on other settings, each with what `extra` adds to it, so that words weigh as they do
 * in a real docs site of that size (a word on one page in four is no rare word).
 */
function aThousandOtherPages(extra: (i: number) => string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`setting-${i}`, `The pnpm setting number ${i} is listed on its own page.${extra(i)}`]));
}

/** Twenty Markdown pages on something else, so that the pages a test is about are not the whole site. */
function otherMarkdownPages(): Record<string, string> {
  return Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`other-${i}`, `# Page ${i}\n\nPage ${i} is about the deploy pipeline and its checks.`]));
}

/** Fifty pages of a docs site on something else, one in five also saying `sentence`: what makes the rest of a question's words common or rare. */
function guidePages(sentence: string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`page-${i}`, `Page ${i} of the guide is about routing.${i % 5 === 0 ? ` ${sentence}` : ''}`]));
}

const engine = site({
  intents:
    'Privileged intents must be switched on in the developer portal. To read what members write, enable GatewayIntentBits.MessageContent in the client options, or the bot receives empty messages.',
  'server-options':
    'The dev server listens on port 5173. Set strictPort to true to exit if the port is already in use, instead of trying the next free port. The allowedHosts option lists the hostnames the server answers.',
  formats: 'The store sold MP3 files at a few cents each. Lossless formats such as FLAC were offered for albums.',
  billing: 'Invoices are sent on the first working day of each month. Refunds go back to the card that paid.',
});
const askHere = (question: string) => ask(engine, question, { scopes: ['global'] });

describe('ask: words as people write them', () => {
  it('finds a camelCase identifier from its words', () => {
    const answer = askHere('How do I let the bot see message content?');
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.docId).toBe('intents');
  });

  it('answers a pasted dotted name the pages write without its prefix, from its words', () => {
    const answer = askHere('server.strictPort is true but vite still uses another port');
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.docId).toBe('server-options');
  });

  it('matches a plural after a digit', () => {
    const answer = askHere('Were MP3s sold?');
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.highlight).toContain('MP3 files');
  });

  it('says no match for a versioned name the pages only write with another version', () => {
    const http = site({
      https: 'The dev server speaks HTTP/2 when https is enabled. Set server.https to a TLS certificate and key to enable it.',
      ports: 'The dev server listens on port 3000 for 3 minutes before it gives up.',
    });
    expect(ask(http, 'How do I enable HTTP/3 on the dev server?', { scopes: ['global'] }).kind).toBe('no-match');
    expect(ask(http, 'How do I enable HTTP/2 on the dev server?', { scopes: ['global'] }).kind).toBe('answer');
  });

  it('still says no match for an identifier whose words the pages do not use', () => {
    expect(askHere('What does webhookRetryLimit default to?').kind).toBe('no-match');
  });

  it('says no match for a name opening with a lone lowercase letter (jQuery) the pages lack, though they use its word', () => {
    const docs = site({
      sql: 'Use an ORDER BY clause on a query whose results are shown to a user. Avoid a query inside a loop.',
      css: 'Use container queries for components and media queries for page layout.',
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`page-${i}`, `Guide ${i} covers a part of the web stack.`])),
    });
    expect(ask(docs, 'is it okay to use jQuery?', { scopes: ['global'] }).kind).toBe('no-match');
    // Asked in its words, the same pages answer.
    expect(ask(docs, 'is it okay to use a query inside a loop?', { scopes: ['global'] }).kind).toBe('answer');
  });

  it('highlights the sentence saying a derived form of the question word the passage lacks', () => {
    const handbook = site({
      wellness:
        'Q: What can the stipend be used for? A: The stipend can be used for a wide range of expenses, such as therapy sessions and counseling services. Q: Can I use it for yoga classes? A: Yes, for activities that help your wellbeing. Q: Can I use the stipend for a family member? A: No, at this time the stipend is focused on your own mental health.',
      // The question's words are used elsewhere, so the ranking has no reason to seek other words.
      insurance: 'A therapist or a counselor in the network is covered by the health plan after the deductible.',
      // A handbook's other pages, so that a therapist is rare and mental health is not.
      ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`policy-${i}`, `Policy ${i} of the handbook is on its own page.${i % 10 === 0 ? ' Mental health matters.' : ''}`])),
    });
    const answer = ask(handbook, 'can I use the mental health stipend to see a counselor or therapist?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    const wellness = answer.results.find((result) => result.docId === 'wellness');
    expect(wellness?.highlight).toContain('therapy sessions and counseling');
  });
});

describe('ask: ordinary words the pages do not use', () => {
  const handbook = site({
    'dev-server': 'Set server.host to true to listen on all addresses, including LAN and public addresses. Other devices on your network can then open the dev server at the address it prints.',
    meetups: 'The whole company meets up twice a year, in a different city every time. In 2022 we travelled to Miami and Amsterdam; the agenda is shared a month before.',
    devices: 'Every laptop gets disk encryption, a firewall and password rules before it is handed over.',
    build: 'The build command bundles the app for production. Assets are hashed so browsers can cache them.',
    plugins: 'Plugins hook into the dev server and the build. Name a plugin after what it does.',
  });

  it('answers a question with a word only WordNet knows as an ordinary noun ("wifi")', () => {
    const answer = ask(handbook, 'How do I reach the dev server over wifi?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.docId).toBe('dev-server');
  });

  it('says no match when the thing a what-question asks about is nowhere, however ordinary its word', () => {
    expect(ask(handbook, "What's the wifi password at the Amsterdam meet-up hotel?", { scopes: ['global'] }).kind).toBe('no-match');
    expect(ask(handbook, 'When is the Amsterdam meet-up agenda shared?', { scopes: ['global'] }).kind).toBe('answer');
  });

  it('says no match for a kind of thing the pages never name, though they name the thing ("jury duty leave")', () => {
    const leave = site({
      leave: 'Parental leave is 16 weeks at full pay. Sick leave has no fixed number of days: take what you need and tell your manager.',
      vacation: 'Everyone gets 20 paid vacation days a year, and unused days roll over up to a bank of 27 days.',
      devices: 'Every laptop gets disk encryption, a firewall and password rules before it is handed over.',
    });
    expect(ask(leave, 'How many days of paid jury duty leave do we get?', { scopes: ['global'] }).kind).toBe('no-match');
    expect(ask(leave, 'How many weeks of paid parental leave do we get?', { scopes: ['global'] }).kind).toBe('answer');
  });
});

describe.each([
  {
    what: 'how a question is asked: its verbs stated, not the thing it names',
    pages: {
      proxy: 'pnpm sends its requests through the proxy set in httpsProxy. If the proxy URL holds a password, make sure to URL-encode it.',
      shims: 'To make pnpm work the same on every machine, the shim will go and fetch the version the project pins.',
      // "work", "make" and "go" as common as in a real docs site.
      ...aThousandOtherPages((i) => `${i % 10 === 0 ? ' It works on every platform.' : ''}${i % 25 === 0 ? ' Make a backup, then go on.' : ''}`),
    },
    refused: 'how do I make pnpm go through a SOCKS5 proxy at work?',
    answered: 'how do I make pnpm go through a proxy at work?',
    docId: 'proxy',
  },
  {
    what: 'a name written as one word counts once (GitHub, not git and hub): a page naming it and the command does not cover a format it never names',
    pages: {
      audit: 'pnpm audit checks the installed packages for known vulnerabilities. Its output may be JSON, and in GitHub Actions it annotates the workflow run.',
      // GitHub, uploads and code scanning as common as in a real docs site.
      ...aThousandOtherPages((i) => `${i % 20 === 1 ? ' Code scanning runs after each upload.' : ''}${i % 30 === 0 ? ' Its source is on GitHub.' : ''}`),
    },
    refused: 'can pnpm audit output SARIF so we can upload the results to GitHub code scanning?',
    answered: 'can pnpm audit output JSON in GitHub Actions?',
    docId: 'audit',
  },
])('ask: $what', ({ pages, refused, answered, docId }) => {
  const docs = site(pages);

  it('says no match for what the pages lack', () => {
    expect(ask(docs, refused, { scopes: ['global'] }).kind).toBe('no-match');
  });

  it('still answers what the page covers, asked the same way', () => {
    const answer = ask(docs, answered, { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.docId).toBe(docId);
  });
});

describe('ask: two things the question is about, both nowhere', () => {
  const ws = site({
    websocket: 'upgradeWebSocket() upgrades a request to a WebSocket connection. Its events are onOpen, onMessage, onClose and onError; the default close code is 1000. The default interval between reconnect attempts of websocket connections is 5 seconds.',
    cors: 'The cors middleware sets Access-Control headers. The default maxAge is not set, so browsers use their own interval.',
    timeout: 'The timeout middleware ends a request after the given duration, 5 seconds by default.',
    // Pages on other topics, so that the question's other words weigh as they do in a real site.
    ...Object.fromEntries(['billing', 'holidays', 'laptops', 'travel', 'payroll', 'security', 'hiring', 'offices', 'onboarding', 'support'].map((topic) => [topic, `The ${topic} page lists who to ask about ${topic} and where the forms are.`])),
  });

  it('says no match when two words of what is asked are nowhere in the pages', () => {
    expect(ask(ws, "what's the default ping / heartbeat interval for websocket connections?", { scopes: ['global'] }).kind).toBe('no-match');
  });

  it('still answers when only one is missing', () => {
    expect(ask(ws, "what's the default close code for websocket connections?", { scopes: ['global'] }).kind).toBe('answer');
    expect(ask(ws, "what's the default ping interval for websocket connections?", { scopes: ['global'] }).kind).toBe('answer');
  });
});

describe('ask: the role a who-question names', () => {
  // One story in two passages: the first repeats the question's words, the second names the owner.
  const news = site(
    {
      story:
        "The online music store says it will return next month, though trade officials want it closed for good.\n\nTrade officials once tried to shut down the online store and try the company's owner, Denis Kvasov. The court acquitted him.",
      billing: 'Invoices are sent on the first working day of each month. Refunds go back to the card that paid.',
      weather: 'Snow is expected in the north this week, with rain in the south and strong winds on the coast.',
    },
    { maxChars: 200 },
  );

  it('answers "who owns" from the passage naming the owner, and highlights the name', () => {
    const answer = ask(news, 'Who owns the online music store that trade officials wanted shut down?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.highlight).toContain('Denis Kvasov');
  });
});

describe('ask: an error pasted with its stack trace and log', () => {
  const docs = site(
    {
      troubleshooting: [
        '# Troubleshooting',
        '## Dev server crashes with ENOSPC',
        '> Error: ENOSPC: System limit for number of file watchers reached',
        'Linux limits how many files a process may watch. Increase the system file watcher limit with sysctl fs.inotify.max_user_watches.',
        '## Slow page loads',
        'Too many modules on first load slow the dev server down. Pre-bundle large dependencies.',
      ].join('\n\n'),
      errors: [
        '# Error codes',
        '## ERR_PNPM_OUTDATED_LOCKFILE',
        'The lockfile needs changes to install. To fix this error, run pnpm install and commit the lockfile.',
        '## ERR_PNPM_TARBALL_INTEGRITY',
        'A downloaded package does not match its checksum. Clear the store and install again.',
      ].join('\n\n'),
      install: [
        '# pnpm install',
        '## --frozen-lockfile',
        'Default: true in CI. The lockfile is not updated, and install fails if it needs an update.',
      ].join('\n\n'),
      config: '# Config\n\nThe config file sets the server port, the watcher options and the build target of the project.',
    },
    { markdown: true },
  );
  const paste = [
    'I get this when I start the dev server, any idea?',
    '  VITE v8.0.0  ready in 312 ms',
    '  ➜  Local:   http://localhost:5173/',
    "Error: ENOSPC: System limit for number of file watchers reached, watch '/home/me/proj/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/fp'",
    '    at FSWatcher.<computed> (node:internal/fs/watchers:247:19)',
    '    at createFsWatchInstance (file:///home/me/proj/node_modules/vite/dist/node/chunks/dep-CDnG8rE7.js:50470:17)',
    "  errno: -28, syscall: 'watch', code: 'ENOSPC', path: '/home/me/proj/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/fp'",
  ].join('\n');

  it.each([
    ['as pasted in a terminal', paste],
    ['joined into one line, as Discord sends it', paste.replace(/\s+/g, ' ')],
  ])('answers from the page quoting the error, %s', (_, question) => {
    const answer = ask(docs, question, { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.results[0]!.section).toBe('Dev server crashes with ENOSPC');
    expect(answer.query).toBe(paste.replace(/\s+/g, ' ').trim());
  });

  it('puts first the section an error code heads, over one matching the rest of the log', () => {
    const ci = [
      'CI fails on every PR:',
      ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with packages/api/package.json',
      'Note that in CI environments this setting is true by default.',
      'Error: Process completed with exit code 1.',
    ].join('\n');
    const answer = ask(docs, ci, { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.section).toBe('ERR_PNPM_OUTDATED_LOCKFILE');
  });

  it('says no match for an error code the pages never write, though they use its words', () => {
    expect(ask(docs, 'ERR_PNPM_LOCKFILE_BREAKING_CHANGE', { scopes: ['global'] }).kind).toBe('no-match');
    expect(ask(docs, 'ERR_PNPM_OUTDATED_LOCKFILE', { scopes: ['global'] }).kind).toBe('answer');
    // The asker's own words still count: they say what the question is about.
    expect(ask(docs, 'ERR_PNPM_LOCKFILE_BREAKING_CHANGE with --frozen-lockfile in CI: does install update the lockfile?', { scopes: ['global'] }).kind).toBe('answer');
  });

  it('still says no match for a pasted error the pages never quote', () => {
    const pip = [
      'pip install keeps failing, help?',
      'error: externally-managed-environment',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/pip/_internal/commands/install.py", line 316, in run',
      "PermissionError: [Errno 13] Permission denied: '/usr/local/lib/python3.11/dist-packages'",
    ].join('\n');
    expect(ask(docs, pip, { scopes: ['global'] }).kind).toBe('no-match');
  });
});

describe('ask: typos', () => {
  const docs = site({
    global: 'Install a package globally with pnpm add -g <pkg>. Globally installed packages are linked into PNPM_HOME.',
    update: 'pnpm update updates packages to their latest version within the ranges in package.json.',
    registry: 'Set the registry in .npmrc to use a private registry for scoped packages.',
  });

  it('answers a question with a typo as it would the same question spelled right, and shows it as typed', () => {
    const typed = 'how do I add a pacakge globaly?';
    const answer = ask(docs, typed, { scopes: ['global'] });
    const spelled = ask(docs, 'how do I add a package globally?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer' || spelled.kind !== 'answer') return;
    expect(answer.query).toBe(typed);
    expect(answer.readAs).toEqual([
      { typed: 'pacakge', read: 'package' },
      { typed: 'globaly', read: 'globally' },
    ]);
    expect(spelled.readAs).toBeUndefined();
    expect(answer.results.map((result) => [result.docId, result.highlight])).toEqual(spelled.results.map((result) => [result.docId, result.highlight]));
  });

  it('still says no match for a name the pages lack, however close to one of their words', () => {
    expect(ask(docs, 'how do I publish to the Verdaccio registry?', { scopes: ['global'] }).kind).toBe('no-match');
  });
});

describe('ask: the sentence a kind of question asks for', () => {
  it.each([
    [
      'a yes/no question with "when" in it: its verdict, not a date',
      'Since 2021, builds run TypeScript files through esbuild in about 20 ms each. Vite does not type-check TypeScript: it only transpiles it, and leaves type checking to your IDE and tsc.',
      'Vite builds run fast.',
      'Does Vite type-check my TypeScript when it builds?',
      'Vite does not type-check TypeScript: it only transpiles it, and leaves type checking to your IDE and tsc.',
    ],
    [
      'a where-question: the folder or file, over a sentence naming a product',
      'To set env vars for local development, create a .dev.vars file in the root directory of the project. Deploys take a minute. Before you deploy, remember to set the secrets in the Cloudflare dashboard.',
      'Workers run at the edge.',
      'where do i put env vars / secrets for local wrangler dev on workers?',
      'To set env vars for local development, create a .dev.vars file in the root directory of the project.',
    ],
  ])('highlights, for %s', (_, page, elsewhere, question, highlight) => {
    const answer = ask(site({ page, ...guidePages(elsewhere) }), question, { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.highlight).toBe(highlight);
  });
});

describe('ask: an identifier that heads a section', () => {
  const docs = site(
    {
      'preview-options': '# Preview Options\n\n## preview.allowedHosts\n\nDefault: server.allowedHosts\n\nThe hostnames that are allowed. See server.allowedHosts for more details.',
      'server-options':
        '# Server Options\n\n## server.allowedHosts\n\nThe hostnames that are allowed. Localhost and all IP addresses are allowed by default. When using HTTPS, this check is skipped. If a string starts with a dot, it allows that hostname and all subdomains under it.\n\nSetting server.allowedHosts to true lets any website send requests to your dev server through DNS rebinding attacks.\n\n## server.port\n\nThe port the dev server listens on.',
      billing: '# Billing\n\nInvoices are sent on the first working day of each month.',
      weather: '# Weather\n\nSnow is expected in the north this week.',
    },
    { markdown: true },
  );

  it('answers first from the section the identifier heads, not from a stub that points to it', () => {
    const answer = ask(docs, 'Is it safe to set server.allowedHosts to true so my tunnel URL works?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]).toMatchObject({ docId: 'server-options', section: 'server.allowedHosts' });
  });

  it('reads a method heading with its parameters ("Dispatcher.request(options[, callback])") as the identifier', () => {
    const api = site(
      {
        agent: '# Agent\n\n## Agent.request(options[, callback])\n\nSee Dispatcher.request(options [, callback]).',
        dispatcher:
          '# Dispatcher\n\n## Dispatcher.request(options[, callback])\n\nPerforms an HTTP request. Non-idempotent requests will not be pipelined in order to avoid indirect failures. Idempotent requests will be automatically retried if they fail due to indirect failure from the request at the head of the pipeline.\n\nReturns: void | Promise<ResponseData> - a Promise only when no callback is passed.\n\nThe options name the path, the method, the headers and the body of the request, how long to wait for the headers and for the body, and whether the connection may be reused once the response has been read in full.',
        ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`page-${i}`, `# Page ${i}\n\nThe dispatcher of page ${i} sends each request it is given.`])),
      },
      { markdown: true },
    );
    // Ranked second, 0.86 of the stub that only points to it.
    const answer = ask(api, 'what does Dispatcher.request return?', { scopes: ['global'] });
    expect(answer.kind === 'answer' && answer.results[0]).toMatchObject({ docId: 'dispatcher', section: 'Dispatcher.request(options[, callback])' });
  });

  it('leaves the order to the ranking when the question names two identifiers', () => {
    const streaming = site(
      {
        streaming: [
          '# Streaming',
          '## streamSSE()',
          'streamSSE() streams Server-Sent Events from a callback. An exception thrown inside the streamSSE callback ends the stream; catch the exception in the callback to keep streaming.',
          '## Error handling',
          'If the callback throws an exception, app.onError is not called: pass an error handler as the third argument of streamSSE to catch it.',
        ].join('\n\n'),
        billing: '# Billing\n\nInvoices are sent on the first working day of each month.',
      },
      { markdown: true, maxChars: 260 },
    );
    const answer = ask(streaming, 'will app.onError catch an exception thrown inside my streamSSE callback?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]).toMatchObject({ docId: 'streaming', section: 'Error handling' });
  });
});

describe('ask: a keyword query naming a section', () => {
  /** The sections cited for `question` over a Markdown page among others. */
  const sectionsCited = (page: string, question: string) => {
    const answer = ask(site({ page, ...otherMarkdownPages() }, { markdown: true }), question, { scopes: ['global'] });
    return answer.kind === 'answer' ? answer.results.map((r) => r.section) : [];
  };

  it('answers first from the section whose heading the question states in full, over a setting repeating its words', () => {
    const workspaces =
      '# Workspaces\n\n## Workspace protocol (workspace:)\n\nWhen this protocol is used, the package manager will refuse to resolve to anything other than a local package of the workspace.\n\n' +
      '## Settings\n\n### saveWorkspaceProtocol\n\nThis setting controls how the workspace protocol is saved: with the workspace protocol, new workspace dependencies are saved with the protocol and a version range of the workspace package.\n';
    expect(sectionsCited(workspaces, 'workspace protocol')).toEqual(['Workspace protocol (workspace:)', 'Settings › saveWorkspaceProtocol']);
  });

  it('leaves the order to the ranking when the heading is only two words of a longer question', () => {
    const ssr =
      '# Server-Side Rendering\n\n## Rendering an App\n\nCreate the app with createSSRApp, then render the app on the server with renderToString.\n\n' +
      '## Teleports\n\nTeleporting needs care when the app is server-rendered. Avoid targeting body when using Teleports and SSR together: teleport into a dedicated container instead.\n';
    expect(sectionsCited(ssr, 'is teleporting straight into body fine when the app is server-rendered?')).toEqual(['Teleports', 'Rendering an App']);
  });
});

describe('ask: what a pasted error code means', () => {
  it('answers with the opening of the section the code heads, which says what it is', () => {
    const docs = site(
      {
        errors:
          '# Errors\n\n## ERR_PNPM_NO_MATCHING_VERSION_INSIDE_WORKSPACE\n\nA project has a workspace dependency that does not exist in the workspace.\n\n' +
          'However, there is only bar@2.0.0 in the workspace, so pnpm install will fail.\n\nTo fix this error, all dependencies that use the workspace protocol should be updated to versions present in the workspace, manually or with pnpm -r update.\n\n' +
          '## ERR_PNPM_OUTDATED_LOCKFILE\n\nThe lockfile is not up to date with the package.json of a project.',
        ...otherMarkdownPages(),
      },
      { markdown: true, maxChars: 2000 },
    );
    const answer = ask(docs, "ERR_PNPM_NO_MATCHING_VERSION_INSIDE_WORKSPACE - what's this telling me?", { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.highlight).toMatch(/^A project has a workspace dependency that does not exist in the workspace\./);
  });
});

describe('ask: a word the documents say otherwise', () => {
  const reviews = site({
    reviews: 'Critics praised the movie for its score and for its long final scene, shot in one take.',
    billing: 'Invoices are sent on the first working day of each month. Refunds go back to the card that paid.',
  });

  it('answers from a synonym of a word no passage uses', () => {
    const answer = ask(reviews, 'What did critics think of the film?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.docId).toBe('reviews');
  });

  it('still says no match when the topic itself is missing', () => {
    expect(ask(reviews, 'What did critics think of the Jira integration?', { scopes: ['global'] }).kind).toBe('no-match');
  });
});

describe('ask: a name the documents only start other words with', () => {
  const pages: Record<string, string> = {
    deploys: 'Deploys are handled by the platform team every Tuesday after the change review.',
    rollbacks: 'A deploy that fails its health checks is rolled back by the same team.',
    freezes: 'No deploy goes out during the December freeze.',
  };
  for (let i = 0; i < 8; i++) pages[`essay-${i}`] = `Essay ${i} on Kafkaesque paperwork, waiting rooms and forms filed in triplicate.`;
  const docs = site(pages);

  it('does not count "kafka" as covered by "Kafkaesque"', () => {
    expect(ask(docs, 'How do we deploy Kafka?', { scopes: ['global'] }).kind).toBe('no-match');
  });

  it('still answers in the documents’ own words', () => {
    expect(ask(docs, 'Who handles deploys?', { scopes: ['global'] }).kind).toBe('answer');
  });
});

describe('ask: the passage that holds what is asked goes first', () => {
  it('puts the passage giving a cause first for a why-question, when it scores close to the best', () => {
    const answer = ask(incidentSite(), 'Why was the password reset page shut down?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.results[0]!.docId).toBe('incident');
    expect(answer.results.map((r) => r.docId)).toContain('status');
  });

  it('puts the section headed as the why first for a why-question, over a purpose phrase in passing', () => {
    const guide = site(
      {
        'pre-bundling': [
          '# Dependency pre-bundling',
          '## Caching',
          'The dev server caches pre-bundled dependencies in the browser to improve page reload performance. Pre-bundled dependencies are cached until the lockfile changes, and the dev server checks the lockfile of the dependencies on every start.',
          '## The Why',
          'The dev server serves every module as native ES modules. Therefore, dependencies shipped as CommonJS must be converted first.',
        ].join('\n\n'),
      },
      { markdown: true, maxChars: 260 },
    );
    const answer = ask(guide, 'Why does the dev server pre-bundle dependencies?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.results.map((r) => r.section)).toEqual([expect.stringMatching(/The Why$/), expect.stringMatching(/Caching$/)]);
    expect(answer.results[0]!.highlight).toMatch(/Therefore, dependencies shipped as CommonJS must be converted first\.$/);
  });

  it('answers "why should I use X?" from the page titled "Why X?", however far down its words rank it', () => {
    const docs = site(
      {
        'why-widget': '## A style guide for free\n\nBy far the biggest reason for adopting it is to stop the debates over styles. Because it is fully automatic, nobody argues in reviews.',
        ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`page-${i}`, `# Widget option ${i}\n\nUse Widget option ${i} to make Widget print differently. Widget reads it on every use.`])),
      },
      { markdown: true, titles: { 'why-widget': 'Why Widget?' } },
    );
    for (const question of ['why should I use widget?', 'why widget?']) {
      const answer = ask(docs, question, { scopes: ['global'] });
      expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('why-widget');
    }
    // A why-question about something more than the page's title is left to the ranking.
    const specific = ask(docs, 'why does widget print option 3 differently?', { scopes: ['global'] });
    expect(specific.kind === 'answer' && specific.results[0]!.docId).toBe('page-3');
    // A page added, renamed or removed later counts at once.
    const first = () => {
      const answer = ask(docs, 'why gadget?', { scopes: ['global'] });
      return answer.kind === 'answer' ? answer.results[0]!.docId : answer.kind;
    };
    docs.add({ scope: 'global', id: 'gadget-options', title: 'Gadget options', source: { kind: 'file', name: 'gadget-options.md' }, addedBy: 'test', addedAt: '', contentHash: '' }, splitMarkdownPassages('gadget-options', 'Gadget reads its options on start. Gadget prints them when asked.'));
    expect(first()).toBe('gadget-options');
    docs.add({ scope: 'global', id: 'why-gadget', title: 'Why Gadget?', source: { kind: 'file', name: 'why-gadget.md' }, addedBy: 'test', addedAt: '', contentHash: '' }, splitMarkdownPassages('why-gadget', 'It saves every team a day a week, because it is fully automatic.'));
    expect(first()).toBe('why-gadget');
    docs.remove('global', 'why-gadget');
    expect(first()).toBe('gadget-options');
  });

  it("reads a page's title as the heading of its opening: a page titled as the philosophy answers why", () => {
    const docs = site(
      {
        philosophy: 'The formatter has a few options from its early days. But we will not add more options to the formatter. The debates over styles would just turn into debates over which options to use.',
        plugins: '## printComment\n\n```ts\n// more options for the formatter\nfunction printComment(path, options) {\n  return options.more\n}\n```',
        ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`page-${i}`, `The formatter reads rule ${i} from its config file.`])),
      },
      { markdown: true, titles: { philosophy: 'Option Philosophy', plugins: 'Plugins' } },
    );
    const answer = ask(docs, "why doesn't the formatter have more options?", { scopes: ['global'] });
    expect(answer.kind === 'answer' && answer.results.map((r) => r.docId)).toEqual(['philosophy', 'plugins']);
  });
});

describe('ask: a default', () => {
  const docs = site({
    modes: 'By default, the dev command runs in development mode and the build command runs in production mode. The mode of a build decides which env file it loads.',
    cli: 'Options of the build command: --mode sets the mode. --config-loader picks how the config is loaded (default: bundle).',
    'server-options': 'server.port sets the port the dev server listens on. Default: 5173. If the port is in use, the next free one is tried.',
    ...Object.fromEntries(['billing', 'holidays', 'laptops', 'travel', 'payroll', 'security'].map((topic) => [topic, `The ${topic} page lists who to ask about ${topic}.`])),
  });

  it('highlights the stated default value', () => {
    const answer = ask(docs, "what's the default dev server port?", { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.highlight).toContain('Default: 5173');
  });

  it('keeps first the passage saying what happens by default over another setting\'s stated default', () => {
    const answer = ask(docs, 'default mode for the build command', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.docId).toBe('modes');
  });
});

describe('ask: a section split over passages', () => {
  const store = () =>
    site(
      {
        'store-cli': [
          '# Store commands',
          '## prune',
          'Run pnpm store prune occasionally to clean up the store of pnpm, though rarely: unreferenced packages may be needed again by an older branch, and the store prune step takes a while.',
          'Removes unreferenced packages from the store. Running pnpm store prune is not harmful and has no side effects on your projects.',
          '## path',
          'Prints the path to the active store directory.',
        ].join('\n\n'),
        install: 'pnpm install fetches packages into the store and links them into your projects, so it is safe to run in every project.',
        'store-status': 'pnpm store status checks the store for modified packages; run it when you suspect your projects use a modified store.',
        config: 'The store directory can be set with storeDir in the workspace file.',
      },
      { markdown: true, maxChars: 200 },
    );

  it('cites the consecutive parts of one section together, in order, and fills the freed place', () => {
    const engine = store();
    const parts = engine.documentPassages('global', 'store-cli').filter((p) => p.section?.endsWith('prune'));
    expect(parts).toHaveLength(2);
    const answer = ask(engine, 'is it safe to run pnpm store prune on my projects?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    const first = answer.results[0]!;
    expect(first.text).toBe(`${parts[0]!.text}\n\n${parts[1]!.text}`);
    expect([first.lineStart, first.lineEnd]).toEqual([parts[0]!.lineStart, parts[1]!.lineEnd]);
    expect(first.highlight).toContain('is not harmful and has no side effects');
    expect(answer.results).toHaveLength(3);
    expect(answer.results.map((r) => r.rank)).toEqual([1, 2, 3]);
  });
});

describe('ask: a yes or a no', () => {
  it('highlights the sentence that settles a yes/no question, not the one describing the thing', () => {
    const csrf = site({
      csrf: 'The csrf middleware validates the Origin header of incoming requests against the allowed origins. ' +
        'Tokens are never stored. The middleware only validates requests that use unsafe HTTP methods (not GET, HEAD, or OPTIONS).',
      cors: 'The cors middleware sets the Access-Control-Allow-Origin header.',
    });
    const answer = ask(csrf, 'does the csrf middleware also validate GET requests?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') expect(answer.results[0]!.highlight).toBe('The middleware only validates requests that use unsafe HTTP methods (not GET, HEAD, or OPTIONS).');
  });
});

function incidentSite(): Engine {
  return site({
    status: 'Status page: the password reset page was shut down on Monday and is back on Tuesday.',
    incident: 'Incident report: the password reset page was shut down because attackers used it to flood inboxes with emails.',
    billing: 'Invoices are sent on the first working day of each month.',
  });
}

describe('ask: what a thing is', () => {
  // Pages that repeat "RFC" more than the one passage saying what an RFC is.
  const rfcs = site({
    'rfc-status': 'Each RFC has a status label. When the RFC is approved, the RFC label says Approved. An abandoned RFC keeps its RFC number.',
    'rfc-numbers': 'Each RFC has a unique RFC number in its title, so readers can find the RFC quickly. RFC numbers are sequential.',
    'rfc-docs': 'We write each RFC in a shared document. An RFC document links to the RFC folder.',
    'rfc-intro': 'An RFC is a written proposal that asks the team for comments.',
  });

  it('puts first the passage stating the time a when-question asks for, though three strong ones rank above it', () => {
    const rotation = site({
      'handoff-notes': 'The on-call shift notes are kept in the channel, so the next shift can hand over.',
      'shift-duties': 'During the on-call shift, the engineer answers alerts and keeps notes of open issues to hand over.',
      'shift-ending': 'Ending the on-call shift: hand over the pager, then close your notes.',
      playbook: 'Each on-call shift starts and ends on Monday 9AM UTC, with the shift hand over in the channel.',
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`other-${i}`, `Page ${i} is about the deploy pipeline and its checks.`])),
    });
    const answer = ask(rotation, 'when does the on-call shift hand over?', { scopes: ['global'] });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') {
      expect(answer.results[0]!.docId).toBe('playbook');
      expect(answer.results[0]!.highlight).toContain('Monday 9AM UTC');
    }
  });

  it('answers "what is X?" with the passage that defines it, ahead of passages that only repeat it', () => {
    // Two results asked for: the defining passage ranks below both, so it comes from beyond those cited.
    const answer = ask(rfcs, 'What is an RFC?', { scopes: ['global'], top: 2 });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer') {
      expect(answer.results[0]!.docId).toBe('rfc-intro');
      expect(answer.results[0]!.highlight).toBe('An RFC is a written proposal that asks the team for comments.');
    }
  });
});

describe('ask: what to do', () => {
  const docs = site({
    'global-packages': [
      'Command: add -g <pkg> · Description: Install a package globally',
      'Command: list -g · Description: List what is there',
      'Command: update -g · Description: Update to the latest version',
      'Command: outdated -g · Description: Show what has a newer version',
      'Command: why -g <pkg> · Description: Show what depends on it',
    ].join('\n'),
    uninstalling: 'Uninstall global packages: run remove -g <pkg> for each package installed globally. Installing a package globally again restores it.',
  });

  it('gives the same first result whatever the number of results asked for', () => {
    // Cited both (top 3), the page on removing is ahead for its instruction: asked for one or five, it is still first.
    const both = ask(docs, 'How do I install a package globally?', { scopes: ['global'] });
    expect(both.kind === 'answer' && both.results.map((result) => result.docId)).toEqual(['uninstalling', 'global-packages']);
    for (const top of [1, 2, 5]) {
      const answer = ask(docs, 'How do I install a package globally?', { scopes: ['global'], top });
      expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('uninstalling');
    }
  });
});

describe('ask: what a thing is', () => {
  const readme = (lead: string) =>
    `${lead}\n\n## Install\n\n\`\`\`sh\nnpm install tslib\n# or: yarn add tslib, pnpm add tslib, bun add tslib\n\`\`\`\n\n## Usage\n\nImport tslib helpers when tslib is set as importHelpers.`;
  const docs = site(
    {
      tslib: readme('# tslib\n\nThis is a runtime library for TypeScript that contains all of the TypeScript helper functions.'),
      'fdir-readme': readme('# The Fastest Directory Crawler\n\nNothing beats it at crawling a folder of a million files in under a second.').replace(/tslib/g, 'fdir'),
      'other-tools': 'Many tools use tslib and fdir: tslib for helpers, fdir for crawling.',
      'cors-middleware': [
        '# CORS Middleware',
        'Browsers block calls from other origins unless the server allows them: this middleware answers with the headers that allow them, for the origins you list.',
        '## Import',
        "```ts\nimport { cors } from 'hono/cors'\n```",
        '## Options',
        'origin: the origins allowed, a string, a list, or a function of the request origin. Default: all origins. Set it to your site for cors with credentials.',
      ].join('\n\n'),
      'better-sqlite3': [
        '# better-sqlite3',
        'The fastest and simplest library for SQLite in Node.js.',
        '- Full transaction support\n- Easy-to-use synchronous API (better concurrency than an asynchronous API)',
        '## Install',
        '```sh\nnpm install better-sqlite3\n```',
      ].join('\n\n'),
      'retry-agent': [
        '# Class: RetryAgent',
        'Extends: `undici.Dispatcher`',
        'A `undici.Dispatcher` that retries a failed request.',
        '## `new RetryAgent(dispatcher, [options])`',
        '```js\nconst agent = new RetryAgent(new Agent())\n```',
      ].join('\n\n'),
      'retry-examples': 'Wrap any dispatcher in RetryAgent: a RetryAgent over a Pool retries, a RetryAgent over a Client retries too. See RetryAgent.',
      'child-loggers': [
        '# Child loggers',
        'To add "module":"foo" to every line a module logs, make one from the main logger: it carries those fields into each line.',
        '## Cost of child logging',
        'Child logger creation is fast. A child logger logs as fast as its parent, and a child logger of a child logger costs no more.',
      ].join('\n\n'),
    },
    { markdown: true, titles: { 'retry-agent': 'Class: RetryAgent' } },
  );

  it.each([
    ['what does tslib do?', 'tslib', 'This is a runtime library for TypeScript'],
    ['what is fdir?', 'fdir-readme', 'Nothing beats it at crawling'],
    // A question of one word asks what it is, as a search box does; the only page whose title starts with it is about it.
    ['cors', 'cors-middleware', 'Browsers block calls from other origins'],
    // The page is titled in the plural: titles are compared by their words as analysed.
    ['what is a child logger?', 'child-loggers', 'To add "module":"foo" to every line'],
    // No sentence names it: the lead says what it is, not the feature line holding "better".
    ['what is better-sqlite3?', 'better-sqlite3', 'The fastest and simplest library for SQLite'],
    // An API reference's title says what kind of thing it documents; the lead is past its label lines.
    ['what is RetryAgent?', 'retry-agent', 'A undici.Dispatcher that retries a failed request.'],
  ])('answers "%s" from the opening of the page about it, not its install commands', (question, docId, lead) => {
    const answer = ask(docs, question, { scopes: ['global'] });
    expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe(docId);
    expect(answer.kind === 'answer' && answer.results[0]!.highlight).toMatch(new RegExp(`^${lead}`));
  });
});

describe('ask: a pasted message', () => {
  const docs = site({
    errors: 'If the dev server fails with "Server responded with status code 431", reduce the request header size.',
    environment: 'The environment of a build is managed by the mode. An error in the config stops the build; install the dependencies first.',
  });

  it('answers a quoted message the documents hold', () => {
    const answer = ask(docs, "requests fail with 'Server responded with status code 431'", { scopes: ['global'] });
    expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('errors');
  });

  it('does not answer a quoted message whose words the documents only scatter', () => {
    const answer = ask(docs, "pip install fails with 'error: externally-managed-environment'", { scopes: ['global'] });
    expect(answer.kind).toBe('no-match');
  });
});

describe('ask: a default asked as a number or a setting', () => {
  const config = site(
    {
      'test-timeout':
        '# testTimeout\n\n- **Type:** `number`\n- **Default:** `5_000` in Node.js, `15_000` if `browser.enabled` is `true`\n- **CLI:** `--test-timeout=5000`\n\nDefault timeout of a test in milliseconds. Use `0` to disable timeout completely.',
      pool: "# pool\n\n- **Type:** `'threads' | 'forks' | 'vmForks'`\n- **Default:** `'forks'`\n- **CLI:** `--pool=threads`\n\nPool used to run tests in.",
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`page-${i}`, `# Page ${i}\n\nThe test runner reads option ${i} from the config file.`])),
    },
    { markdown: true },
  );
  const highlight = (question: string) => {
    const answer = ask(config, question, { scopes: ['global'] });
    return answer.kind === 'answer' ? answer.results[0]!.highlight : answer.kind;
  };

  it('highlights the value stated as the default, not another number of the page', () => {
    expect(highlight("what's the default test timeout?")).toMatch(/^Default: 5_000 in Node\.js/);
  });

  it('highlights the default line, not the description, when the CLI flag matches the question too', () => {
    expect(highlight("what's the default pool?")).toBe("Default: 'forks'");
  });
});

describe('ask: clipped words', () => {
  it('answers "env" and "repo" from pages that write environment and repository', () => {
    const docs = site({
      'environment-variables': 'Environment variables are read once, when the server starts. Set each variable in the shell before you start the server.',
      ports: 'Set the port variable in the shell to change the port the server listens on.',
      'source-control': 'Every service has its own repository. Clone the repository and run the setup script once.',
      scripts: 'Run the setup script again after you pull new changes.',
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`page-${i}`, `Page ${i} describes the server and how it is run.`])),
    });
    const first = (question: string) => {
      const answer = ask(docs, question, { scopes: ['global'] });
      return answer.kind === 'answer' ? answer.results[0]!.docId : answer.kind;
    };
    expect(first('how do I set an env variable for the server?')).toBe('environment-variables');
    expect(first('where do I clone the repo from?')).toBe('source-control');
  });
});

describe('ask: related documents', () => {
  const onboarding = {
    onboarding:
      '# Onboarding\n\n## Your laptop\n\nYour laptop ships on your first Monday, and arrives by Wednesday.\n\n## When it is late\n\nAsk the help desk if the laptop has not arrived by Wednesday.\n\n## Accessories\n\nOrder a monitor with the stipend; it arrives a week after the laptop.',
    repairs: '# Repairs\n\nA laptop that arrived broken goes back to the vendor within a week.',
    // Shares "Monday", "Wednesday", "order", "help" and "stipend" with the answer, and nothing with the question.
    trade: '# Trade\n\nThe trade talks will help both sides. The order was signed on a Monday, and talks resume on Wednesday with a stipend.',
    ...otherMarkdownPages(),
  };
  const relatedTo = (pages: Record<string, string>) => {
    const answer = ask(site(pages, { markdown: true }), 'when does my laptop arrive', { scopes: ['global'] });
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    return answer.related.map((doc) => doc.docId);
  };

  it('offers a further page matching the question as related, never one sharing only words of the answer', () => {
    expect(relatedTo(onboarding)).toEqual([]);
    const travel = '# Travel\n\nTake your laptop on trips. If it arrives damaged after a flight, file a claim with the airline on the day it arrives.';
    expect(relatedTo({ ...onboarding, travel })).toEqual(['travel']);
  });

  it('offers a page as related when the results already cite three others', () => {
    const pages = {
      repairs: '# Repairs\n\nA laptop that arrived broken goes back to the vendor within a week.',
      refresh: '# Refresh\n\nLaptops are replaced every three years; the new laptop arrives before the old one goes back.',
      loaners: '# Loaners\n\nA loaner laptop is lent while yours is repaired, until your own laptop arrives.',
      travel: '# Travel\n\nTake your laptop on trips. If it arrives damaged after a flight, file a claim with the airline.',
      ...otherMarkdownPages(),
    };
    const answer = ask(site(pages, { markdown: true }), 'when does my laptop arrive', { scopes: ['global'] });
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    const cited = new Set(answer.results.map((result) => result.docId));
    expect(cited.size).toBe(3);
    expect(answer.related.map((doc) => doc.docId)).toEqual(['repairs', 'refresh', 'loaners', 'travel'].filter((id) => !cited.has(id)));
  });
});
