import { eq } from 'drizzle-orm';
import { defineModule } from '../core/module.js';
import { th, en } from './i18n.js';
import { measuresStaffRoutes } from './routes.staff.js';
import { measuresPublicRoutes } from './routes.public.js';
import { measuresCommands } from './commands.js';
import { measuresRemindersJob } from './jobs.js';
import { seedMeasures } from './seed.js';
import { actions } from './schema.js';
import { listPublishedReports, type PublishedReportRow } from './queries.js';
import { createMeasure } from './create-measure.js';
import { listUnits } from '../core/agencies/units.js';
import { scoped } from '../core/db/scoped.js';
import { currentFiscalYear, formatThaiDate } from '../core/i18n/thai-format.js';
import { fiscalMonthEnd, fiscalMonthStart } from './fiscal-dates.js';
import { measuresWaiting } from './waiting.js';

/** "ฉบับที่ 2 เผยแพร่ 6 ธันวาคม พ.ศ. 2569": a version's line on the public OIT page (Thai, as the reports). */
const earlierVersionText = (template: string, row: PublishedReportRow) =>
  template
    .replace('{version}', String(row.version))
    .replace('{date}', formatThaiDate(row.publishedAt));

/** มาตรการ: the action plan from the ITA analysis, tracked to completion and reported. */
export const measuresModule = defineModule({
  name: 'measures',
  routes: { staff: measuresStaffRoutes, public: measuresPublicRoutes },
  waiting: measuresWaiting,
  permissions: {
    'measures.view': ['agency_admin', 'executive', 'unit_officer'],
    'measures.manage': ['agency_admin', 'executive'],
    'measures.report': ['agency_admin', 'unit_officer'],
    'measures.approve': ['executive'],
  },
  nav: [
    {
      audience: 'staff',
      href: '/staff/measures',
      label: 'measures.nav.board',
      permission: 'measures.view',
      order: 30,
    },
    {
      audience: 'staff',
      href: '/staff/measures/mine',
      label: 'measures.nav.mine',
      permission: 'measures.report',
      order: 31,
    },
  ],
  commands: measuresCommands,
  jobs: [measuresRemindersJob],
  catalog: { th, en },
  seed: seedMeasures,
  isolationFixture: async (ctx) => {
    const marker = `มาตรการทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const [unit] = await listUnits(ctx.db, ctx.agencyId);
    const year = currentFiscalYear(ctx.now());
    const m = await createMeasure(ctx, { fiscalYear: year, title: marker }, [
      {
        stepText: `${marker} ขั้นตอน`,
        unitId: unit!.id,
        startDate: fiscalMonthStart(year, 0),
        dueDate: fiscalMonthEnd(year, 11),
      },
    ]);
    const [action] = await scoped(ctx.db, ctx.agencyId).list(actions, eq(actions.measureId, m.id));
    return {
      params: { id: m.id },
      byRoute: {
        '/staff/measures/actions/:id': { id: action!.id },
        '/staff/measures/actions/:id/progress': { id: action!.id },
        '/staff/measures/actions/:id/edit': { id: action!.id },
        '/staff/measures/actions/:id/delete': { id: action!.id },
      },
      markers: [marker],
    };
  },
  /**
   * Each report's newest version (what the OIT item links first), then its earlier versions,
   * newest first, so a citizen sees what changed hands and when (publish-measures-reports.ts).
   */
  disclosures: async ({ db, agencyId, agencySlug, fiscalYear }) => {
    const rows = await listPublishedReports(db, agencyId, fiscalYear);
    const newest = rows.filter(
      (r) => !rows.some((o) => o.kind === r.kind && o.version > r.version),
    );
    return newest.map((r) => {
      const base = `/a/${agencySlug}/measures/${r.fiscalYear}/${r.kind}`;
      const earlier = rows.filter((o) => o.kind === r.kind && o.version < r.version);
      return {
        feed: r.kind === 'plan' ? 'measures.plan' : 'measures.progress-report',
        title: r.title,
        summary: earlierVersionText(th.reports.currentVersion, r),
        links: [
          { label: 'PDF', href: `${base}.pdf`, type: 'pdf' as const },
          { label: 'DOCX', href: `${base}.docx`, type: 'docx' as const },
          ...earlier.map((o) => ({
            label: earlierVersionText(th.reports.earlierVersion, o),
            href: `${base}-v${o.version}.pdf`,
            type: 'pdf' as const,
          })),
        ],
        fiscalYear: r.fiscalYear,
        updatedAt: r.publishedAt,
      };
    });
  },
});
