import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { sql } from 'drizzle-orm';
import { scoped } from '../core/db/scoped.js';
import { findPublishedReport } from './queries.js';
import { publishedReports, REPORT_KINDS, type ReportKind } from './schema.js';
import { FiscalYear } from './create-measure.js';
import { parseOrRefuse } from './check-action-input.js';
import { REPORT_TITLES, renderMeasuresReport } from './build-measures-report.js';
import { storeFile } from '../core/files/index.js';

/**
 * Publishes the plan report and the progress report (DOCX + PDF each) to the public site in
 * one step: renders all four files first, then records them in one transaction, so the site
 * never shows one report new and the other old. Each publication is a new version of both
 * reports: the earlier versions stay stored and listed (a citizen who downloaded version 1 can
 * still find it), the public site serves the newest.
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
  // Rendering takes seconds (Chromium for the PDF): outside the transaction.
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
    // Two people publishing at once: the second waits here and takes the next version number
    // instead of failing on the primary key (there may be no row yet to lock "for update").
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`measures.reports.${ctx.agencyId}.${fiscalYear}`}))`,
    );
    const rows = [];
    for (const f of files) {
      const previous = await findPublishedReport(tx, ctx.agencyId, fiscalYear, f.kind);
      const [row] = await scoped(tx, ctx.agencyId).insert(publishedReports, {
        fiscalYear,
        ...f,
        version: (previous?.version ?? 0) + 1,
        publishedBy: ctx.actor.label,
        publishedByUserId: ctx.actor.userId,
        publishedAt: now,
        updatedAt: now,
      });
      await audit(tx, ctx, ctx.agencyId, {
        action: 'measures.report.publish',
        entityType: 'published_report',
        entityId: `${fiscalYear}:${f.kind}:${row!.version}`,
        before: previous,
        after: row,
      });
      rows.push(row!);
    }
    return rows;
  });
}
