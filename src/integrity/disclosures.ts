import type { DisclosedContent, DisclosureQuery } from '../core/module.js';
import { listPublishedOfficialDocuments } from '../core/official/index.js';
import { and, eq } from 'drizzle-orm';
import { th } from './i18n.js';
import { activities, gifts, integrityReports } from './schema.js';

/**
 * Activities are evidence on the item of their kind: No Gift culture (o21 in 2568: ประกาศเจตนารมณ์
 * และการสร้างวัฒนธรรมตามนโยบาย No Gift Policy) and the executive's declaration event (beside its
 * announcement). The gift register is the report on gifts received (o22 in 2568).
 */
const ACTIVITY_FEEDS = { 'no-gift': 'integrity.no-gift', declaration: 'integrity.declaration' };
const GIFT_FEED = 'integrity.gift-report';

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
  const fromMeasures = await measureDisclosures(query);
  const fromDocs = docs
    .filter((d) => d.feed !== null)
    .map((d): DisclosedContent => {
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
  return [...fromDocs, ...fromReports, ...fromMeasures];
}

/** The year's activity records and, once the agency keeps a No Gift record, its gift report. */
async function measureDisclosures(query: DisclosureQuery): Promise<DisclosedContent[]> {
  const base = `/a/${query.agencySlug}/integrity`;
  const rows = await query.db
    .select()
    .from(activities)
    .where(
      and(eq(activities.agencyId, query.agencyId), eq(activities.fiscalYear, query.fiscalYear)),
    )
    .orderBy(activities.heldOn);
  const giftRows = await query.db
    .select({ updatedAt: gifts.updatedAt })
    .from(gifts)
    .where(and(eq(gifts.agencyId, query.agencyId), eq(gifts.fiscalYear, query.fiscalYear)));
  const out: DisclosedContent[] = rows.map((a) => ({
    feed: ACTIVITY_FEEDS[a.kind],
    title: `${th.activities.kinds[a.kind]}: ${a.title}`,
    links: [{ label: a.title, href: `${base}/activities/${a.id}`, type: 'html' as const }],
    fiscalYear: a.fiscalYear,
    updatedAt: a.updatedAt,
  }));
  // "Nothing received" is itself the report, so it is published once the agency keeps any No
  // Gift record that year (an activity or a gift), not only when a gift was registered.
  const keepsNoGift = giftRows.length > 0 || rows.some((a) => a.kind === 'no-gift');
  if (keepsNoGift) {
    const latest = [...giftRows, ...rows].reduce(
      (max, r) => (r.updatedAt > max ? r.updatedAt : max),
      new Date(0),
    );
    const title = th.gifts.publicTitle.replace('{year}', String(query.fiscalYear));
    out.push({
      feed: GIFT_FEED,
      title,
      links: [{ label: title, href: `${base}/gifts/${query.fiscalYear}`, type: 'html' }],
      fiscalYear: query.fiscalYear,
      updatedAt: latest,
    });
  }
  return out;
}
