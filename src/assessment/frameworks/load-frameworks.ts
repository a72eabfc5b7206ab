import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ItaFramework } from './framework-schema.js';

const FRAMEWORK_DIR = dirname(fileURLToPath(import.meta.url));
const FILE_PATTERN = /^fy(\d{4})\.json$/;

/** A framework file is malformed; `file` and `issues[].path` say exactly where. */
export class FrameworkDataError extends Error {
  readonly code = 'VALIDATION';
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `ไฟล์เกณฑ์การประเมินไม่ถูกต้อง / invalid framework file ${file}:\n` +
        issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n'),
    );
    this.name = 'FrameworkDataError';
  }
}

/** No framework file exists for the requested fiscal year. */
export class UnknownFrameworkYearError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly fiscalYear: number,
    readonly knownYears: number[],
  ) {
    super(
      `ไม่มีเกณฑ์การประเมินของปีงบประมาณ ${fiscalYear} (มี: ${knownYears.join(', ')}) / ` +
        `no ITA framework for fiscal year ${fiscalYear} (known: ${knownYears.join(', ')})`,
    );
    this.name = 'UnknownFrameworkYearError';
  }
}

/**
 * Reads and validates every `fy*.json` in `dir`. Exported for tests; the app uses the cached
 * accessors below.
 */
export function loadFrameworksFrom(dir: string): Map<number, ItaFramework> {
  const frameworks = new Map<number, ItaFramework>();
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    const path = join(dir, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new FrameworkDataError(file, [{ path: '', message: String(error) }]);
    }
    const parsed = ItaFramework.safeParse(raw);
    if (!parsed.success) {
      throw new FrameworkDataError(
        file,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    // The file name is the index; a mismatch would silently score with the wrong year's rules.
    if (parsed.data.fiscalYear !== Number(match[1])) {
      throw new FrameworkDataError(file, [
        { path: 'fiscalYear', message: `${parsed.data.fiscalYear} does not match the file name` },
      ]);
    }
    frameworks.set(parsed.data.fiscalYear, parsed.data);
  }
  return frameworks;
}

let cache: Map<number, ItaFramework> | undefined;

function frameworks(): Map<number, ItaFramework> {
  cache ??= loadFrameworksFrom(FRAMEWORK_DIR);
  return cache;
}

/** Fiscal years (พ.ศ.) that have a framework file, ascending. */
export function listFrameworkYears(): number[] {
  return [...frameworks().keys()].sort((a, b) => a - b);
}

/**
 * The validated framework of a fiscal year (พ.ศ.).
 * @throws UnknownFrameworkYearError when no `fy<year>.json` exists.
 */
export function getFramework(fiscalYear: number): ItaFramework {
  const framework = frameworks().get(fiscalYear);
  if (!framework) throw new UnknownFrameworkYearError(fiscalYear, listFrameworkYears());
  return framework;
}
