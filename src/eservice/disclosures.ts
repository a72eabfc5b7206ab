import type { DisclosedContent, DisclosureQuery } from '../core/module.js';
import { translate } from '../core/i18n/i18n.js';
import { listServices } from './queries.js';
import { serviceStatistics } from './service-statistics.js';

/**
 * What the e-service publishes on the OIT site for a year: the manuals, the online channel,
 * the service statistics and the satisfaction results. The disclosure module maps each feed
 * to that year's item codes (src/disclosure/feeds/fy*.json), never this code.
 */
export async function eserviceDisclosures(query: DisclosureQuery): Promise<DisclosedContent[]> {
  const services = await listServices(query.db, query.agencyId);
  if (services.length === 0) return [];
  const stats = await serviceStatistics(query.db, query.agencyId, query.fiscalYear);
  const th = (key: string, params?: Record<string, unknown>) => translate('th', key, params);
  const base = `/a/${query.agencySlug}`;
  const updatedAt = new Date(Math.max(...services.map((s) => s.revisionRow.createdAt.getTime())));
  const statsLink = [
    {
      label: 'HTML',
      href: `${base}/service-statistics/${query.fiscalYear}`,
      type: 'html' as const,
    },
  ];
  const requests = stats.reduce((n, s) => n + s.requests, 0);
  const onTime = stats.reduce((n, s) => n + s.onTime, 0);
  const answers = stats.reduce((n, s) => n + (s.satisfaction?.answers ?? 0), 0);
  return [
    {
      feed: 'eservice.manuals',
      title: th('eservice.disclosure.manuals'),
      summary: th('eservice.disclosure.manualsSummary', { count: services.length }),
      links: services.map((s) => ({
        label: s.manual.name,
        href: `${base}/services/${s.code}`,
        type: 'html' as const,
      })),
      fiscalYear: query.fiscalYear,
      updatedAt,
    },
    {
      feed: 'eservice.channel',
      title: th('eservice.disclosure.channel'),
      links: [{ label: th('eservice.public.title'), href: `${base}/services`, type: 'html' }],
      fiscalYear: query.fiscalYear,
      updatedAt,
    },
    {
      feed: 'eservice.statistics',
      title: th('eservice.disclosure.statistics'),
      summary: th('eservice.disclosure.statisticsSummary', { requests, onTime }),
      links: statsLink,
      fiscalYear: query.fiscalYear,
      updatedAt,
    },
    {
      feed: 'eservice.satisfaction',
      title: th('eservice.disclosure.satisfaction'),
      summary: th('eservice.disclosure.satisfactionSummary', { answers }),
      links: statsLink,
      fiscalYear: query.fiscalYear,
      updatedAt,
    },
  ];
}
