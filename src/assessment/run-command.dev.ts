/**
 * Development runner for the assessment commands until `bin/prongsai` exists:
 *   node --import tsx src/assessment/run-command.dev.ts ita score --year 2566 --input FILE
 */
import { parseArgs } from 'node:util';
import { assessmentCommands } from './commands.js';

const argv = process.argv.slice(2);
const command = assessmentCommands.find((c) =>
  c.name.split(' ').every((word, i) => argv[i] === word),
);
if (!command) {
  process.stderr.write(`usage:\n${assessmentCommands.map((c) => `  ${c.usage}`).join('\n')}\n`);
  process.exit(2);
}
let args;
try {
  args = parseArgs({
    args: argv.slice(command.name.split(' ').length),
    options: command.options ?? {},
    allowPositionals: command.allowPositionals ?? false,
    strict: true,
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: ${command.usage}\n`);
  process.exit(2);
}
process.exitCode = await command.run(
  {
    values: args.values as Parameters<typeof command.run>[0]['values'],
    positionals: args.positionals,
  },
  { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  { openDb: () => Promise.reject(new Error('the dev runner has no database')) },
);
