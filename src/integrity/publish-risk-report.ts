import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { storeFile } from '../core/files/index.js';
import { integrityReports } from './schema.js';
import { renderRiskReport, riskReportTitle } from './build-risk-report.js';
import { RiskInput } from './risk-input.js';

/**
 * Publishes the year's risk assessment and management report (PDF + DOCX) to the OIT site:
 * rendered first, then recorded in one transaction; publishing again replaces the files.
 */
export async function publishRiskReport(
  ctx: AgencyContext,
  rawYear: unknown,
  options: { dataDir: string },
) {
  const { fiscalYear } = RiskInput.pick({ fiscalYear: true }).parse({ fiscalYear: rawYear });
  const pdf = await storeFile(
    options.dataDir,
    await renderRiskReport(ctx.db, ctx.agencyId, fiscalYear, 'pdf'),
  );
  const docx = await storeFile(
    options.dataDir,
    await renderRiskReport(ctx.db, ctx.agencyId, fiscalYear, 'docx'),
  );
  const now = ctx.now();
  const row = {
    agencyId: ctx.agencyId,
    fiscalYear,
    kind: 'risk-assessment' as const,
    title: riskReportTitle(fiscalYear),
    pdfSha256: pdf.sha256,
    docxSha256: docx.sha256,
    publishedBy: ctx.actor.label,
    publishedAt: now,
    updatedAt: now,
  };
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(integrityReports)
      .values(row)
      .onConflictDoUpdate({
        target: [integrityReports.agencyId, integrityReports.fiscalYear, integrityReports.kind],
        set: row,
      });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'integrity.report.publish',
      entityType: 'integrity_report',
      entityId: `${fiscalYear}:risk-assessment`,
      after: row,
    });
    return row;
  });
}
