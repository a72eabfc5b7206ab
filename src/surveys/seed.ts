import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { bangkokDate } from './campaigns.js';
import { hashCode } from './access-codes.js';
import {
  surveyAccessCodes,
  surveyCampaigns,
  surveyResponses,
  type StoredAnswers,
} from './schema.js';
import { surveyShape } from './survey-pages.js';

/** Printed in the docs so a demo visitor can answer the IIT survey. */
export const DEMO_IIT_CODES = [
  'DEMO2-56601',
  'DEMO2-56602',
  'DEMO2-56603',
  'DEMO2-56604',
  'DEMO2-56605',
];

const EIT_TITLE = 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ปี 2566 — ทดลองตอบ';
const IIT_TITLE = 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ปี 2566 — ทดลองตอบ';

/** Deterministic sample answers (mostly good, some less so) so the demo dashboard has data. */
function sampleAnswers(tool: 'IIT' | 'EIT', n: number): StoredAnswers {
  const shape = surveyShape(2566, tool);
  const answers: StoredAnswers = {};
  shape.questions.forEach((q, qi) => {
    const options = shape.scaleOf(q).options;
    const pick = (k: number) => {
      const good = q.isReverseScored ? 0 : options.length - 1;
      const step = (n * 7 + qi * 3 + k) % 5 === 0 ? 1 : 0;
      return options[q.isReverseScored ? good + step : good - step]!.value;
    };
    answers[q.code] = q.subItems.length === 0 ? pick(0) : q.subItems.map((_, k) => pick(k + 1));
  });
  return answers;
}

/**
 * Demo for เทศบาลตำบลโพธิ์ทอง: an open EIT campaign on the 2566 questions with sample answers
 * (linked from the public home via the 'surveys.eit-open' feed) and an IIT campaign with
 * five known codes. Idempotent: found by title.
 */
export async function seedSurveys(ctx: AgencyContext): Promise<void> {
  const q = scoped(ctx.db, ctx.agencyId);
  const now = ctx.now();
  const opensOn = bangkokDate(new Date(now.getTime() - 30 * 86_400_000));
  const closesOn = bangkokDate(new Date(now.getTime() + 90 * 86_400_000));
  for (const [tool, titleTh] of [
    ['EIT', EIT_TITLE],
    ['IIT', IIT_TITLE],
  ] as const) {
    const existing = await q.find(surveyCampaigns, eq(surveyCampaigns.titleTh, titleTh));
    if (existing) continue;
    const [campaign] = await q.insert(surveyCampaigns, {
      fiscalYear: 2566,
      tool,
      titleTh,
      opensOn,
      closesOn,
      extraQuestions:
        tool === 'EIT'
          ? [{ code: 'x1', textTh: 'ท่านพึงพอใจต่อการให้บริการโดยรวมเพียงใด', kind: 'four-level' }]
          : [],
    });
    if (tool === 'EIT') {
      const channels = ['counter', 'counter', 'qr', 'website', 'facebook'];
      await ctx.db.insert(surveyResponses).values(
        Array.from({ length: 12 }, (_, n) => ({
          agencyId: ctx.agencyId,
          campaignId: campaign!.id,
          answeredOn: bangkokDate(new Date(now.getTime() - (n % 4) * 86_400_000)),
          channel: channels[n % channels.length]!,
          answers: sampleAnswers('EIT', n),
          extraAnswers: { x1: n % 3 === 0 ? 'much' : 'most' },
          submissionKey: `seed-${n}`,
        })),
      );
    } else {
      await q.insert(
        surveyAccessCodes,
        DEMO_IIT_CODES.map((code) => ({
          campaignId: campaign!.id,
          codeHash: hashCode(campaign!.id, code),
        })),
      );
    }
  }
}
