import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../core/audit/audit.js';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { TtlCache } from '../core/cache/ttl-cache.js';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN, fromThaiDigits } from '../core/i18n/thai-format.js';
import { hasFramework } from './survey-pages.js';
import { surveyCampaigns, type ExtraQuestion } from './schema.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { requiredText } from '../core/validation/text.js';

export type Campaign = typeof surveyCampaigns.$inferSelect;

/**
 * The calendar date in Thailand as YYYY-MM-DD: the only time an answer keeps. Thailand has
 * kept UTC+7 without daylight saving since 1920, so plain arithmetic is exact here, and it
 * costs a tenth of an Intl formatter, which was 2 % of a survey POST's CPU at surge.
 */
export function bangkokDate(now: Date): string {
  const shifted = now.getTime() + BANGKOK_OFFSET_MS;
  if (shifted >= lastDay.start && shifted < lastDay.start + DAY_MS) return lastDay.date;
  const start = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
  lastDay = { start, date: new Date(start).toISOString().slice(0, 10) };
  return lastDay.date;
}

const BANGKOK_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
// A submit asks for today's date several times; the day it falls in is kept until it ends.
let lastDay = { start: NaN, date: '' };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'surveys.errors.date');

/**
 * More people than live in Thailand: a larger headcount is a typing error. It also keeps the
 * value far inside PostgreSQL's integer, so a huge number is a 422, not an overflow.
 */
// surveys.errors.population states this number to the user.
export const MAX_STAKEHOLDER_POPULATION = 100_000_000;

/**
 * จำนวนผู้มีส่วนได้ส่วนเสีย as typed: Thai or ASCII digits, with thousands separators or
 * spaces ("1,250", "๑๒๕๐"); empty = not known. Anything else (a sign, a decimal point, words)
 * is left as text so that the number check refuses it with the Thai message.
 */
export const StakeholderPopulation = z
  .preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const digits = fromThaiDigits(value.normalize('NFC')).replace(/[\s,\u200B]/g, '');
      if (digits === '') return null;
      return /^\d{1,15}$/.test(digits) ? Number(digits) : value;
    },
    z
      .number({ error: 'surveys.errors.population' })
      .int('surveys.errors.population')
      .min(0, 'surveys.errors.population')
      .max(MAX_STAKEHOLDER_POPULATION, 'surveys.errors.population')
      .nullable(),
  )
  .optional()
  .transform((value) => value ?? null);

export const CreateCampaignInput = z
  .object({
    fiscalYear: typedNumber(z.coerce.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX)),
    tool: z.enum(['IIT', 'EIT']),
    titleTh: requiredText(200),
    opensOn: isoDate,
    closesOn: isoDate,
    /** One extra question per line; a line starting with "*" asks for a free comment. */
    extraQuestions: z
      .string()
      .max(5000)
      .default('')
      .transform((s) =>
        s
          .split(/\r?\n/)
          .map((l) => l.normalize('NFC').trim())
          .filter(Boolean)
          .slice(0, 20)
          .map((line, i): ExtraQuestion =>
            line.startsWith('*')
              ? { code: `x${i + 1}`, textTh: line.slice(1).trim(), kind: 'text' }
              : { code: `x${i + 1}`, textTh: line, kind: 'four-level' },
          ),
      ),
    stakeholderPopulation: StakeholderPopulation,
  })
  .refine((v) => v.opensOn <= v.closesOn, { path: ['closesOn'], message: 'surveys.errors.dates' })
  .refine((v) => hasFramework(v.fiscalYear), {
    path: ['fiscalYear'],
    message: 'surveys.errors.noFramework',
  });
export type CreateCampaignInput = z.input<typeof CreateCampaignInput>;

/**
 * Opens a campaign (แบบวัดล่วงหน้า) for a fiscal year and tool; the questions come from that
 * year's framework data, the extra questions are the agency's own and never scored.
 */
