// The fake Discord, exercised with the REAL discord.js 14 Client (REST + Gateway over loopback).

import { inflateSync, constants as zlibConstants } from 'node:zlib';
import {
  ActionRowBuilder,
  ButtonBuilder,
  type ButtonComponent,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  GuildMember,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  REST,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ClientEvents,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let clients: Client[] = [];

function newClient(extra: Partial<ClientOptions> = {}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // facts §1.1: offset 0 makes 429 waits exact, retries 0 and a short timeout keep failures fast.
    rest: { api: fake.apiBase, offset: 0, retries: 0, timeout: 2000 },
    waitGuildTimeout: 500,
    ...extra,
  });
  clients.push(client);
  return client;
}

/** The next `event` the client emits, or a rejection after `timeoutMs` (so a dropped payload fails fast). */
function nextEvent<K extends keyof ClientEvents>(client: Client, event: K, timeoutMs = 3000): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: ClientEvents[K]) => {
      clearTimeout(timer);
      resolve(args);
    };
    client.once(event, listener);
  });
}

/** A logged-in client that has seen clientReady, with the fake ready to dispatch. */
async function connect(extra: Partial<ClientOptions> = {}): Promise<Client> {
  const client = newClient(extra);
  const ready = nextEvent(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  await fake.waitForReady();
  return client;
}

/** The next interaction the client emits (discord.js drops malformed payloads silently, facts §3.1). */
async function nextInteraction(client: Client): Promise<Interaction> {
  return (await nextEvent(client, Events.InteractionCreate))[0];
}

function expectApiError(err: unknown, status: number, code: number): void {
  expect(err).toBeInstanceOf(DiscordAPIError);
  expect((err as DiscordAPIError).status).toBe(status);
  expect((err as DiscordAPIError).code).toBe(code);
}

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  clients = [];
  await fake.close();
});

