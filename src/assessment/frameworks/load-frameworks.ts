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

let shippedCache: Map<number, ItaFramework> | undefined;

/** The frameworks shipped with this release (`fy*.json` beside this file), validated once. */
export function shippedFrameworks(): ReadonlyMap<number, ItaFramework> {
  shippedCache ??= loadFrameworksFrom(FRAMEWORK_DIR);
  return shippedCache;
}

/**
 * Frameworks an instance administrator imported and accepted (the newest accepted version of
 * each year), loaded from the database by `framework-versions.ts`. They take precedence over
 * the shipped files everywhere a framework is read. The callers of `getFramework` are
 * synchronous (scoring, surveys, the OIT pages), so the database copy is kept here in memory:
 * replaced at once after an import in this process, and re-read in the background when
 * older than `IMPORTED_TTL_MS`, so another server on the same database follows within that time.
 */
let imported = new Map<number, ItaFramework>();
/** Shipped overlaid with imported, built once per change (getFramework is on hot paths). */
let effective: Map<number, ItaFramework> | undefined;
let importedLoadedAt = 0;
let reloadImported: (() => Promise<void>) | null = null;
let isReloading = false;
export const IMPORTED_TTL_MS = 15_000;

/** Replaces the in-memory imported frameworks (called by framework-versions.ts only). */
export function setImportedFrameworks(
  frameworks: ReadonlyMap<number, ItaFramework>,
  reload: (() => Promise<void>) | null,
  now = Date.now(),
): void {
  imported = new Map(frameworks);
  effective = undefined;
  importedLoadedAt = now;
  reloadImported = reload;
}

function frameworks(): ReadonlyMap<number, ItaFramework> {
  if (reloadImported && !isReloading && Date.now() - importedLoadedAt > IMPORTED_TTL_MS) {
    isReloading = true;
    // Stale while revalidating: this call answers from memory, the next ones from the reload.
    reloadImported()
      .catch(() => undefined)
      .finally(() => {
        isReloading = false;
      });
  }
  if (!effective) {
    effective = new Map(shippedFrameworks());
    for (const [year, framework] of imported) effective.set(year, framework);
  }
  return effective;
}

/** Where the framework of a year comes from: an accepted import, or the shipped file. */
export function frameworkOrigin(fiscalYear: number): 'imported' | 'shipped' | null {
  if (imported.has(fiscalYear)) return 'imported';
  return shippedFrameworks().has(fiscalYear) ? 'shipped' : null;
}

/** Fiscal years (พ.ศ.) that have a framework (shipped or imported), ascending. */
export function listFrameworkYears(): number[] {
  return [...frameworks().keys()].sort((a, b) => a - b);
}

/**
 * The validated framework of a fiscal year (พ.ศ.): the newest accepted import, else the
 * shipped file.
 * @throws UnknownFrameworkYearError when the year has neither.
 */
export function getFramework(fiscalYear: number): ItaFramework {
  const framework = frameworks().get(fiscalYear);
  if (!framework) throw new UnknownFrameworkYearError(fiscalYear, listFrameworkYears());
  return framework;
}
