import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../passages/split-passages.js';
import { analyze, analyzeWithOffsets } from '../engine/engine.js';
import { namedIdentifiers, selectHighlight } from './select-highlight.js';
import { pastedWords, typedWords } from './pasted-words.js';
import { answerEntities, verdictsAt } from './answer-entities.js';
import type { AnswerType } from './answer-type.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'corpus');
const passages = readdirSync(CORPUS).flatMap((file) => splitPassages(file, readFileSync(join(CORPUS, file), 'utf8')).map((p) => p.text));

describe('selectHighlight', () => {
  it('picks the same sentences from the passage analysed once as sentence by sentence', () => {
    let compared = 0;
    for (const [i, text] of passages.entries()) {
      const analyzed = analyzeWithOffsets(text);
      if (!analyzed) continue;
      const terms = [...new Set(analyze(text))];
      for (const pick of [2, 3, 5]) {
        const weights = new Map(terms.filter((_, k) => (k + i) % pick === 0).map((term, k) => [term, 1 + (k % 4)]));
        expect(selectHighlight(text, weights, analyzed)).toEqual(selectHighlight(text, weights));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  const weightsOf = (question: string) => new Map(analyze(question).map((term) => [term, 1] as const));
  const pick = (text: string, question: string) => {
    const { start, end } = selectHighlight(text, weightsOf(question), analyzeWithOffsets(text));
    return text.slice(start, end);
  };

  it('reads on into the sentence that goes on from the best one, and back to the one the best points at, not into one that only leads on', () => {
    const text =
      'In some cases like webworker runtimes, you might want to bundle your SSR build into a single JavaScript file. You can enable this behavior by setting ssr.noExternal to true. Other options are listed below.';
    expect(pick(text, 'ssr bundle everything into a single file for a webworker runtime')).toBe(
      'In some cases like webworker runtimes, you might want to bundle your SSR build into a single JavaScript file. You can enable this behavior by setting ssr.noExternal to true.',
    );
    const steps = 'New hires meet their manager for a formal performance review at the 3-month, 6-month and 1-year marks. Then it becomes a yearly chat around the anniversary. Notes are kept.';
    expect(pick(steps, 'when do new hires meet their manager?')).toBe(
      'New hires meet their manager for a formal performance review at the 3-month, 6-month and 1-year marks. Then it becomes a yearly chat around the anniversary.',
    );
    const pointsBack =
      'Intro to assets. Then you can place the asset in a special public directory under your project root. Assets in this directory are served at the root path and copied as-is when you build.';
    expect(pick(pointsBack, 'where do I put robots.txt so it is copied as-is?')).toBe(
      'Then you can place the asset in a special public directory under your project root. Assets in this directory are served at the root path and copied as-is when you build.',
    );
    const leads = 'We run a number of internal systems that help us support and operate the company every single day. They are as follows:';
    expect(pick(leads, 'which internal systems do we run?')).toBe('We run a number of internal systems that help us support and operate the company every single day.');
    // Leading into code while saying some of what is asked, it goes on.
    const intoCode =
      'The prop is used to pass in an initial value, and the child component wants to use it locally afterwards. In this case, define a local data property that uses the prop as its initial value:\n\n```js\nconst counter = ref(props.initialCounter)\n```';
    expect(pick(intoCode, 'the child wants to change a prop it got as an initial value locally')).toBe(
      'The prop is used to pass in an initial value, and the child component wants to use it locally afterwards. In this case, define a local data property that uses the prop as its initial value:',
    );
  });

  it('never opens a highlight with a sentence that points back, and reads on into a consequence ("As a result, …") or a contrast ("However, …")', () => {
    const hidden =
      'Scripts with names starting with . are hidden. They cannot be run directly via pnpm run and are omitted from the pnpm run listing. Hidden scripts can only be called from other scripts.';
    expect(pick(hidden, 'can I have helper scripts that can only be called by other scripts?')).toBe(hidden);
    const reflinks =
      'While Btrfs does not allow cross-device hardlinks between different subvolumes in a single partition, it does permit reflinks. As a result, pnpm utilizes reflinks to share data between these subvolumes.';
    expect(pick(reflinks, 'does it work with btrfs subvolumes in one partition if hardlinks do not?')).toBe(reflinks);
    const contrast =
      'So if foo occupies 1MB of space, it will look like it occupies 1MB in the project folder and the same amount in the global store. However, that 1MB is the same space on the disk.';
    expect(pick(contrast, 'why does my project folder look like it takes space if packages live in the global store?')).toBe(contrast);
  });

  it('reads on into the next step when the neighbour joined goes on ("Then create …")', () => {
    const steps =
      'On Node.js, WebSocket support is built into the node server. To enable it, install ws. Then create a WebSocketServer with noServer set and pass it to serve(). Other runtimes differ.';
    expect(pick(steps, 'how do i set up websockets on node?')).toBe(steps.slice(0, steps.indexOf(' Other')));
  });

  it('never highlights a code fence or the code of a passage that has prose', () => {
    const text = 'Set the port in the config file.\n\n```ts\nexport default { server: { port: 3000 } }\n```';
    expect(pick(text, 'How do I set the server port?')).toBe('Set the port in the config file.');
  });

  it('highlights the best code line of a passage that is all code, never its fence', () => {
    const text = '```ts\nimport { defineConfig } from "vite"\nexport default defineConfig({ server: { port: 3000 } })\n```';
    expect(pick(text, 'server port')).toBe('export default defineConfig({ server: { port: 3000 } })');
  });

  it('reads a short sentence on into its own paragraph, not into the next one', () => {
    const text = 'Deploys happen every Tuesday and Thursday after 2pm. Never deploy on Fridays.\n\nIf the invoice job fails, rerun it with the retry flag.';
    expect(pick(text, 'can I deploy on friday?')).toBe('Deploys happen every Tuesday and Thursday after 2pm. Never deploy on Fridays.');
  });

  it('highlights the code line that matches when no prose sentence holds a word of the question', () => {
    const text = '```js\nconst client = new Client({\n  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],\n});\n```\n\nWarning\n\nNote that the library relies heavily on caching.';
    expect(pick(text, 'how do I get the message content intent?')).toBe('  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],');
  });

  it('leaves a list item\'s bullet out of the highlight', () => {
    const text = 'Leave types:\n• Parental leave is sixteen weeks at full pay.\n• Sick leave has no fixed limit.';
    expect(pick(text, 'How long is parental leave?')).toBe('Parental leave is sixteen weeks at full pay.');
  });

  it('never highlights an option\'s metadata lines or a callout title, even when nothing matches the question', () => {
    const text = '• Type: number\n• Default: 500\n\nLimit for chunk size warnings (in kB). It is compared against the uncompressed chunk size.';
    expect(pick(text, 'chunkSizeWarningLimit')).toMatch(/^Limit for chunk size warnings \(in kB\)\./);
    const tip = 'Tip: Importing files\n\nSince the same code is prepended to files in different directories, relative paths won\'t resolve. Use absolute paths instead.';
    expect(pick(tip, 'importing files')).not.toContain('Tip:');
    const untitled = 'Warning\n\nThe cache fills as events arrive, so disabling them empties it.';
    expect(pick(untitled, 'member list')).toBe('The cache fills as events arrive, so disabling them empties it.');
  });

  it('never highlights a plain text\'s heading or title line, and still a short sentence in title case with its full stop', () => {
    const story = 'US Targets In Agreement With Russia To Join WTO\n\nIn a letter from the USA to Russia regarding what it must achieve to join the WTO, it appears the site must be shut down.';
    expect(pick(story, 'wto')).toBe('In a letter from the USA to Russia regarding what it must achieve to join the WTO, it appears the site must be shut down.');
    const report = "Growing Piracy in Russia's Regions\n\nRights holders tell us that Russia's regions are becoming hotbeds for pirated goods.";
    expect(pick(report, 'piracy')).toBe("Rights holders tell us that Russia's regions are becoming hotbeds for pirated goods.");
    const sentence = 'Piracy Grew.\n\nNothing else here.';
    expect(pick(sentence, 'piracy')).toBe('Piracy Grew.');
  });

  it('highlights a line whose label names what is asked: an entry of a list, not a label', () => {
    const text =
      'We keep chat history for a set time:\n\n• DMs: 18 months retention\n• Private channels: 18 months retention\n• Support & Trial channels: 5 years retention';
    expect(pick(text, 'slack dm retention')).toBe('DMs: 18 months retention');
  });

  it('highlights an option\'s label stating a value of the kind asked, when no sentence holding the question\'s words states one', () => {
    const text = '• Default: 10080 (7 days in minutes)\n• Type: number\n\nThe time in minutes after which orphan packages from the modules directory are removed.';
    const question = 'how long does pnpm keep orphaned packages in node_modules before it removes them?';
    const terms = new Set(analyze(question));
    const at = (type: 'duration' | 'advice') => {
      const h = selectHighlight(text, new Map([...terms].map((t) => [t, 1])), undefined, { terms, tokens: typedWords(question), type, entityAt: answerEntities(text, 'duration', terms) });
      return text.slice(h.start, h.end);
    };
    expect(at('duration')).toBe('Default: 10080 (7 days in minutes)');
    // A statement asked for is said in a sentence, never by a label.
    expect(at('advice')).toMatch(/^The time in minutes/);
  });

  it('highlights a table row (cells joined by " · "): it is content, not a label', () => {
    const text = 'Command: pnpm add -g <pkg> · Description: Install a package globally\nCommand: pnpm list -g · Description: List the packages\n\nNote\n\nInstalling without arguments is not supported.';
    expect(pick(text, 'how do I install a package globally?')).toBe('Command: pnpm add -g <pkg> · Description: Install a package globally');
  });

  it('breaks a tie for the earlier sentence even when the same weights sum differently in the last bits', () => {
    // Summed in the order each sentence holds them, 0.3 + 0.2 + 0.1 = 0.6 but 0.1 + 0.2 + 0.3 = 0.6000000000000001.
    const text = 'Gamma beta alpha first.\n\nAlpha beta gamma second.';
    const weights = new Map([['alpha', 0.1], ['beta', 0.2], ['gamma', 0.3]]);
    const { start, end } = selectHighlight(text, weights, analyzeWithOffsets(text));
    expect(text.slice(start, end)).toBe('Gamma beta alpha first.');
  });

  it('highlights a sentence of a Chinese passage, not the whole passage', () => {
    const sentences = Array.from({ length: 20 }, (_, i) => `第${i + 1}条规定适用于第${i + 3}号车道的行人。`);
    sentences[12] = '斑马线政策由市议会在一九五一年通过，行人在条纹人行横道上享有优先权。';
    const [passage] = splitPassages('zh', sentences.join(''));
    const weights = new Map(analyze('斑马线政策').map((term) => [term, 1]));
    const { start, end } = selectHighlight(passage!.text, weights);
    expect(passage!.text.slice(start, end)).toContain(sentences[12]);
    expect(end - start).toBeLessThanOrEqual(sentences[12]!.length + 40);
  });
});

describe('selectHighlight with the question', () => {
  const highlightOf = (text: string, question: string, entityAt?: number[], type?: AnswerType) => {
    const terms = new Set(analyze(question));
    const weights = new Map([...terms].map((t) => [t, 1]));
    const h = selectHighlight(text, weights, undefined, { terms, tokens: typedWords(question), ...(entityAt && { entityAt }), ...(type && { type }) });
    return text.slice(h.start, h.end);
  };

  it('does not take a sentence restating an identifier the question names for a pasted message', () => {
    const text =
      'Setting server.allowedHosts to true allows any website to send requests to your dev server through DNS rebinding attacks. We recommend an explicit list of allowed hosts.';
    expect(highlightOf(text, 'Is it safe to set server.allowedHosts to true so my tunnel URL works?')).toMatch(/^Setting server\.allowedHosts to true allows/);
  });

  it('does not take the sentence answering a question in its own words for a message pasted into it', () => {
    const text =
      'Add overrides to force non-vulnerable versions.\n\nUse --fix=update to fix vulnerabilities by updating packages in the lockfile instead of adding overrides.\n\nWhen minimumReleaseAge is set, --fix also adds the minimum patched version of each advisory.';
    const question = 'can pnpm audit --fix bump the versions in the lockfile instead of adding a pile of overrides?';
    const terms = new Set(analyze(question));
    const weights = new Map([...terms].map((t) => [t, 1]));
    const pick = (tokens: string[]) => {
      const h = selectHighlight(text, weights, undefined, { terms, tokens });
      return text.slice(h.start, h.end);
    };
    expect(pick(pastedWords(question))).toMatch(/^Use --fix=update/);
    // Read as a message pasted whole, the six words it shares made it a prompt, and the next sentence was chosen.
    expect(pick(typedWords(question))).toMatch(/^When minimumReleaseAge/);
  });

  it('highlights the sentence after an error message the asker pasted', () => {
    const text = 'Error: ENOSPC: System limit for number of file watchers reached. Increase the limit with sysctl to fix it.';
    expect(highlightOf(text, 'getting Error: ENOSPC: System limit for number of file watchers reached, how do I fix it?')).toBe('Increase the limit with sysctl to fix it.');
  });

  it('after a pasted message, highlights the best sentence of the asked type that follows it', () => {
    const text =
      'When the server receives a large HTTP header, the request will be dropped and the following warning will be shown.\n\n' +
      'Server responded with status code 431. See https://vite.dev/guide/troubleshooting.html#_431-request-header-fields-too-large.\n\n' +
      'This is because Node.js limits request header size to mitigate CVE-2018-12121.\n\n' +
      'To avoid this, try to reduce your request header size. For example, if the cookie is long, delete it.';
    const question = "the dev server started failing requests with 'Server responded with status code 431'";
    expect(highlightOf(text, question, answerEntities(text, 'advice', new Set(analyze(question))))).toMatch(/^To avoid this, try to reduce your request header size\./);
  });

  it('after a pasted message, keeps the sentence that explains it together with the advice that follows', () => {
    const text =
      'Using a Node.js module in browser code prints a warning.\n\n' +
      'Module "fs" has been externalized for browser compatibility. Cannot access "fs.readFile" in client code.\n\n' +
      'This is because the bundler does not polyfill Node.js modules.\n\n' +
      'We recommend avoiding Node.js modules in browser code, although you can add polyfills by hand.';
    const question = 'Module "fs" has been externalized for browser compatibility. Cannot access "fs.readFile" in client code.';
    const highlight = highlightOf(text, question, answerEntities(text, 'advice', new Set(analyze(question))));
    expect(highlight).toMatch(/^This is because the bundler does not polyfill Node\.js modules\./);
    expect(highlight).toMatch(/you can add polyfills by hand\.$/);
  });

  it('after a pasted message that a sentence introduces as an example ("This may cause errors like:"), highlights what it is an example of', () => {
    const text =
      'The default import returns the module.exports object for CommonJS modules, while you may expect the default export.\n\n' +
      'This may cause errors like:\n\n' +
      'Element type is invalid: expected a string or a class/function but got: object.\n\n' +
      'See the bundler docs about ambiguous default imports for more details.';
    const question = "After switching to a default import I get 'Element type is invalid: expected a string or a class/function but got: object'";
    expect(highlightOf(text, question)).toMatch(/^The default import returns the module\.exports object/);
    // Introduced by a sentence that does not point back, the message is followed by what it means.
    const ahead = text.replace('This may cause errors like:', 'If you see the following error:');
    expect(highlightOf(ahead, question)).toMatch(/^See the bundler docs/);
    // A sentence saying the message follows from what was said before it introduces it too.
    const follows = text.replace('This may cause errors like:', 'Importing it that way will result in the following error.');
    expect(highlightOf(follows, question)).toMatch(/^The default import returns the module\.exports object/);
  });

  it('joins the neighbour holding what is asked when the best sentence only names the subject', () => {
    const text =
      'Kandji is how we make sure all work Mac laptops are securely configured and running the latest software updates. ' +
      'It helps us reduce our exposure to security incidents. You can read more about this in Managing work devices.';
    const question = 'Why do we manage our Macs with Kandji at all?';
    expect(highlightOf(text, question, answerEntities(text, 'reason', new Set(analyze(question))))).toBe(
      'Kandji is how we make sure all work Mac laptops are securely configured and running the latest software updates. It helps us reduce our exposure to security incidents.',
    );
  });

  it('takes a consequence drawn with "therefore" as the reason a why-question asks for', () => {
    const text =
      'The dev server serves all code as native ES modules. Therefore, it must convert dependencies shipped as CommonJS first. ' +
      'When converting CommonJS dependencies, it analyses imports so that named imports work.';
    const question = 'Why does the dev server convert dependencies?';
    expect(highlightOf(text, question, answerEntities(text, 'reason', new Set(analyze(question))))).toMatch(/Therefore, it must convert dependencies shipped as CommonJS first\.$/);
  });

  it('prefers an instruction for a "how do I" only when it holds half the best sentence\'s question weight', () => {
    const text = 'Get the value of a header.\n\nHeaders are read from the request.\n\nWhen header() is called with no arguments, all keys of the returned record are lowercase.';
    const choose = (question: string) => {
      const terms = new Set(analyze(question));
      const h = selectHighlight(text, new Map([...terms].map((t) => [t, 1])), undefined, { terms, tokens: typedWords(question), type: 'advice', entityAt: answerEntities(text, 'advice', terms) });
      return text.slice(h.start, h.end);
    };
    expect(answerEntities(text, 'advice', new Set())).toEqual([0]);
    expect(choose('how do I read record keys when I call header() with no arguments?')).toMatch(/^When header\(\) is called/);
    expect(choose('how do I get the value of a header?')).toBe('Get the value of a header.');
  });

  it('for a fix, takes the best sentence with the instruction that follows it over a weaker instruction elsewhere', () => {
    const text =
      'You can handle uncaught exceptions with onError and their getResponse method.\n\nWarning\n\n' +
      'The getResponse method is not aware of the context headers. To include headers already set in the context, you must apply them to a new response.';
    const question = "i set a header on the context, threw an exception, and getResponse doesn't have my header";
    expect(highlightOf(text, question, answerEntities(text, 'advice', new Set(analyze(question))), 'advice')).toBe(text.slice(text.indexOf('The getResponse')));
  });

  it('counts an identifier the question names and its words as one mention', () => {
    const text = 'You can use serveStatic to serve static files from the local file system.\n\nEach request reads the file again, so edits show at once.\n\nThe root option resolves paths relative to the current working directory.';
    const question = 'what is the root option of serveStatic relative to?';
    const terms = new Set(analyze(question));
    const pick = (partsOf?: Map<string, string[]>) => {
      const h = selectHighlight(text, new Map([...terms].map((t) => [t, 1])), undefined, { terms, tokens: typedWords(question), ...(partsOf && { partsOf }) });
      return text.slice(h.start, h.end);
    };
    expect(namedIdentifiers(question)).toEqual(new Map([[analyze('serveStatic')[0]!, analyze('serveStatic').slice(1)]]));
    expect(pick(namedIdentifiers(question))).toBe('The root option resolves paths relative to the current working directory.');
    // Counted three times (the identifier, "serve", "static"), the sentence naming it ties and, first, wins.
    expect(pick()).toMatch(/^You can use serveStatic/);
  });

  it('highlights a label line ("Default: 5173") when it holds what the question asks for', () => {
    const text = '• Type: number\n• Default: 5173\n\nSpecify server port. If the port is already in use, the next free port is tried.';
    const question = "what's the default server port?";
    expect(highlightOf(text, question, answerEntities(text, 'default', new Set(analyze(question))))).toMatch(/^Default: 5173\b/);
    // Asked something else, the label stays out.
    expect(highlightOf(text, 'which server port is tried when it is in use?')).not.toContain('Default');
  });

  it('looks past a label holding the question\'s words to the line holding what it asks, above it or below', () => {
    // "CLI: --pool=threads" matches "pool" as much as the description does, and comes first.
    const text = "• Type: 'threads' | 'forks' | 'vmForks'\n• Default: 'forks'\n• CLI: --pool=threads\n\nPool used to run tests in.";
    const question = "what's the default pool?";
    const weights = new Map([['default', 1], ['pool', 2]]);
    const terms = new Set(analyze(question));
    const h = selectHighlight(text, weights, undefined, { terms, tokens: typedWords(question), type: 'default', entityAt: answerEntities(text, 'default', terms) });
    expect(text.slice(h.start, h.end)).toBe("Default: 'forks'");
  });

  it('of two list items holding as much of the question, takes the one opening with the identifier it names', () => {
    const text =
      '• keepAliveMaxTimeout number - Default: 600e3 - The maximum allowed keepAliveTimeout, in milliseconds, when overridden by keep-alive hints.\n' +
      '• keepAliveTimeout number - Default: 4e3 - The timeout, in milliseconds, after which an idle socket times out.';
    const question = 'what is the default keepAliveTimeout?';
    const terms = new Set(analyze(question));
    const weights = new Map([...terms].map((t) => [t, 1]));
    const h = selectHighlight(text, weights, undefined, { terms, tokens: typedWords(question), partsOf: namedIdentifiers(question) });
    expect(text.slice(h.start, h.end)).toMatch(/^keepAliveTimeout number - Default: 4e3/);
  });

  it('highlights the label holding the question\'s words, not the caption after it that only leads into code', () => {
    const text = '• domain: string\n• maxAge: number\n• secure: boolean\n\nExample:\n\n```ts\nsetCookie(c, "name", "value", { maxAge: 1000 })\n```';
    expect(highlightOf(text, "what's the longest maxAge the cookie helper will accept?")).toBe('maxAge: number');
  });

  it('settles a yes/no question with the sentence saying "not" or "only" about it, when it holds enough of the question', () => {
    const question = 'can RegExpRouter handle every kind of route pattern by itself?';
    const text =
      'RegExpRouter turns every route pattern into one large regular expression. It is the fastest router. ' +
      "However, RegExpRouter doesn't support all routing patterns, so it is combined with another router. Routers are chosen at start-up.";
    const settle = (body: string) => {
      const terms = new Set(analyze(question));
      const h = selectHighlight(body, new Map([...terms].map((t) => [t, 1])), undefined, { terms, tokens: typedWords(question), verdictAt: verdictsAt(body) });
      return body.slice(h.start, h.end);
    };
    expect(settle(text)).toBe("However, RegExpRouter doesn't support all routing patterns, so it is combined with another router.");
    // Next to the best sentence, the settling one joins it.
    const adjacent = 'RegExpRouter turns every route pattern into one large regular expression. It only matches static paths. Routers are chosen at start-up.';
    expect(settle(adjacent)).toBe('RegExpRouter turns every route pattern into one large regular expression. It only matches static paths.');
    // A "not" in a sentence holding little of the question does not displace the best one.
    const weak = 'RegExpRouter turns every route pattern into one large regular expression, compiled once at start-up. Do not panic.';
    expect(settle(weak)).toBe('RegExpRouter turns every route pattern into one large regular expression, compiled once at start-up.');
    // A verdict goes on with the limit said next to it.
    const limited = 'RegExpRouter handles every kind of route pattern only when the pattern is static and known at start-up. Each pattern must be under 100 characters. Routers are chosen at start-up.';
    expect(settle(limited)).toBe('RegExpRouter handles every kind of route pattern only when the pattern is static and known at start-up. Each pattern must be under 100 characters.');
  });

  it('answers a "can I" question yes with the best sentence saying "can" and all else asked that the passage says, over a "not" said of less', () => {
    const question = 'can I use my training money to buy books';
    const text =
      'You can also use your training budget to buy books for self-guided study at home or at the office. Approval for using books is like approval for trainings, but the forms are not designed for book purchases.';
    const terms = new Set(analyze(question));
    const settle = (modal: string | undefined) => {
      const h = selectHighlight(text, new Map([...terms].map((t) => [t, 1])), undefined, { terms, tokens: pastedWords(question), verdictAt: verdictsAt(text), ...(modal && { modal }) });
      return text.slice(h.start, h.end);
    };
    expect(settle('can')).toBe('You can also use your training budget to buy books for self-guided study at home or at the office.');
    // Without the modal, the "not" settles it, and joins the best sentence beside it.
    expect(settle(undefined)).toBe(text);
  });

  it('counts the entries of an enumeration for the line introducing it, and never highlights an entry alone', () => {
    const text =
      '• Out of Office - #670: Any time you are out of office for less than 3 weeks, whatever the reason. Including:\n  • Federal holidays,\n  • Vacations,\n  • Sick leave, and\n  • Bereavement\n' +
      '• Extended Out of Office - #1810: Intended for when you are out for 3 weeks or longer, using donated leave.';
    expect(highlightOf(text, 'which tock line for a vacation of one week?')).toBe('Out of Office - #670: Any time you are out of office for less than 3 weeks, whatever the reason.');
    // The entry without a comma closes the enumeration.
    expect(highlightOf(text, 'bereavement')).toBe('Out of Office - #670: Any time you are out of office for less than 3 weeks, whatever the reason.');
    // A list of sentences is no enumeration.
    const steps = '• Open the form.\n• Pick vacation as the reason.\n• Submit it to your manager.';
    expect(highlightOf(steps, 'vacation reason')).toBe('Pick vacation as the reason.');
  });

  it('never highlights a sentence that only sends the reader elsewhere', () => {
    const text = 'Install a package globally. See Global Packages for details on global packages and where a package is installed.';
    expect(highlightOf(text, 'where is a global package installed?')).toBe('Install a package globally.');
  });

  it('highlights the sentence after a rhetorical question', () => {
    const text = 'Why does the dev server restart on every change? The watcher follows symlinked config files, so a change restarts it.';
    expect(highlightOf(text, 'why does the dev server restart on config change')).toBe('The watcher follows symlinked config files, so a change restarts it.');
  });

  it('does not take a sentence that opens with the question\'s words but holds the answer for a pasted message', () => {
    const text =
      '• Paid Family Leave for Bonding with a new baby or after the placement of an adopted or foster child, up to 16 weeks.\n' +
      '• Paid Family Leave for Family Care to care for a seriously ill or injured family member, up to 12 weeks.';
    const question = 'How long is paid family leave for bonding with a new baby?';
    expect(highlightOf(text, question, [text.indexOf('16 weeks'), text.indexOf('12 weeks')])).toBe(
      'Paid Family Leave for Bonding with a new baby or after the placement of an adopted or foster child, up to 16 weeks.',
    );
  });

  it('for a name, joins the neighbour naming another one and adding words of the question', () => {
    const text =
      'Pushed out of the big shops and the Central market, pirates now work through smaller markets. ' +
      'The square by Lesnaya station is best known for discs. Prices have not changed.';
    const question = 'Where are pirated discs sold now that they left the big shops?';
    const names = [text.indexOf('Central'), text.indexOf('Lesnaya')];
    const highlight = (type: 'name' | 'advice') => {
      const terms = new Set(analyze(question));
      const h = selectHighlight(text, new Map([...terms].map((t) => [t, 1])), undefined, { terms, tokens: typedWords(question), type, entityAt: names });
      return text.slice(h.start, h.end);
    };
    expect(highlight('name')).toBe(text.slice(0, text.indexOf(' Prices')));
    // Advice is a statement, not a thing named: its best sentence stands alone.
    expect(highlight('advice')).toBe(text.slice(0, text.indexOf(' The square')));
  });

  it('reads a section\'s opening sentence that points back ("This is …") as saying what its heading names', () => {
    const text = 'This is currently a noop and is there for backward compatibility. To mark the module as not hot-updatable, so that a change to it reloads the whole page, use hot.invalidate().';
    const question = "import.meta.hot.decline() doesn't seem to do anything";
    const terms = new Set(analyze(question));
    const weights = new Map([...terms].map((t) => [t, 1]));
    const pick = (heading?: string[]) => {
      const h = selectHighlight(text, weights, undefined, { terms, tokens: typedWords(question), ...(heading && { heading }) });
      return text.slice(h.start, h.end);
    };
    expect(pick(analyze('hot.decline()'))).toMatch(/^This is currently a noop/);
    // Without the heading it opens (a passage further into the section), the sentence naming "hot" wins.
    expect(pick()).toMatch(/^To mark the module/);
  });

  it('prefers a sentence holding an entity of the type asked for', () => {
    const text =
      'Member countries of the WTO negotiate trade rules together, in rounds that can last for many years and end in one package. ' +
      'Of the 193 countries in the United Nations, the WTO counts 164 as its member states today.';
    expect(highlightOf(text, 'How many member countries does the WTO have?', [text.indexOf('193'), text.indexOf('164')])).toBe(
      'Of the 193 countries in the United Nations, the WTO counts 164 as its member states today.',
    );
  });
});
