import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass buffers instead of the real streams. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * One `prongsai` subcommand. `name` may have two words (`ita score`), which is how
 * modules group their commands. `run` returns the process exit code.
 * Commands that need the database receive it lazily through `deps.openDb()` so that
 * pure commands (`ita score`) start instantly and never touch ./data.
 */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Extra lines printed by `--help` (examples, notes). */
  help?: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  run: (
    args: {
      values: Record<string, string | boolean | string[] | boolean[] | undefined>;
      positionals: string[];
    },
    io: CommandIo,
    deps: CommandDeps,
  ) => Promise<number>;
}

/**
 * Filled by the composition root (src/main.ts); typed loosely here so core/cli stays
 * import-free. `modules` (every module, for commands that read what modules publish) is
 * declared by core/module.ts, which augments this interface: the manifest lists commands,
 * so naming the manifest here would loop the two files.
 */
export interface CommandDeps {
  openDb: () => Promise<unknown>;
}

export function defineCommand(command: CliCommand): CliCommand {
  return command;
}
