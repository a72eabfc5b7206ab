import { parseArgs } from 'node:util';
import type { CliCommand, CommandDeps, CommandIo } from './command.js';

function formatHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'โปร่งใส (Prongsai) — ระบบบริหารการประเมิน ITA',
    '',
    'การใช้งาน / usage: prongsai <คำสั่ง/command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'prongsai <command> --help  แสดงรายละเอียดของแต่ละคำสั่ง / details of one command',
  ].join('\n');
}

function formatCommandHelp(command: CliCommand): string {
  const options = Object.entries(command.options ?? {}).map(
    ([name, o]) =>
      `  --${name}${o.type === 'string' ? ' <value>' : ''}${o.short ? `, -${o.short}` : ''}`,
  );
  return [
    `prongsai ${command.name} — ${command.summary}`,
    '',
    `usage: ${command.usage}`,
    ...(options.length ? ['', 'options:', ...options] : []),
    ...(command.help ? ['', command.help] : []),
  ].join('\n');
}

/**
 * Finds the command named by the first one or two words of argv and runs it. The longest
 * name wins, so `ita score` is chosen over an `ita` command.
 */
export async function runCli(
  argv: string[],
  commands: readonly CliCommand[],
  io: CommandIo,
  deps: CommandDeps,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(formatHelp(commands) + '\n');
    return 0;
  }
  const two = argv.slice(0, 2).join(' ');
  const command = commands.find((c) => c.name === two) ?? commands.find((c) => c.name === argv[0]);
  if (!command) {
    io.err(
      `ไม่รู้จักคำสั่ง / unknown command: ${argv.slice(0, 2).join(' ')}\n\n${formatHelp(commands)}\n`,
    );
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(formatCommandHelp(command) + '\n');
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options ?? {},
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${formatCommandHelp(command)}\n`);
    return 2;
  }
  return command.run(
    {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    },
    io,
    deps,
  );
}
