import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { publishedReports, REPORT_KINDS, type ReportKind } from './schema.js';
import { FiscalYear } from './create-measure.js';
import { parseOrRefuse } from './check-action-input.js';
import { REPORT_TITLES, renderMeasuresReport } from './build-measures-report.js';
import { storeFile } from '../core/files/index.js';

/**
 * Publishes the plan report and the progress report (DOCX + PDF each) to the public site in
 * one step: renders all four files first, then records them in one transaction, so the site
 * never shows one report new and the other old.
 */
export async function publishMeasuresReports(
  ctx: AgencyContext,
  rawYear: number | string,
  options: { dataDir: string },
) {
  const fiscalYear = parseOrRefuse(FiscalYear, rawYear);
  const now = ctx.now();
  const files: {
    kind: ReportKind;
    title: string;
    docxSha256: string;
    pdfSha256: string;
  }[] = [];
  for (const kind of REPORT_KINDS) {
    const docx = await renderMeasuresReport(ctx.db, ctx.agencyId, fiscalYear, kind, 'docx', now);
    const pdf = await renderMeasuresReport(ctx.db, ctx.agencyId, fiscalYear, kind, 'pdf', now);
    files.push({
      kind,
      title: REPORT_TITLES[kind](fiscalYear),
      docxSha256: (await storeFile(options.dataDir, docx)).sha256,
      pdfSha256: (await storeFile(options.dataDir, pdf)).sha256,
    });
  }
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    for (const f of files) {
      const row = {
        agencyId: ctx.agencyId,
        fiscalYear,
        ...f,
        publishedBy: ctx.actor.label,
        publishedAt: now,
        updatedAt: now,
      };
      await tx
        .insert(publishedReports)
        .values(row)
        .onConflictDoUpdate({
          target: [publishedReports.agencyId, publishedReports.fiscalYear, publishedReports.kind],
          set: { ...f, publishedBy: ctx.actor.label, publishedAt: now, updatedAt: now },
        });
      await audit(tx, ctx, ctx.agencyId, {
        action: 'measures.report.publish',
        entityType: 'published_report',
        entityId: `${fiscalYear}:${f.kind}`,
        after: row,
      });
    }
    return q.list(publishedReports);
  });
}
