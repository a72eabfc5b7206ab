import { desc, eq, and } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { can } from '../core/auth/permissions.js';
import { scoped } from '../core/db/scoped.js';
import { ForbiddenError, ValidationError } from '../core/errors.js';
import { storeFile } from '../core/files/index.js';
import { renderItaAnalysisReport } from './documents/ita-analysis-report.js';
import { findAnalysis } from './queries.js';
import { assessmentAnalyses, assessmentPublishedReports } from './schema.js';

export type PublishedAnalysisReport = typeof assessmentPublishedReports.$inferSelect;

/** Every published version of a year's analysis report, newest first (the history). */
export async function listPublishedAnalysisReports(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<PublishedAnalysisReport[]> {
  return scoped(db, agencyId).list(
    assessmentPublishedReports,
    eq(assessmentPublishedReports.fiscalYear, fiscalYear),
    desc(assessmentPublishedReports.version),
  );
}

/** The version the public site serves: the newest one published, or null. */
export async function findPublishedAnalysisReport(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  version?: number,
): Promise<PublishedAnalysisReport | null> {
  if (version !== undefined) {
    return scoped(db, agencyId).find(
      assessmentPublishedReports,
      and(
        eq(assessmentPublishedReports.fiscalYear, fiscalYear),
        eq(assessmentPublishedReports.version, version),
      )!,
    );
  }
  return (await listPublishedAnalysisReports(db, agencyId, fiscalYear))[0] ?? null;
}

/**
 * Publishes the year's analysis report (รายงานการวิเคราะห์ผลการประเมิน) to the public site:
 * renders it once as DOCX and PDF from the analysis as it stands, freezes both in the file store,
 * and records them as the next version in one transaction. The public site serves those bytes
 * until the next publication; the previous versions stay listed as the history. Only a person
 * with `assessment.publish` (the executive) may publish: a draft never becomes public by itself.
 */
export async function publishAnalysisReport(
  ctx: AgencyContext,
  fiscalYear: number,
  options: { dataDir: string },
): Promise<PublishedAnalysisReport> {
  if (!can(ctx.actor, 'assessment.publish')) throw new ForbiddenError();
  const analysis = await findAnalysis(ctx.db, ctx.agencyId, fiscalYear);
  if (!analysis) throw new ValidationError('assessment.publish.noAnalysis');
  // Rendering takes seconds (Chromium for the PDF and charts): outside the transaction.
  const docx = await renderItaAnalysisReport(ctx.db, ctx.agencyId, fiscalYear, 'docx');
  const pdf = await renderItaAnalysisReport(ctx.db, ctx.agencyId, fiscalYear, 'pdf');
  const [docxFile, pdfFile] = [
    await storeFile(options.dataDir, docx),
    await storeFile(options.dataDir, pdf),
  ];
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // Two executives publishing at once: the analysis row's lock makes the second wait and take
    // the next version number, instead of failing on the primary key.
    await tx
      .select({ fiscalYear: assessmentAnalyses.fiscalYear })
      .from(assessmentAnalyses)
      .where(
        and(
          eq(assessmentAnalyses.agencyId, ctx.agencyId),
          eq(assessmentAnalyses.fiscalYear, fiscalYear),
        ),
      )
      .for('update');
    const previous = await findPublishedAnalysisReport(tx, ctx.agencyId, fiscalYear);
    const [row] = await scoped(tx, ctx.agencyId).insert(assessmentPublishedReports, {
      fiscalYear,
      version: (previous?.version ?? 0) + 1,
      title: analysis.titleTh,
      docxSha256: docxFile.sha256,
      pdfSha256: pdfFile.sha256,
      publishedBy: ctx.actor.label,
      publishedByUserId: ctx.actor.userId,
      publishedAt: now,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.report.publish',
      entityType: 'assessment_published_report',
      entityId: `${fiscalYear}:${row!.version}`,
      before: previous,
      after: row,
    });
    return row!;
  });
}
