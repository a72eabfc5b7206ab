import type { DisclosedContent, DisclosureQuery } from '../core/module.js';
import { translate } from '../core/i18n/i18n.js';
import { listHrReports } from './queries.js';

/**
 * The published yearly HR report of the asked year as the feed `personnel.hr-report`; the
 * disclosure module files it under that year's item (O15 from 2568, O26 in 2566) from
 * disclosure/feeds/fy<year>.json, so no item code is written here.
 */
export async function personnelDisclosures(query: DisclosureQuery): Promise<DisclosedContent[]> {
  const reports = await listHrReports(query.db, query.agencyId);
  return reports
    .filter((r) => r.fiscalYear === query.fiscalYear)
    .map((r) => {
      const base = `/a/${query.agencySlug}/personnel/reports/${r.fiscalYear}`;
      return {
        feed: 'personnel.hr-report',
        title: translate('th', 'personnel.report.title', { year: r.fiscalYear }),
        links: [
          { label: 'PDF', href: `${base}.pdf`, type: 'pdf' as const },
          { label: 'DOCX', href: `${base}.docx`, type: 'docx' as const },
        ],
        fiscalYear: r.fiscalYear,
        updatedAt: r.publishedAt,
      };
    });
}