describe('login', () => {
  it('logs in with one GET /gateway/bot, IDENTIFY, READY and a cached guild', async () => {
    const client = await connect();

    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.name).toBe('Test Guild');
    expect(guild?.channels.cache.get(fake.guild.channels[0]!.id)?.name).toBe('general');
    expect(guild?.members.me?.id).toBe(fake.botUser.id);

    // facts §2: the only REST call made by login.
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 200']);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
    expect(fake.gatewayConnections[0]).toMatchObject({ path: '/gateway', query: { v: '10', encoding: 'json' }, compress: false });
    const identify = fake.gatewayFrames.find((f) => f.direction === 'in' && f.op === 2);
    expect(identify?.d).toMatchObject({ token: fake.token, intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    const sent = fake.gatewayFrames.filter((f) => f.direction === 'out' && f.op === 0);
    expect(sent.map((f) => [f.t, f.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
    ]);
  });

  it('rejects login with a wrong token (401 on /gateway/bot)', async () => {
    const client = newClient();
    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    expect(fake.requests.map((r) => [r.path, r.status, r.auth])).toEqual([['/gateway/bot', 401, 'invalid']]);
    expect(fake.gatewayConnections).toHaveLength(0);
  });
});

describe('interactions', () => {
  it('delivers a chat-input command with options, cached guild and member; records reply()', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    const h = fake.chatInput('echo', { text: 'hello', times: 2 });
    const i = await got;

    if (!i.isChatInputCommand() || !i.inCachedGuild()) throw new Error(`unexpected interaction ${i.type}`);
    expect(i.id).toBe(h.id);
    expect(i.commandName).toBe('echo');
    expect(i.options.getString('text', true)).toBe('hello');
    expect(i.options.getInteger('times', true)).toBe(2);
    expect(i.guild.name).toBe('Test Guild');
    expect(i.channel?.name).toBe('general');
    expect(i.member).toBeInstanceOf(GuildMember);
    expect(i.user.username).toBe('alice');
    expect(i.memberPermissions.has(PermissionFlagsBits.ManageGuild)).toBe(false);

    await i.reply({ content: 'hello hello', embeds: [{ title: 'Source', description: 'a.md' }], flags: MessageFlags.Ephemeral });

    const cb = await h.waitForCallback();
    expect(cb.type).toBe(4);
    expect(cb.data).toMatchObject({ content: 'hello hello', flags: 64, embeds: [{ title: 'Source', description: 'a.md' }] });
    expect(cb.query).toEqual({ with_response: 'false' });
    expect(cb.elapsedMs).toBeGreaterThan(0);
    expect(cb.elapsedMs).toBeLessThan(3000);
    expect(await h.callback).toBe(cb);
    expect(h.original()?.content).toBe('hello hello');
    // Interaction routes are unauthenticated (facts §4); the fake would have answered 400 otherwise.
    expect(fake.requests.find((r) => r.path.endsWith('/callback'))).toMatchObject({ auth: 'none', status: 204 });
  });

  it('maps ctx.permissions to both memberPermissions and the cached GuildMember permissions', async () => {
    const client = await connect();
    const seen: Array<[boolean, boolean]> = [];
    client.on(Events.InteractionCreate, (i) => {
      if (!i.isChatInputCommand() || !i.inCachedGuild()) return;
      seen.push([i.memberPermissions.has(PermissionFlagsBits.ManageGuild), i.member.permissions.has(PermissionFlagsBits.ManageGuild)]);
      void i.reply('ok');
    });
    for (const permissions of ['0', '32', '8']) await fake.chatInput('admin', {}, { permissions, user: { username: 'mod' } }).waitForCallback();
    expect(seen).toEqual([
      [false, false],
      [true, true],
      [true, true],
    ]);
  });

  it('records deferReply, editReply and fetchReply', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    const h = fake.chatInput('ask', { question: 'why?' });
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');

    await i.deferReply({ flags: MessageFlags.Ephemeral });
    expect(h.original()?.flags).toBe(128 | 64); // loading + ephemeral
    const edited = await i.editReply({ content: 'Because.' });
    const fetched = await i.fetchReply();

    expect((await h.waitForCallback()).body).toEqual({ type: 5, data: { flags: 64 } });
    const patch = await h.waitForWebhook((w) => w.kind === 'editMessage');
    expect(patch).toMatchObject({ method: 'PATCH', messageId: '@original', body: { content: 'Because.' } });
    expect(fake.requests.some((r) => r.method === 'PATCH' && r.path.endsWith('/messages/%40original'))).toBe(true);
    expect(edited.id).toBe(h.original()?.id);
    expect(fetched.content).toBe('Because.');
    expect(h.original()).toMatchObject({ content: 'Because.', flags: 64 });
  });

  it('records followUp() and answers with a message', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    const h = fake.chatInput('ask', {});
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');

    await i.reply('part 1');
    const msg = await i.followUp({ content: 'part 2' });

    const w = await h.waitForWebhook((x) => x.kind === 'followUp');
    expect(w).toMatchObject({ method: 'POST', messageId: null, query: { wait: 'true' }, body: { content: 'part 2' } });
    expect(msg.id).toBe(w.message?.id);
    expect(msg.content).toBe('part 2');
    expect(h.followUps().map((m) => m.content)).toEqual(['part 2']);
  });

  it('delivers autocomplete and records respond()', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    const h = fake.autocomplete('search', { corpus: 'docs', query: 'hel' });
    const i = await got;
    if (!i.isAutocomplete()) throw new Error('expected autocomplete');

    expect(i.options.getFocused(true)).toMatchObject({ name: 'query', value: 'hel' });
    await i.respond([{ name: 'hello world', value: 'hello-world' }]);

    const cb = await h.waitForCallback();
    expect(cb).toMatchObject({ type: 8, data: { choices: [{ name: 'hello world', value: 'hello-world' }] }, query: {} });
  });

  it('delivers a button on the bot message and records update(), which edits that message', async () => {
    const client = await connect();
    let got = nextInteraction(client);
    const first = fake.chatInput('menu', {});
    const cmd = await got;
    if (!cmd.isChatInputCommand()) throw new Error('expected a chat input command');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('confirm').setLabel('Confirm').setStyle(ButtonStyle.Primary),
    );
    await cmd.reply({ content: 'Sure?', components: [row] });
    await first.waitForCallback();

    got = nextInteraction(client);
    const click = fake.button('confirm');
    const i = await got;
    if (!i.isButton()) throw new Error('expected a button');
    expect(i.customId).toBe('confirm');
    expect(i.message.id).toBe(first.original()?.id);
    expect((i.component as ButtonComponent).label).toBe('Confirm');

    await i.update({ content: 'Done.', components: [] });
    const cb = await click.waitForCallback();
    expect(cb).toMatchObject({ type: 7, data: { content: 'Done.', components: [] } });
    expect(first.original()).toMatchObject({ content: 'Done.', components: [] });
  });

  it('delivers a string select choice', async () => {
    const client = await connect();
    let got = nextInteraction(client);
    const first = fake.chatInput('pick', {});
    const cmd = await got;
    if (!cmd.isChatInputCommand()) throw new Error('expected a chat input command');
    const menu = new StringSelectMenuBuilder()
      .setCustomId('corpus')
      .addOptions({ label: 'Docs', value: 'docs' }, { label: 'Wiki', value: 'wiki' });
    await cmd.reply({ content: 'Which?', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
    await first.waitForCallback();

    got = nextInteraction(client);
    const h = fake.stringSelect('corpus', ['wiki']);
    const i = await got;
    if (!i.isStringSelectMenu()) throw new Error('expected a string select');
    expect(i.values).toEqual(['wiki']);
    expect(i.message.id).toBe(first.original()?.id);
    await i.deferUpdate();
    expect((await h.waitForCallback()).type).toBe(6);
  });

  it('records showModal() and delivers the modal submission (labels, text input, file upload)', async () => {
    const client = await connect();
    let got = nextInteraction(client);
    const open = fake.chatInput('feedback', {});
    const cmd = await got;
    if (!cmd.isChatInputCommand()) throw new Error('expected a chat input command');
    const modal = new ModalBuilder()
      .setCustomId('feedback-form')
      .setTitle('Feedback')
      .addLabelComponents(
        (l) => l.setLabel('Name').setTextInputComponent((t) => t.setCustomId('name').setStyle(TextInputStyle.Short)),
        (l) => l.setLabel('Docs').setFileUploadComponent((f) => f.setCustomId('docs')),
      );
    await cmd.showModal(modal);
    const shown = await open.waitForCallback();
    expect(shown).toMatchObject({ type: 9, data: { custom_id: 'feedback-form', title: 'Feedback' } });

    expect(() => fake.modalSubmit('feedback-form', { nme: 'typo' })).toThrow(/requires field "name"|no field/);
    const doc = fake.addAttachment({ filename: 'doc.md', data: '# Title' });
    got = nextInteraction(client);
    const submit = fake.modalSubmit('feedback-form', { name: 'Bob', docs: [doc] });
    const i = await got;
    if (!i.isModalSubmit()) throw new Error('expected a modal submit');
    expect(i.customId).toBe('feedback-form');
    expect(i.user.id).toBe(cmd.user.id);
    expect(i.fields.getTextInputValue('name')).toBe('Bob');
    const file = i.fields.getUploadedFiles('docs', true).first();
    expect(await (await fetch(file!.url)).text()).toBe('# Title');

    await i.reply('Thanks Bob');
    expect((await submit.waitForCallback()).data.content).toBe('Thanks Bob');
  });

  it('opens a classic modal from a button and lets the submission update() the button message', async () => {
    const client = await connect();
    let got = nextInteraction(client);
    fake.button('rename', {}, { content: 'Title: old' });
    const click = await got;
    if (!click.isButton()) throw new Error('expected a button');
    const input = new TextInputBuilder().setCustomId('title').setLabel('Title').setStyle(TextInputStyle.Short);
    await click.showModal(
      new ModalBuilder()
        .setCustomId('rename-form')
        .setTitle('Rename')
        .addActionRowComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
    );

    got = nextInteraction(client);
    const submit = fake.modalSubmit('rename-form', { title: 'new' });
    const i = await got;
    if (!i.isModalSubmit() || !i.isFromMessage()) throw new Error('expected a modal submit from a message');
    expect(i.message.id).toBe(click.message.id);
    await i.update({ content: `Title: ${i.fields.getTextInputValue('title')}` });
    expect(await submit.waitForCallback()).toMatchObject({ type: 7, data: { content: 'Title: new' } });
    expect(submit.original()?.content).toBe('Title: new');
  });

  it('serves attachment options from /cdn and stores files the bot uploads (multipart)', async () => {
    const client = await connect();
    const att = fake.addAttachment({ filename: 'notes.txt', data: 'hello corpus' });
    const got = nextInteraction(client);
    const h = fake.chatInput('ingest', { file: att, title: 'Notes' });
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');

    const a = i.options.getAttachment('file', true);
    expect(a).toMatchObject({ name: 'notes.txt', size: 12, contentType: 'text/plain; charset=utf-8' });
    const text = await (await fetch(a.url)).text();
    expect(text).toBe('hello corpus');

    await i.reply({ content: 'stored', files: [{ attachment: Buffer.from(text.toUpperCase()), name: 'out.txt', description: 'upper' }] });
    const cb = await h.waitForCallback();
    expect(cb.data.attachments).toMatchObject([{ id: '0', description: 'upper' }]);
    expect(cb.files.map((f) => [f.field, f.filename, f.data.toString()])).toEqual([['files[0]', 'out.txt', 'HELLO CORPUS']]);
    const stored = h.original()?.attachments[0] as { url: string; description: string };
    expect(stored.description).toBe('upper');
    expect(await (await fetch(stored.url)).text()).toBe('HELLO CORPUS');
  });

  it('delivers a DM interaction (no guild, user, DM channel)', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    const h = fake.chatInput('ask', { question: 'in private' }, { dm: true, user: { username: 'bob' } });
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');

    expect(i.inGuild()).toBe(false);
    expect(i.guildId).toBeNull();
    expect(i.member).toBeNull();
    expect(i.user.username).toBe('bob');
    expect(i.user.id).toBe(fake.user('bob').id);
    expect(i.channelId).toBe(h.payload.channel_id);
    expect(i.context).toBe(1);

    await i.reply('psst');
    expect((await h.waitForCallback()).data.content).toBe('psst');
  });

  it('answers reply({ withResponse: true }) with the created message', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    const h = fake.chatInput('ask', {});
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');

    const res = await i.reply({ content: 'with response', withResponse: true });
    expect(res.interaction.id).toBe(h.id);
    expect(res.resource?.message?.content).toBe('with response');
    expect(res.resource?.message?.id).toBe(h.original()?.id);
  });

  it('records channel.send() with Bot auth', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    fake.chatInput('announce', {});
    const i = await got;
    if (!i.isChatInputCommand() || !i.inCachedGuild()) throw new Error('expected a cached chat input command');

    await i.reply('ok');
    const sent = await i.channel!.send('to everyone');
    const m = await fake.waitForChannelMessage((x) => x.channelId === fake.guild.channels[0]!.id);
    expect(m.body.content).toBe('to everyone');
    expect(sent.id).toBe(m.message.id);
    expect(fake.requests.find((r) => r.path.endsWith('/messages') && r.method === 'POST')?.auth).toBe('bot');
  });
});

