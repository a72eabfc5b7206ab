import { eq, inArray } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { OPEN_ACTION_STATUSES, actions, measures } from './schema.js';
import { FiscalYear } from './create-measure.js';
import { parseOrRefuse } from './check-action-input.js';

/** Shifts a YYYY-MM-DD date by whole years (29 Feb → 28 Feb). */
function shiftYear(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * ยกยอด: copies every measure of `fromYear` that has an unfinished action into the next fiscal
 * year, with only its unfinished actions, dates moved one year on and progress kept. Running it
 * again copies nothing twice (carriedFromId is unique).
 */
export async function carryOverMeasures(ctx: AgencyContext, rawFromYear: number | string) {
  const fromYear = parseOrRefuse(FiscalYear, rawFromYear);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const list = await q.list(measures, eq(measures.fiscalYear, fromYear));
    if (list.length === 0) return { carried: 0 };
    const allActions = await q.list(
      actions,
      inArray(
        actions.measureId,
        list.map((m) => m.id),
      ),
    );
    let carried = 0;
    for (const measure of list) {
      const open = allActions.filter(
        (a) => a.measureId === measure.id && OPEN_ACTION_STATUSES.includes(a.status),
      );
      if (open.length === 0) continue;
      if (await q.find(measures, eq(measures.carriedFromId, measure.id))) continue;
      const [copy] = await q.insert(measures, {
        fiscalYear: fromYear + 1,
        issueAreaCode: measure.issueAreaCode,
        title: measure.title,
        methodText: measure.methodText,
        monitoringText: measure.monitoringText,
        source: measure.source,
        sourceRef: measure.sourceRef ? `carried:${measure.sourceRef}` : null,
        carriedFromId: measure.id,
        sortOrder: measure.sortOrder,
      });
      await q.insert(
        actions,
        open.map((a) => ({
          measureId: copy!.id,
          stepText: a.stepText,
          unitId: a.unitId,
          officerUserId: a.officerUserId,
          startDate: shiftYear(a.startDate, 1),
          dueDate: shiftYear(a.dueDate, 1),
          status: a.status,
          percent: a.percent,
          sortOrder: a.sortOrder,
        })),
      );
      // The work goes on in the copy: here the steps are closed as carried over, not overdue.
      await q.update(
        actions,
        { status: 'carried_over', updatedAt: ctx.now() },
        inArray(
          actions.id,
          open.map((a) => a.id),
        ),
      );
      await audit(tx, ctx, ctx.agencyId, {
        action: 'measures.measure.carry-over',
        entityType: 'measure',
        entityId: copy!.id,
        before: { id: measure.id, fiscalYear: fromYear },
        after: { id: copy!.id, fiscalYear: fromYear + 1, actions: open.length },
      });
      carried++;
    }
    return { carried };
  });
}
