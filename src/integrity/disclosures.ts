import type { DisclosedContent, DisclosureQuery } from '../core/module.js';
import { listPublishedOfficialDocuments } from '../core/official/index.js';
import { and, eq } from 'drizzle-orm';
import { th } from './i18n.js';
import { integrityReports } from './schema.js';

/** The risk report fills two items: the assessment and the report on managing the risks. */
const REPORT_FEEDS = ['integrity.risk-assessment', 'integrity.risk-management'] as const;

/**
 * What the integrity module puts on the OIT site: every published announcement or order whose
 * template names a feed (`integrity.no-gift`, `integrity.hr-criteria`…). The disclosure module
 * files each feed under that year's item codes (feeds/fy<year>.json), so no item number is here.
 */
export async function integrityDisclosures(query: DisclosureQuery): Promise<DisclosedContent[]> {
  const docs = await listPublishedOfficialDocuments(query.db, query.agencyId, query.fiscalYear);
  const reports = await query.db
    .select()
    .from(integrityReports)
    .where(
      and(
        eq(integrityReports.agencyId, query.agencyId),
        eq(integrityReports.fiscalYear, query.fiscalYear),
      ),
    );
  const fromReports = reports.flatMap((r) => {
    const base = `/a/${query.agencySlug}/integrity/reports/${r.fiscalYear}/${r.kind}`;
    return REPORT_FEEDS.map((feed) => ({
      feed,
      title: r.title,
      links: [
        { label: 'PDF', href: `${base}.pdf`, type: 'pdf' as const },
        { label: 'DOCX', href: `${base}.docx`, type: 'docx' as const },
      ],
      fiscalYear: r.fiscalYear,
      updatedAt: r.publishedAt,
    }));
  });
  return docs
    .filter((d) => d.feed !== null)
    .map((d) => {
      const base = `/a/${query.agencySlug}/integrity/documents/${d.id}`;
      return {
        feed: d.feed!,
        title: `${th.kinds[d.kind]} เรื่อง ${d.subject}`,
        links: [
          { label: 'PDF', href: `${base}.pdf`, type: 'pdf' as const },
          { label: 'DOCX', href: `${base}.docx`, type: 'docx' as const },
        ],
        fiscalYear: d.fiscalYear,
        updatedAt: d.publishedAt ?? d.updatedAt,
      };
    })
    .concat(fromReports);
}