export async function createCampaign(
  ctx: AgencyContext,
  raw: CreateCampaignInput,
): Promise<Campaign> {
  const input = CreateCampaignInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const [row] = await scoped(tx, ctx.agencyId).insert(surveyCampaigns, input);
    await audit(tx, ctx, ctx.agencyId, {
      action: 'surveys.campaign.create',
      entityType: 'surveys_campaign',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export const UpdateCampaignPopulationInput = z.object({
  stakeholderPopulation: StakeholderPopulation,
});
export type UpdateCampaignPopulationInput = z.input<typeof UpdateCampaignPopulationInput>;

/**
 * Sets or clears a campaign's จำนวนผู้มีส่วนได้ส่วนเสีย. The agency often learns the figure
 * (HR's count of staff with a year of service, last year's service statistics) after opening
 * the survey, and the minimum sample follows it. Saving the same figure writes nothing.
 */
export async function updateCampaignPopulation(
  ctx: AgencyContext,
  campaignId: string,
  raw: UpdateCampaignPopulationInput,
): Promise<Campaign> {
  const input = UpdateCampaignPopulationInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(surveyCampaigns, eq(surveyCampaigns.id, campaignId));
    if (before.stakeholderPopulation === input.stakeholderPopulation) return before;
    const [after] = await q.update(
      surveyCampaigns,
      { stakeholderPopulation: input.stakeholderPopulation, updatedAt: ctx.now() },
      eq(surveyCampaigns.id, campaignId),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'surveys.campaign.population',
      entityType: 'surveys_campaign',
      entityId: campaignId,
      before: { stakeholderPopulation: before.stakeholderPopulation },
      after: { stakeholderPopulation: after!.stakeholderPopulation },
    });
    return after!;
  });
}

/** The agency's campaigns, newest first. */
export function listCampaigns(db: DbOrTx, agencyId: string): Promise<Campaign[]> {
  return scoped(db, agencyId).list(surveyCampaigns, undefined, [
    desc(surveyCampaigns.fiscalYear),
    desc(surveyCampaigns.opensOn),
  ]);
}

/** One campaign of this agency (NotFoundError for another agency's). */
export function getCampaign(db: DbOrTx, agencyId: string, id: string): Promise<Campaign> {
  return scoped(db, agencyId).get(surveyCampaigns, eq(surveyCampaigns.id, id));
}

// What respondents' pages read of a campaign is never edited once someone has answered (the
// question wording may change until the first answer, the staff-side headcount any time), so
// a short-lived copy is exact; the TTL only bounds memory and how long a deleted campaign
// stays answerable.
const PUBLIC_CAMPAIGN_TTL_MS = 5_000;
// One cache per database: tests open many in one process, and a campaign id is only unique
// within its own.
const publicCampaigns = new WeakMap<object, TtlCache<string, Campaign>>();

/**
 * getCampaign for the respondents' pages, kept in memory for a few seconds: on closing day
 * every page view and submit needs the campaign row, and reading it once per request was one
 * of three database round trips of the final submit. Keyed by database and agency, so
 * another agency's campaign is still a NotFoundError.
 */
export async function getPublicCampaign(
  db: DbOrTx,
  agencyId: string,
  id: string,
  now = Date.now(),
): Promise<Campaign> {
  let campaigns = publicCampaigns.get(db);
  if (!campaigns) {
    campaigns = new TtlCache({ ttlMs: PUBLIC_CAMPAIGN_TTL_MS, maxEntries: 10_000 });
    publicCampaigns.set(db, campaigns);
  }
  return campaigns.getOrLoad(`${agencyId}|${id}`, () => getCampaign(db, agencyId, id), now);
}

/** Open on `now`'s Thai date, both ends included. */
export function isCampaignOpen(campaign: Campaign, now: Date): boolean {
  const today = bangkokDate(now);
  return campaign.opensOn <= today && today <= campaign.closesOn;
}
