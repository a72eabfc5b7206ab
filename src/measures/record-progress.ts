import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../core/errors.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { staff } from '../core/agencies/schema.js';
import { users } from '../core/auth/schema.js';
import { actions, evidenceFiles, progressUpdates } from './schema.js';
import { parseOrRefuse, sentField } from './check-action-input.js';
import { storeFile } from '../core/files/index.js';
import { checkEvidence, type EvidenceUpload } from './store-evidence.js';
import { isUuid, requiredText } from '../core/validation/text.js';

export const ProgressInput = z.object({
  text: requiredText(5000),
  percent: typedNumber(
    z.coerce
      .number('measures.errors.percentRange')
      .int('measures.errors.percentRange')
      .min(0, 'measures.errors.percentRange')
      .max(100, 'measures.errors.percentRange'),
  ),
  links: z
    .array(
      z
        .string()
        .trim()
        .max(2000)
        .regex(/^https?:\/\/\S+$/i, 'measures.errors.badLink'),
    )
    .max(20)
    .default([]),
});
export type ProgressInput = z.input<typeof ProgressInput>;

/** The progress form as sent: text, percentage, links one a line, and the evidence files. */
export const ProgressForm = z.object({
  text: sentField,
  percent: sentField,
  links: sentField,
  files: z.unknown().optional(),
});

/** The form's fields in the shape recordProgress takes: links split by line, files read. */
export async function progressFromForm({ files, ...form }: z.infer<typeof ProgressForm>) {
  const links = form.links
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const chosen = ([] as unknown[]).concat(files ?? []).filter((f): f is File => f instanceof File);
  const uploads: EvidenceUpload[] = await Promise.all(
    chosen.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  return { input: { ...form, links }, uploads };
}

/**
 * An officer reports progress on an action: text, a percentage and evidence (files checked by
 * their bytes and stored by SHA-256 under dataDir, or links). It waits for an executive's
 * approval before the action's percentage moves. Only the action's officer, its unit's staff
 * or an agency admin may report.
 */
export async function recordProgress(
  ctx: AgencyContext,
  actionId: string,
  rawInput: ProgressInput,
  files: readonly EvidenceUpload[],
  options: { dataDir: string },
) {
  if (!isUuid(actionId)) throw new NotFoundError();
  // Another agency's action is "not found" before anything about the input is said.
  await scoped(ctx.db, ctx.agencyId).get(actions, eq(actions.id, actionId));
  const input = parseOrRefuse(ProgressInput, rawInput);
  const evidence = checkEvidence(files.filter((f) => f.bytes.byteLength > 0));
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const action = await q.get(actions, eq(actions.id, actionId));
    if (action.status === 'cancelled') throw new ConflictError('measures.errors.actionCancelled');
    if (action.status === 'carried_over') {
      throw new ConflictError('measures.errors.actionCarriedOver');
    }
    const userId = ctx.actor.userId;
    if (!ctx.actor.roles.includes('agency_admin')) {
      const member = userId ? await q.find(staff, eq(staff.userId, userId)) : null;
      const mine = action.officerUserId === userId || member?.unitId === action.unitId;
      if (!member || !mine) throw new ForbiddenError('measures.errors.notYourAction');
    }
    const [user] = userId ? await tx.select().from(users).where(eq(users.id, userId)) : [];
    const [update] = await q.insert(progressUpdates, {
      actionId,
      text: input.text,
      percent: input.percent,
      links: input.links,
      submittedBy: userId ?? '00000000-0000-0000-0000-000000000000',
      submittedByName: user?.displayName ?? ctx.actor.label,
    });
    const fileRows = await q.insert(
      evidenceFiles,
      evidence.map((e) => ({
        progressUpdateId: update!.id,
        fileName: e.fileName,
        mediaType: e.mediaType,
        sizeBytes: e.bytes.byteLength,
        sha256: e.sha256,
      })),
    );
    if (action.status === 'not_started') {
      await q.update(
        actions,
        { status: 'in_progress', updatedAt: ctx.now() },
        eq(actions.id, actionId),
      );
    }
    // Files are written last, inside the transaction: if writing fails, no row points at a
    // missing file. A file left by a later rollback is harmless (content-addressed, reused).
    for (const e of evidence) await storeFile(options.dataDir, e.bytes);
    await audit(tx, ctx, ctx.agencyId, {
      action: 'measures.progress.submit',
      entityType: 'progress_update',
      entityId: update!.id,
      after: { update, files: fileRows.map((f) => ({ name: f.fileName, sha256: f.sha256 })) },
    });
    return update!;
  });
}
