import { and, eq, gt, lt } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { ForbiddenError, ValidationError } from '../core/errors.js';
import {
  ImportOfficialResultsInput,
  previewOfficialResults,
  ResultsFileRefusedError,
  storeOfficialResult,
  type ResultsPreview,
} from './import-official-results.js';
import { assessmentStagedImports } from './schema.js';

/** How long a checked file waits for its confirmation. */
export const STAGED_IMPORT_MINUTES = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Deletes staged files past their hour, every agency's (they hold no history worth keeping). */
export async function purgeExpiredStagedImports(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(assessmentStagedImports)
    .where(lt(assessmentStagedImports.expiresAt, now))
    .returning({ id: assessmentStagedImports.id });
  return gone.length;
}

/**
 * The preview step: checks and scores the file and, when it passes, keeps it in the database
 * for one hour under a random id that the confirm form carries instead of the file.
 */
export async function stageOfficialResults(
  ctx: AgencyContext,
  input: ImportOfficialResultsInput,
): Promise<ResultsPreview & { stagedId?: string }> {
  if (!ctx.actor.userId) throw new ForbiddenError();
  const data = ImportOfficialResultsInput.parse(input);
  const preview = await previewOfficialResults(data);
  if (!preview.ok) return preview;
  await purgeExpiredStagedImports(ctx.db, ctx.now());
  const [row] = await scoped(ctx.db, ctx.agencyId).insert(assessmentStagedImports, {
    stagedBy: ctx.actor.userId,
    fiscalYear: data.fiscalYear,
    statedLevelTh: data.statedLevelTh?.trim() || null,
    fileName: data.fileName,
    bytes: data.bytes,
    expiresAt: new Date(ctx.now().getTime() + STAGED_IMPORT_MINUTES * 60_000),
  });
  return { ...preview, stagedId: row!.id };
}

/**
 * The confirm step: imports the file staged by this user in this agency under `stagedId`.
 * The file is checked and scored again from its stored bytes (never from the form), and the
 * staged row is deleted in the same transaction as the import. Another agency's or user's id,
 * an expired or an already used one, is refused (422) and nothing is stored.
 */
export async function importStagedResults(ctx: AgencyContext, stagedId: string) {
  const expired = () =>
    new ValidationError('assessment.import.expired', { stagedId: 'assessment.import.expired' });
  if (!ctx.actor.userId || !UUID.test(stagedId)) throw expired();
  const mine = and(
    eq(assessmentStagedImports.id, stagedId),
    eq(assessmentStagedImports.stagedBy, ctx.actor.userId),
    gt(assessmentStagedImports.expiresAt, ctx.now()),
  )!;
  const staged = await scoped(ctx.db, ctx.agencyId).find(assessmentStagedImports, mine);
  if (!staged) throw expired();
  const data = ImportOfficialResultsInput.parse({
    fiscalYear: staged.fiscalYear,
    fileName: staged.fileName,
    bytes: staged.bytes,
    statedLevelTh: staged.statedLevelTh ?? undefined,
  });
  const preview = await previewOfficialResults(data);
  if (!preview.ok) throw new ResultsFileRefusedError(preview.errors);
  return ctx.db.transaction(async (tx) => {
    // Deleting first makes a double-clicked confirm import once: the second finds nothing.
    const taken = await scoped(tx, ctx.agencyId).delete(assessmentStagedImports, mine);
    if (taken.length === 0) throw expired();
    return storeOfficialResult(tx, ctx, data, preview);
  });
}
