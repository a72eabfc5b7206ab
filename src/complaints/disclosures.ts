import type { DisclosedContent, DisclosureQuery } from '../core/module.js';
import { translate } from '../core/i18n/i18n.js';
import { PERIODS } from './statistics.js';

/**
 * What the centre publishes for an OIT year: the process with its times (O27 in 2566, O17
 * from 2568), the channels (O28 / O18) and the statistics (O29 / O19). Which item each feed
 * fills is data (disclosure/feeds/fy<year>.json), never code. The pages are live public pages.
 */
export async function complaintsDisclosures(query: DisclosureQuery): Promise<DisclosedContent[]> {
  const base = `/a/${query.agencySlug}/complaints`;
  const t = (key: string, params?: Record<string, unknown>) => translate('th', key, params);
  const now = new Date();
  return [
    {
      feed: 'complaints.process',
      title: t('complaints.public.processTitle'),
      links: [{ label: t('complaints.public.processTitle'), href: base, type: 'html' }],
      fiscalYear: query.fiscalYear,
      updatedAt: now,
    },
    {
      feed: 'complaints.channel',
      title: t('complaints.public.fileCorruption'),
      links: [
        {
          label: t('complaints.public.fileCorruption'),
          href: `${base}/new/corruption`,
          type: 'html',
        },
      ],
      fiscalYear: query.fiscalYear,
      updatedAt: now,
    },
    {
      feed: 'complaints.statistics',
      title: t('complaints.stats.title', { year: query.fiscalYear }),
      links: PERIODS.map((p) => ({
        label: t(`complaints.stats.periods.${p}`),
        href: `${base}/statistics?year=${query.fiscalYear}&period=${p}`,
        type: 'html' as const,
      })),
      fiscalYear: query.fiscalYear,
      updatedAt: now,
    },
  ];
}
