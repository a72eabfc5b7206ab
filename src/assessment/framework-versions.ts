import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../core/errors.js';
import { ItaFramework } from './frameworks/framework-schema.js';
import { checkFrameworkFile, type FrameworkFileIssue } from './frameworks/framework-issues.js';
import { setImportedFrameworks } from './frameworks/load-frameworks.js';
import { assessmentFrameworkVersions } from './schema.js';

export type FrameworkVersionRow = typeof assessmentFrameworkVersions.$inferSelect;
export type FrameworkVersionSummary = Omit<FrameworkVersionRow, 'data'>;

/** A framework file was refused whole; `issues` lists every path with a Thai and English reason. */
export class FrameworkFileRefusedError extends AppError {
  constructor(readonly issues: FrameworkFileIssue[]) {
    super('VALIDATION', 'assessment.frameworkImport.refused', { count: issues.length });
  }
}

/**
 * Reads the newest accepted version of each year from the database into the in-memory
 * frameworks that `getFramework` serves (load-frameworks.ts), and remembers how to do it
 * again when the copy grows old. A stored version that today's schema refuses (after an
 * upgrade) is skipped with a log line, so the shipped file serves that year instead.
 */
export async function loadImportedFrameworks(db: DbOrTx): Promise<void> {
  const rows = await db
    .select({
      fiscalYear: assessmentFrameworkVersions.fiscalYear,
      version: assessmentFrameworkVersions.version,
      data: assessmentFrameworkVersions.data,
    })
    .from(assessmentFrameworkVersions)
    .where(eq(assessmentFrameworkVersions.status, 'accepted'))
    .orderBy(
      asc(assessmentFrameworkVersions.fiscalYear),
      desc(assessmentFrameworkVersions.version),
    );
  const frameworks = new Map<number, ItaFramework>();
  for (const row of rows) {
    if (frameworks.has(row.fiscalYear)) continue;
    const parsed = ItaFramework.safeParse(row.data);
    if (parsed.success) frameworks.set(row.fiscalYear, parsed.data);
    else
      console.error(`framework ${row.fiscalYear} v${row.version} no longer valid; using shipped`);
  }
  setImportedFrameworks(frameworks, () => loadImportedFrameworks(db));
}

/** Every imported version, newest year and version first (without the framework data). */
export async function listFrameworkVersions(db: DbOrTx): Promise<FrameworkVersionSummary[]> {
  const { data: _omitted, ...columns } = getTableColumns(assessmentFrameworkVersions);
  return db
    .select(columns)
    .from(assessmentFrameworkVersions)
    .orderBy(
      desc(assessmentFrameworkVersions.fiscalYear),
      desc(assessmentFrameworkVersions.version),
    );
}

/** One imported version with its framework; NotFoundError for an unknown id. */
export async function getFrameworkVersion(db: DbOrTx, id: string): Promise<FrameworkVersionRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError();
  const [row] = await db
    .select()
    .from(assessmentFrameworkVersions)
    .where(eq(assessmentFrameworkVersions.id, id));
  if (!row) throw new NotFoundError();
  return row;
}

function requireInstanceAdmin(ctx: AppContext) {
  if (!ctx.actor.isInstanceAdmin) throw new ForbiddenError();
}

/**
 * Stores a framework file as a `pending` version of its year after the same validation the
 * shipped files pass. Nothing changes for agencies until it is accepted, which an
 * administrator does after reading its diff against the previous year.
 * @throws FrameworkFileRefusedError listing every problem; nothing is written.
 */
export async function importFrameworkFile(
  ctx: AppContext,
  input: { fileName: string; bytes: Uint8Array },
): Promise<FrameworkVersionRow> {
  requireInstanceAdmin(ctx);
  const checked = checkFrameworkFile(input.bytes);
  if (!checked.ok) throw new FrameworkFileRefusedError(checked.issues);
  const { framework, sha256 } = checked;
  return ctx.db.transaction(async (tx) => {
    // Two imports of one year at once must not take the same version number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('assessment_framework_versions'))`);
    const [last] = await tx
      .select({ version: assessmentFrameworkVersions.version })
      .from(assessmentFrameworkVersions)
      .where(eq(assessmentFrameworkVersions.fiscalYear, framework.fiscalYear))
      .orderBy(desc(assessmentFrameworkVersions.version))
      .limit(1);
    const [row] = await tx
      .insert(assessmentFrameworkVersions)
      .values({
        fiscalYear: framework.fiscalYear,
        version: (last?.version ?? 0) + 1,
        status: 'pending',
        data: framework,
        sha256,
        fileName: input.fileName.slice(0, 255),
        importedByUserId: ctx.actor.userId,
        importedByLabel: ctx.actor.label,
        importedAt: ctx.now(),
      })
      .returning();
    await audit(tx, ctx, null, {
      action: 'assessment.framework.import',
      entityType: 'assessment_framework_version',
      entityId: row!.id,
      after: { fiscalYear: row!.fiscalYear, version: row!.version, sha256, file: row!.fileName },
    });
    return row!;
  });
}

/**
 * Accepts (or discards) a pending version. Accepting makes it the year's framework for every
 * agency at once: the in-memory copy is reloaded before this returns.
 */
export async function decideFrameworkVersion(
  ctx: AppContext,
  id: string,
  decision: 'accepted' | 'discarded',
): Promise<FrameworkVersionRow> {
  requireInstanceAdmin(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await getFrameworkVersion(tx, id);
    if (before.status !== 'pending') {
      throw new ConflictError('assessment.frameworkImport.alreadyDecided', {
        status: before.status,
      });
    }
    const [after] = await tx
      .update(assessmentFrameworkVersions)
      .set({ status: decision, decidedByLabel: ctx.actor.label, decidedAt: ctx.now() })
      .where(
        and(
          eq(assessmentFrameworkVersions.id, id),
          eq(assessmentFrameworkVersions.status, 'pending'),
        ),
      )
      .returning();
    await audit(tx, ctx, null, {
      action:
        decision === 'accepted' ? 'assessment.framework.accept' : 'assessment.framework.discard',
      entityType: 'assessment_framework_version',
      entityId: id,
      before: { status: before.status },
      after: { status: decision, fiscalYear: before.fiscalYear, version: before.version },
    });
    return after!;
  });
  if (decision === 'accepted') await loadImportedFrameworks(ctx.db);
  return row;
}
