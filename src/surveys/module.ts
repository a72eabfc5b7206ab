import { and, eq, gte, lte } from 'drizzle-orm';
import { defineModule } from '../core/module.js';
import { bangkokDate } from './campaigns.js';
import { issueAccessCodes } from './access-codes.js';
import { th, en } from './i18n.js';
import { eitSubmitLane } from './node-lane.js';
import { surveysPublicRoutes } from './routes.public.js';
import { surveysStaffRoutes } from './routes.staff.js';
import { surveyCampaigns } from './schema.js';
import { seedSurveys } from './seed.js';
import { surveysAbuseCleanupJob } from './jobs.js';
import { createCampaign } from './campaigns.js';
import { defaultCampaignYear } from './survey-pages.js';
import { surveysWaiting } from './waiting.js';

/** Surveys: IIT and EIT pre-assessment campaigns on the framework's own questions. */
export const surveysModule = defineModule({
  name: 'surveys',
  jobs: [surveysAbuseCleanupJob],
  routes: { public: surveysPublicRoutes, staff: surveysStaffRoutes },
  nodeLanes: (context) => [eitSubmitLane(context)],
  waiting: surveysWaiting,
  permissions: {
    'surveys.manage': ['agency_admin'],
    'surveys.view': ['agency_admin', 'executive'],
  },
  nav: [
    {
      audience: 'staff',
      href: '/staff/surveys',
      label: 'surveys.nav.surveys',
      permission: 'surveys.view',
      order: 40,
    },
  ],
  catalog: { th, en },
  seed: seedSurveys,
  isolationFixture: async (ctx) => {
    const marker = `แบบวัดทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const campaign = await createCampaign(ctx, {
      fiscalYear: defaultCampaignYear([], ctx.now()),
      tool: 'IIT',
      titleTh: marker,
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    await issueAccessCodes(ctx, campaign.id, 1);
    return { params: { id: campaign.id, file: 'answers.csv' }, markers: [marker] };
  },
  /** Open EIT campaigns, so the agency's public home links the survey ('surveys.eit-open'). */
  disclosures: async ({ db, agencyId, agencySlug }) => {
    const today = bangkokDate(new Date());
    const open = await db
      .select()
      .from(surveyCampaigns)
      .where(
        and(
          eq(surveyCampaigns.agencyId, agencyId),
          eq(surveyCampaigns.tool, 'EIT'),
          lte(surveyCampaigns.opensOn, today),
          gte(surveyCampaigns.closesOn, today),
        ),
      );
    return open.map((c) => ({
      feed: 'surveys.eit-open',
      title: c.titleTh,
      summary: `ร่วมตอบแบบวัดความคิดเห็นผู้รับบริการ (ไม่ระบุตัวตน) ถึง ${c.closesOn}`,
      links: [
        {
          label: 'ตอบแบบวัด',
          href: `/a/${agencySlug}/surveys/${c.id}?ch=website`,
          type: 'html' as const,
        },
      ],
      fiscalYear: c.fiscalYear,
      updatedAt: c.updatedAt,
    }));
  },
});
