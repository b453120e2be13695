// Application command routes: global and guild, bulk PUT, list, create, edit, delete (facts §4 table, §7.7).
// Bodies are validated with Discord's main rules so a broken deploy script fails in tests, not in production.

import { apiError, type ApiError } from './messages.js';
import type { Route, RouteCtx } from './rest.js';
import type { FakeState } from './state.js';
import type { JsonObject } from './util.js';

// Chat-input names: lowercase letters (any script), digits, - _ ' ; 1-32 characters.
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function invalid(errors: JsonObject): ApiError {
  return apiError(400, 50035, 'Invalid Form Body', errors);
}

function err(path: string, code: string, message: string): JsonObject {
  return { [path]: { _errors: [{ code, message }] } };
}

function checkNameAndDescription(o: JsonObject, path: string, chatInput: boolean): JsonObject | null {
  const name = o.name;
  if (typeof name !== 'string' || name.length < 1 || name.length > 32) return err(`${path}.name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  if (chatInput && (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase())) {
    return err(`${path}.name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  const d = o.description;
  if (chatInput && (typeof d !== 'string' || d.length < 1 || d.length > 100)) {
    return err(`${path}.description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  return null;
}

function checkOptions(options: unknown, path: string): JsonObject | null {
  if (options === undefined || options === null) return null;
  if (!Array.isArray(options)) return err(path, 'ARRAY_TYPE_CONVERT', 'Must be an array.');
  if (options.length > 25) return err(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  let sawOptional = false;
  for (const [i, raw] of options.entries()) {
    const o = raw as JsonObject;
    const p = `${path}.${i}`;
    const bad = checkNameAndDescription(o, p, true);
    if (bad) return bad;
    const type = Number(o.type);
    if (!(type >= 1 && type <= 11)) return err(`${p}.type`, 'BASE_TYPE_CHOICES', `Value must be one of 1..11.`);
    if (type === 1 || type === 2) {
      const nested = checkOptions(o.options, `${p}.options`);
      if (nested) return nested;
      continue;
    }
    // A classic deploy-script bug: Discord rejects a required option after an optional one.
    if (o.required === true && sawOptional) {
      return err(p, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (o.required !== true) sawOptional = true;
    if (Array.isArray(o.choices) && o.choices.length > 25) return err(`${p}.choices`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  }
  return null;
}

function checkCommand(raw: unknown, path: string): JsonObject | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
  const c = raw as JsonObject;
  const chatInput = c.type === undefined || c.type === 1;
  return checkNameAndDescription(c, path, chatInput) ?? (chatInput ? checkOptions(c.options, `${path}.options`) : null);
}

export function commandRoutes(s: FakeState): Route[] {
  /** Resolves the scope of a command route, or an error for a foreign application / unknown guild. */
  const scope = (c: RouteCtx): { guildId: string | undefined } | ApiError => {
    if (c.params.app !== s.applicationId) return apiError(403, 50001, 'Missing Access');
    const guildId = c.params.guild;
    if (guildId !== undefined && !s.guilds.some((g) => g.id === guildId)) return apiError(403, 50001, 'Missing Access');
    return { guildId };
  };
  const withScope =
    (fn: (c: RouteCtx, guildId: string | undefined) => ReturnType<Route[3]>) =>
    (c: RouteCtx): ReturnType<Route[3]> => {
      const sc = scope(c);
      return 'status' in sc ? sc : fn(c, sc.guildId);
    };
  const ok = (status: number, json?: unknown) => ({ status, ...(json === undefined ? {} : { json }) });

  const list = withScope((_c, g) => ok(200, s.commands.list(g)));
  const put = withScope((c, g) => {
    if (!Array.isArray(c.body)) return invalid(err('_root', 'ARRAY_TYPE_CONVERT', 'Must be an array.'));
    const names = new Set<string>();
    for (const [i, cmd] of c.body.entries()) {
      const bad = checkCommand(cmd, String(i));
      if (bad) return invalid(bad);
      const key = `${(cmd as JsonObject).type ?? 1}:${String((cmd as JsonObject).name)}`;
      if (names.has(key)) return invalid(err(String(i), 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique'));
      names.add(key);
    }
    return ok(200, s.commands.replace(c.body as JsonObject[], g));
  });
  const create = withScope((c, g) => {
    const bad = checkCommand(c.body, '_root');
    return bad ? invalid(bad) : ok(201, s.commands.upsert(c.body as JsonObject, g));
  });
  const get = withScope((c, g) => {
    const cmd = s.commands.list(g).find((x) => x.id === c.params.command);
    return cmd ? ok(200, cmd) : apiError(404, 10063, 'Unknown application command');
  });
  const edit = withScope((c, g) => {
    const cmd = s.commands.list(g).find((x) => x.id === c.params.command);
    if (!cmd) return apiError(404, 10063, 'Unknown application command');
    const merged = { ...cmd, ...(c.body as JsonObject) };
    const bad = checkCommand(merged, '_root');
    return bad ? invalid(bad) : ok(200, s.commands.upsert(merged, g));
  });
  const remove = withScope((c, g) =>
    s.commands.remove(c.params.command!, g) ? ok(204) : apiError(404, 10063, 'Unknown application command'),
  );

  const routes: Route[] = [];
  for (const base of ['applications/:app/commands', 'applications/:app/guilds/:guild/commands']) {
    routes.push(
      ['GET', base, 'bot', list],
      ['PUT', base, 'bot', put],
      ['POST', base, 'bot', create],
      ['GET', `${base}/:command`, 'bot', get],
      ['PATCH', `${base}/:command`, 'bot', edit],
      ['DELETE', `${base}/:command`, 'bot', remove],
    );
  }
  return routes;
}
