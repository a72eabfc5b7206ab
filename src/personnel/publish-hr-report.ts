import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { storeFile } from '../core/files/index.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { hrReports } from './schema.js';
import { renderHrReport } from './build-hr-report.js';

export const HrReportInput = z.object({
  fiscalYear: typedNumber(
    z.coerce
      .number('personnel.errors.badYear')
      .int('personnel.errors.badYear')
      .min(2500, 'personnel.errors.badYear')
      .max(2700, 'personnel.errors.badYear'),
  ),
});

/**
 * เผยแพร่รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี: renders the year's report (PDF + DOCX)
 * before the transaction (Chromium takes ~0.5 s), then records it with its audit entry;
 * publishing again replaces the files (the report grows as the year's records do).
 */
export async function publishHrReport(
  ctx: AgencyContext,
  raw: z.input<typeof HrReportInput>,
  options: { dataDir: string },
) {
  const { fiscalYear } = HrReportInput.parse(raw);
  const now = ctx.now();
  const render = (format: 'pdf' | 'docx') =>
    renderHrReport(ctx.db, ctx.agencyId, fiscalYear, format, now);
  const pdf = await storeFile(options.dataDir, await render('pdf'));
  const docx = await storeFile(options.dataDir, await render('docx'));
  const row = {
    agencyId: ctx.agencyId,
    fiscalYear,
    pdfSha256: pdf.sha256,
    docxSha256: docx.sha256,
    publishedBy: ctx.actor.label,
    publishedAt: now,
    updatedAt: now,
  };
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(hrReports)
      .values(row)
      .onConflictDoUpdate({ target: [hrReports.agencyId, hrReports.fiscalYear], set: row });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'personnel.report.publish',
      entityType: 'personnel_hr_report',
      entityId: String(fiscalYear),
      after: row,
    });
    return row;
  });
}
