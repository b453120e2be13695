import type { Command } from 'commander';

/** "Usage: footnote docs add [options] <targets...>": a command's usage line with its full name, and where to read more. */
export function usageLine(command: Command): string {
  return `Usage: ${fullName(command)} ${command.usage()}\nRun "${fullName(command)} --help" for the options and examples.`;
}

function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The deepest command `argv` names (the program itself if none), for the usage line after a parse error. */
export function commandNamedBy(program: Command, argv: readonly string[]): Command {
  let command = program;
  for (const token of argv) {
    if (token.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === token);
    if (!sub) break;
    command = sub;
  }
  return command;
}
