import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { mapItemCode } from './map-item-codes.js';
import { assessmentWeakQuestionSettings } from './schema.js';

export type CopyWeakQuestionSettingsResult =
  { status: 'copied'; dropped: string[] } | { status: 'existing' | 'none' };

/**
 * Copies the agency's weak-question rule and hand-picked questions of `toYear - 1` into
 * `toYear`, renaming each question through the year's item mapping; a question no longer asked
 * is dropped and reported. A year that already has settings is left alone (idempotent).
 * Runs inside the caller's transaction when `ctx.db` is one.
 */
export async function copyWeakQuestionSettingsForward(
  ctx: AgencyContext,
  toYear: number,
): Promise<CopyWeakQuestionSettingsResult> {
  const previous = getFramework(toYear - 1);
  const next = getFramework(toYear);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const table = assessmentWeakQuestionSettings;
    if (await q.find(table, eq(table.fiscalYear, toYear))) return { status: 'existing' };
    const source = await q.find(table, eq(table.fiscalYear, toYear - 1));
    if (!source) return { status: 'none' };
    const dropped: string[] = [];
    const map = (codes: string[]) =>
      codes.flatMap((code) => {
        const to = mapItemCode(previous, next, code);
        if (to === null) dropped.push(code);
        return to === null ? [] : [to];
      });
    const [after] = await q.insert(table, {
      fiscalYear: toYear,
      rule: source.rule,
      addedCodes: map(source.addedCodes),
      removedCodes: map(source.removedCodes),
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.weak-questions.copy-forward',
      entityType: 'assessment_weak_question_settings',
      entityId: String(toYear),
      before: source,
      after: { ...after, dropped },
    });
    return { status: 'copied', dropped };
  });
}