describe('commands', () => {
  it('stores a bulk PUT (global and guild) and uses the ids and schema for interactions', async () => {
    const client = await connect();
    const rest = new REST({ api: fake.apiBase }).setToken(fake.token);
    const curate = new SlashCommandBuilder()
      .setName('curate')
      .setDescription('Manage the corpus')
      .addSubcommand((s) =>
        s
          .setName('add')
          .setDescription('Add a document')
          .addStringOption((o) => o.setName('url').setDescription('Where').setRequired(true))
          .addIntegerOption((o) => o.setName('weight').setDescription('Weight')),
      );
    const ask = new SlashCommandBuilder().setName('ask').setDescription('Ask the corpus');

    const global = (await rest.put(Routes.applicationCommands(fake.applicationId), { body: [curate.toJSON(), ask.toJSON()] })) as Array<{
      id: string;
      name: string;
      application_id: string;
      version: string;
      type: number;
    }>;
    expect(global.map((c) => [c.name, c.type, c.application_id])).toEqual([
      ['curate', 1, fake.applicationId],
      ['ask', 1, fake.applicationId],
    ]);
    expect(global.every((c) => /^\d{17,20}$/.test(c.id) && /^\d+$/.test(c.version))).toBe(true);
    await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guild.id), { body: [ask.toJSON()] });
    expect(fake.registeredCommands().map((c) => c.name)).toEqual(['curate', 'ask']);
    expect(fake.registeredCommands(fake.guild.id).map((c) => c.name)).toEqual(['ask']);
    const listed = (await rest.get(Routes.applicationCommands(fake.applicationId))) as Array<{ id: string }>;
    expect(listed.map((c) => c.id)).toEqual(global.map((c) => c.id));

    // Re-PUT keeps ids (as Discord does), and Discord's validation applies.
    const again = (await rest.put(Routes.applicationCommands(fake.applicationId), { body: [curate.toJSON()] })) as Array<{ id: string }>;
    expect(again[0]!.id).toBe(global[0]!.id);
    const bad = rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'Bad Name', description: 'x' }] });
    await bad.then(
      () => expect.fail('PUT with an invalid name should fail'),
      (err: unknown) => expectApiError(err, 400, 50035),
    );

    // The fake now types options from the schema and refuses options the command does not have.
    expect(() => fake.chatInput('curate add', { url: 'https://x', wieght: 1 })).toThrow(/no option "wieght"/);
    expect(() => fake.chatInput('curate', {})).toThrow(/needs a subcommand/);
    const got = nextInteraction(client);
    const h = fake.chatInput('curate add', { url: 'https://example.com/a', weight: 3 });
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(i.commandId).toBe(global[0]!.id);
    expect(i.options.getSubcommand()).toBe('add');
    expect(i.options.getString('url')).toBe('https://example.com/a');
    expect(i.options.getInteger('weight')).toBe(3);
    await i.reply('added');
    await h.waitForCallback();

    // A guild command shadows the global one of the same name in that guild.
    expect(fake.chatInput('ask', {}).payload.data).toMatchObject({ id: fake.registeredCommands(fake.guild.id)[0]!.id, guild_id: fake.guild.id });
  });
});

