// Shared by the CLI command tests (src/cli/commands/*.test.ts) and the bot tests that run a command beside the bot.

import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { CliContext } from '../../src/cli/cli-context.js';

/** A CLI context for tests: the configuration from exactly `env` (no .env file), output captured. */
export function cliTestContext(args: string[], env: Record<string, string>): CliContext & { output: string[] } {
  const output: string[] = [];
  return {
    args,
    config: loadConfig(env, { dotenv: false }),
    logger: silentLogger,
    out: (text) => void output.push(text),
    err: (text) => void output.push(text),
    output,
  };
}
