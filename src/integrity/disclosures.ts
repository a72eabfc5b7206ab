import type { DisclosedContent, DisclosureQuery } from '../core/module.js';
import { listPublishedOfficialDocuments } from '../core/official/index.js';
import { th } from './i18n.js';

/**
 * What the integrity module puts on the OIT site: every published announcement or order whose
 * template names a feed (`integrity.no-gift`, `integrity.hr-criteria`…). The disclosure module
 * files each feed under that year's item codes (feeds/fy<year>.json), so no item number is here.
 */
export async function integrityDisclosures(query: DisclosureQuery): Promise<DisclosedContent[]> {
  const docs = await listPublishedOfficialDocuments(query.db, query.agencyId, query.fiscalYear);
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
    });
}