describe('REST semantics and faults', () => {
  it('answers callback errors like Discord: 10062, 40060, auth header, deadline', async () => {
    await connect();
    const rest = new REST({ api: fake.apiBase, retries: 0, offset: 0 }).setToken(fake.token);
    const h = fake.chatInput('x', {});
    const body = { type: 4, data: { content: 'hi' } };

    await rest.post(Routes.interactionCallback(h.id, 'wrong-token'), { body, auth: false }).then(
      () => expect.fail('wrong token should fail'),
      (e: unknown) => expectApiError(e, 404, 10062),
    );
    await rest.post(Routes.interactionCallback(h.id, h.token), { body, auth: true }).then(
      () => expect.fail('an Authorization header should be refused'),
      (e: unknown) => expectApiError(e, 400, 0),
    );
    await rest.post(Routes.interactionCallback(h.id, h.token), { body, auth: false });
    await rest.post(Routes.interactionCallback(h.id, h.token), { body, auth: false }).then(
      () => expect.fail('a second acknowledgement should fail'),
      (e: unknown) => expectApiError(e, 400, 40060),
    );
    expect(fake.callbacks).toHaveLength(1);

    fake.callbackDeadlineMs = 50;
    const late = fake.chatInput('x', {});
    await new Promise((r) => setTimeout(r, 120));
    await rest.post(Routes.interactionCallback(late.id, late.token), { body, auth: false }).then(
      () => expect.fail('a late callback should fail'),
      (e: unknown) => expectApiError(e, 404, 10062),
    );
  });

  it('rejects an over-long reply with 50035 and an edit before any acknowledgement with 10015', async () => {
    const client = await connect();
    const got = nextInteraction(client);
    const h = fake.chatInput('ask', {});
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    await i.reply('x'.repeat(2001)).then(
      () => expect.fail('2001 characters should be refused'),
      (e: unknown) => expectApiError(e, 400, 50035),
    );
    const rest = new REST({ api: fake.apiBase }).setToken(fake.token);
    await rest.patch(Routes.webhookMessage(fake.applicationId, h.token, '@original'), { body: { content: 'x' }, auth: false }).then(
      () => expect.fail('editing before acknowledging should fail'),
      (e: unknown) => expectApiError(e, 404, 10015),
    );
  });

  it('retries a callback after a 429 with Retry-After and records it once', async () => {
    const client = await connect();
    fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfter: 0.2 });
    const got = nextInteraction(client);
    const h = fake.chatInput('ask', {});
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    await i.reply('after the limit');

    const attempts = fake.requests.filter((r) => r.path.endsWith('/callback'));
    expect(attempts.map((r) => [r.status, r.fault])).toEqual([
      [429, true],
      [204, false],
    ]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(190);
    expect(fake.callbacks).toHaveLength(1);
    const cb = await h.waitForCallback();
    expect(cb.data.content).toBe('after the limit');
    expect(cb.elapsedMs).toBeGreaterThanOrEqual(190);
  });

  it('fails webhook edits with a 5xx fault the given number of times, and resets connections', async () => {
    const client = await connect({ rest: { api: fake.apiBase, offset: 0, retries: 1, timeout: 2000 } });
    fake.failNext({ method: 'PATCH', pathPattern: '@original', status: 502, times: 2 });
    const got = nextInteraction(client);
    fake.chatInput('ask', {});
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    await i.deferReply();
    // retries: 1 → two attempts, both faulted → HTTPError; the third call goes through.
    await expect(i.editReply('a')).rejects.toThrow();
    await expect(i.editReply('b')).resolves.toMatchObject({ content: 'b' });
    expect(fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([502, 502, 200]);

    // A dropped connection (reset) is an error for the bot, then the route works again.
    // (undici's "other side closed" is not among the errors @discordjs/rest retries.)
    fake.failNext({ pathPattern: /^\/channels\/\d+\/messages$/, reset: true });
    if (!i.inCachedGuild() || !i.channel) throw new Error('expected a cached channel');
    await expect(i.channel.send('lost')).rejects.toThrow(/other side closed/);
    await expect(i.channel.send('delivered')).resolves.toMatchObject({ content: 'delivered' });
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).map((r) => [r.status, r.fault])).toEqual([
      [0, true],
      [200, false],
    ]);
    expect(fake.channelMessages.map((m) => m.body.content)).toEqual(['delivered']);
  });
});

