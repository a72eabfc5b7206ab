import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Database } from '../core/db/client.js';
import { defineCommand, type CommandIo } from '../core/cli/command.js';
import { SYSTEM_ACTOR, type AppContext } from '../core/context.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { diffFrameworks, diffRows } from './diff-frameworks.js';
import { ItaFramework } from './frameworks/framework-schema.js';
import { frameworkOrigin, getFramework, listFrameworkYears } from './frameworks/load-frameworks.js';
import {
  decideFrameworkVersion,
  FrameworkFileRefusedError,
  importFrameworkFile,
  listFrameworkVersions,
  loadImportedFrameworks,
} from './framework-versions.js';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

/** The person at the terminal: the CLI runs with the instance's own rights, named in the audit. */
function cliContext(database: Database): AppContext {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // No passwd entry (some containers): the audit still says it came from the CLI.
  }
  return {
    db: database.db,
    actor: { ...SYSTEM_ACTOR, label: `cli:${who}` },
    locale: 'th',
    now: () => new Date(),
  };
}

function printRows(rows: [string, string, string, string][], io: CommandIo) {
  if (rows.length === 0) io.out('  ไม่พบความแตกต่าง / no differences\n');
  for (const [what, code, from, to] of rows) io.out(`  ${what} ${code}: ${from} → ${to}\n`);
}

/**
 * `ita framework import|export|list`: the instance's ITA frameworks. An import is checked like
 * the shipped files, shown as a diff against the previous year, and accepted only with
 * `--yes` (otherwise it waits, pending, for an administrator on /admin/assessment/frameworks).
 */
export const frameworkCommand = defineCommand({
  name: 'ita framework',
  summary: 'นำเข้า ส่งออก และแสดงเกณฑ์ ITA ของระบบ / import, export and list ITA frameworks',
  usage: 'ita framework import FILE [--yes] | export --year YEAR [--out FILE] | list',
  help: [
    'import: checks FILE with the same rules as the shipped fy*.json, stores it as a pending',
    '        version and prints its diff against the previous year; --yes accepts it at once.',
    'export: writes the year in use (an accepted import, else the shipped file) to --out or stdout.',
    'Exit 0 = done; 2 = bad input (each problem with its path, in Thai and English).',
  ].join('\n'),
  options: { yes: { type: 'boolean' }, year: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }, io, deps) {
    const [action, file] = positionals;
    if (action !== 'import' && action !== 'export' && action !== 'list') {
      io.err('ต้องระบุ import, export หรือ list / expected import, export or list\n');
      return EXIT_BAD_INPUT;
    }
    if (action === 'import' && !file) {
      io.err('ต้องระบุไฟล์ / a file is required: ita framework import FILE\n');
      return EXIT_BAD_INPUT;
    }
    const year = Number(values.year);
    if (action === 'export' && !Number.isInteger(year)) {
      const example = currentFiscalYear(new Date());
      io.err(`ต้องระบุ --year เช่น ${example} / --year is required, e.g. ${example}\n`);
      return EXIT_BAD_INPUT;
    }
    const database = (await deps.openDb()) as Database;
    await loadImportedFrameworks(database.db);

    if (action === 'list') {
      for (const y of listFrameworkYears()) {
        io.out(
          `${y}  ${frameworkOrigin(y) === 'imported' ? 'นำเข้า / imported' : 'มากับโปรแกรม / shipped'}\n`,
        );
      }
      const versions = await listFrameworkVersions(database.db);
      if (versions.length > 0) io.out('\nฉบับที่นำเข้า / imported versions:\n');
      for (const v of versions) {
        io.out(
          `  ${v.fiscalYear} v${v.version} ${v.status} ${v.fileName} (${v.importedByLabel})\n`,
        );
      }
      return EXIT_OK;
    }

    if (action === 'export') {
      if (!listFrameworkYears().includes(year)) {
        io.err(`ไม่มีเกณฑ์ของปี ${year} / no framework for ${year}\n`);
        return EXIT_BAD_INPUT;
      }
      const json = `${JSON.stringify(getFramework(year), null, 2)}\n`;
      if (typeof values.out === 'string') writeFileSync(values.out, json);
      else io.out(json);
      return EXIT_OK;
    }

    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file!);
    } catch (error) {
      io.err(`อ่านไฟล์ไม่ได้ / cannot read ${file}: ${(error as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    const ctx = cliContext(database);
    let row;
    try {
      row = await importFrameworkFile(ctx, { fileName: basename(file!), bytes });
    } catch (error) {
      if (!(error instanceof FrameworkFileRefusedError)) throw error;
      io.err(`ไฟล์ไม่ถูกนำเข้า (ไม่มีสิ่งใดถูกบันทึก) / file refused, nothing saved:\n`);
      for (const i of error.issues) {
        io.err(`  ${i.path || '(ทั้งไฟล์ / whole file)'}: ${i.messageTh} / ${i.messageEn}\n`);
      }
      return EXIT_BAD_INPUT;
    }
    const framework = ItaFramework.parse(row.data);
    const previous = listFrameworkYears()
      .filter((y) => y < framework.fiscalYear)
      .at(-1);
    io.out(`เกณฑ์ปี ${framework.fiscalYear} ฉบับที่ ${row.version} / version ${row.version}\n`);
    if (previous !== undefined) {
      io.out(`\nการเปลี่ยนแปลงเทียบกับปี ${previous} / changes against ${previous}:\n`);
      printRows(diffRows(diffFrameworks(getFramework(previous), framework)), io);
    }
    if (!values.yes) {
      io.out(
        `\nรอการรับใช้ / pending: rerun with --yes, or accept at /admin/assessment/frameworks/versions/${row.id}\n`,
      );
      return EXIT_OK;
    }
    await decideFrameworkVersion(ctx, row.id, 'accepted');
    io.out(
      `\nรับใช้แล้ว / accepted: every agency now uses this framework for ${framework.fiscalYear}\n`,
    );
    return EXIT_OK;
  },
});