describe('gateway', () => {
  it('resumes after close 4000 on resume_gateway_url and replays a dispatch sent while disconnected', async () => {
    const client = await connect();
    const resumed = nextEvent(client, Events.ShardResume).then(([, replayed]) => replayed);

    fake.closeGateway(4000);
    // Dispatched while the client is away: kept and replayed after its RESUME, like Discord.
    const got = nextInteraction(client);
    const h = fake.chatInput('ask', { question: 'still there?' });
    // discord.js counts "replayed" as RESUMED's s minus the last seq before the close: the replayed
    // INTERACTION_CREATE (s=3) plus RESUMED itself (s=4).
    expect(await resumed).toBe(2);

    const resume = fake.gatewayFrames.find((f) => f.direction === 'in' && f.op === 6);
    expect(resume?.d).toMatchObject({ token: fake.token, session_id: expect.any(String), seq: 2 });
    expect(fake.gatewayConnections.map((c) => [c.path, c.closeCode])).toEqual([
      ['/gateway', 4000],
      ['/resume', undefined],
    ]);
    const i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(i.options.getString('question')).toBe('still there?');
    await i.reply('yes');
    await h.waitForCallback();

    // And later interactions arrive normally on the resumed connection.
    const got2 = nextInteraction(client);
    fake.chatInput('ask', { question: 'again' });
    expect(((await got2) as { options: { getString(n: string): string | null } }).options.getString('question')).toBe('again');
    expect(fake.requests.filter((r) => r.path === '/gateway/bot')).toHaveLength(1);
  });

  it('answers heartbeats, and a client whose heartbeats go unanswered resumes (zombie)', async () => {
    await fake.close();
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
    const client = await connect();
    await fake.waitForGatewayFrame((f) => f.direction === 'in' && f.op === 1);
    await fake.waitForGatewayFrame((f) => f.direction === 'out' && f.op === 11);

    fake.ackHeartbeats = false;
    const resumed = fake.waitForNextSession('resumed', 3000);
    const resumedOnClient = nextEvent(client, Events.ShardResume);
    await resumed;
    await resumedOnClient;
    expect(fake.gatewayConnections).toHaveLength(2);
  });

  it('resumes after op 7 RECONNECT', async () => {
    const client = await connect();
    const resumed = nextEvent(client, Events.ShardResume);
    fake.sendOp(7);
    await resumed;
    expect(fake.gatewayFrames.filter((f) => f.direction === 'in' && f.op === 2)).toHaveLength(1);
    expect(fake.gatewayFrames.filter((f) => f.direction === 'in' && f.op === 6)).toHaveLength(1);
  });

  it('speaks zlib-stream (binary frames of one deflate stream) when asked', async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const chunks: Buffer[] = [];
    const messages: Array<{ op: number; t: string | null }> = [];
    await new Promise<void>((resolve, reject) => {
      setTimeout(() => reject(new Error('no GUILD_CREATE over zlib-stream')), 3000).unref();
      ws.on('error', reject);
      ws.on('message', (data, isBinary) => {
        try {
          expect(isBinary).toBe(true);
          const chunk = data as Buffer;
          expect(chunk.subarray(-4).toString('hex')).toBe('0000ffff'); // every message is Z_SYNC_FLUSHed
          chunks.push(chunk);
          // One deflate stream per connection: inflate everything received so far.
          const text = inflateSync(Buffer.concat(chunks), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString();
          const all = text.split(/(?<=\})(?=\{"op")/).map((s) => JSON.parse(s) as { op: number; t: string | null });
          messages.splice(0, messages.length, ...all);
          if (all.length === 1) ws.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: 1, properties: {} } }));
          if (all.some((m) => m.t === 'GUILD_CREATE')) resolve();
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    ws.close();
    expect(messages.map((m) => m.t ?? m.op)).toEqual([10, 'READY', 'GUILD_CREATE']);
  });
});
