// ITA framework as data: what a fy*.json file holds, field by field. Every fact carries its
// source and confidence, because the NACC's manuals are not public and a fact copied from an
// LAO's page or another year must say so wherever it is shown (ita-framework-corrections.md).
import { z } from 'zod';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN } from '../../core/i18n/thai-format.js';

/**
 * How sure we are of a fact. 'confirmed' = seen in a primary or reproducible source;
 * 'likely' = seen only in secondary copies or fits every check we have;
 * 'unconfirmed' = inferred, remembered or copied from another year without evidence.
 */
export const Confidence = z.enum(['confirmed', 'likely', 'unconfirmed']);
export type Confidence = z.infer<typeof Confidence>;

/**
 * Every record in a framework file carries where it came from. `source` is a key of the
 * file's `sources` map (checked) so that one long URL is written once.
 */
const provenance = {
  source: z.string().min(1),
  confidence: Confidence,
  note: z.string().optional(),
};

export const ToolCode = z.enum(['IIT', 'EIT', 'OIT']);
export type ToolCode = z.infer<typeof ToolCode>;
export const TOOL_CODES: readonly ToolCode[] = ToolCode.options;

export const FrameworkSource = z.object({ title: z.string().min(1), url: z.url().optional() });

/**
 * กลุ่มตัวอย่างขั้นต่ำ: how many respondents a survey tool needs, computed from the one
 * headcount the agency enters (ITAS asks for that number only and computes the minimum itself).
 * The parameters are applied in this order, and the result never exceeds the headcount:
 * 1. fewer than `allIfFewerThan` people → all of them;
 * 2. more than `cap.abovePopulation` people → `cap.sample`;
 * 3. otherwise the larger of `floor` and `fraction` of the headcount, rounded up to a whole
 *    person (a share of 10 % of 301 people is 31, never 30).
 */
export const MinimumSampleRule = z.object({
  /** Decimal share of the headcount, e.g. 0.1; 0 = no share, only the floor counts. */
  fraction: z.number().min(0).max(1),
  floor: z.number().int().min(0),
  allIfFewerThan: z.number().int().min(0),
  /** null = the share keeps growing with the headcount. */
  cap: z
    .object({
      abovePopulation: z.number().int().min(1),
      sample: z.number().int().min(1),
    })
    .nullable(),
  ...provenance,
});

/** เครื่องมือการประเมิน: IIT, EIT or OIT with its weight in the total. */
export const FrameworkTool = z.object({
  code: ToolCode,
  nameTh: z.string().min(1),
  nameEn: z.string().min(1),
  /** Decimal fraction of the total, e.g. 0.3; kept short so it converts exactly to a ratio. */
  weight: z.number().gt(0).lte(1),
  /** IIT and EIT only: OIT has no respondents. Its own source, separate from the weight's. */
  minimumSample: MinimumSampleRule.optional(),
  ...provenance,
});

/** ตัวชี้วัด: one of the NACC's 10 indicators. */
export const FrameworkIndicator = z.object({
  no: z.number().int().min(1),
  nameTh: z.string().min(1),
  nameEn: z.string().min(1),
  tool: ToolCode,
  ...provenance,
});

/** ตัวเลือกคำตอบ: one option of an answer scale and its score (0–100). */
export const ScaleOption = z.object({
  value: z.string().regex(/^[a-z][a-z0-9-]*$/),
  labelTh: z.string().min(1),
  score: z.number().min(0).max(100),
});

/** มาตรวัดคำตอบ: the options a question offers, best (highest score) last. */
export const AnswerScale = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  nameTh: z.string().min(1),
  options: z.array(ScaleOption).min(2),
  ...provenance,
});

export const SubItem = z.object({
  textTh: z.string().min(1),
  /** Overrides the question's direction for mixed questions (e.g. i11). */
  isReverseScored: z.boolean().optional(),
});

/** ข้อคำถาม: one IIT (i…) or EIT (e…) question. */
export const SurveyQuestion = z.object({
  code: z.string().regex(/^[ie][1-9][0-9]*$/),
  indicatorNo: z.number().int().min(1),
  /** null = the official wording is not known (say so rather than invent it). */
  textTh: z.string().min(1).nullable(),
  /** What the question is about when the wording is unknown (from the seed's findings). */
  topicTh: z.string().min(1).optional(),
  /**
   * Plain Thai a respondent reads while the official wording is unknown: written for Prongsai
   * from the indicator's subject, and editable by an agency per campaign before it opens.
   * Required when `textTh` is null, so no respondent ever sees a bare code.
   */
  respondentTextTh: z.string().min(1).optional(),
  subItems: z.array(SubItem),
  scaleId: z.string().min(1),
  /** A higher answer is worse (e.g. "มีการเรียกรับ…"): the option scores are mirrored. */
  isReverseScored: z.boolean(),
  ...provenance,
});

/** ตัวชี้วัดย่อย: an OIT sub-indicator such as 9.1 ข้อมูลพื้นฐาน. */
export const OitSubIndicator = z.object({
  code: z.string().regex(/^(9|10)\.[1-9]$/),
  indicatorNo: z.number().int().min(1),
  nameTh: z.string().min(1),
  ...provenance,
});

/**
 * Which fiscal year the published evidence must belong to: the assessed year, the one
 * before it, none (standing information such as the organisation chart) or unknown.
 */
export const OitPeriod = z.enum(['current', 'previous', 'none', 'unknown']);

/**
 * What an OIT item's entry rests on:
 * - `seen`: the item was seen in a source for this year (its confidence says how well);
 * - `placeholder`: the year has an item at this place, but what it asks is not known yet;
 * - `carried`: nothing of this year is known, so the item is the latest known year's
 *   (`carriedFromYear`), kept so agencies can work, and replaced when the year's list is read.
 */
export const OitItemBasis = z.enum(['seen', 'placeholder', 'carried']);
export type OitItemBasis = z.infer<typeof OitItemBasis>;

const OitCode = z.string().regex(/^o[1-9][0-9]*$/);

/** ข้อมูล OIT: one item of the open-data checklist (o1…), scored 100 or 0. */
export const OitItem = z.object({
  code: OitCode,
  nameTh: z.string().min(1),
  subIndicator: z.string().regex(/^(9|10)\.[1-9]$/),
  requiredElements: z.array(z.string().min(1)),
  period: OitPeriod,
  keywords: z.array(z.string().min(1)),
  basis: OitItemBasis.default('seen'),
  carriedFromYear: z.number().int().optional(),
  ...provenance,
});

const ItemCode = z.string().regex(/^[ieo][1-9][0-9]*$/);

/**
 * การจับคู่ข้อ: how last year's OIT items (o…) and questions (i…, e…) continue in this year's
 * numbering, so an agency can copy its content and settings forward when the NACC renumbers.
 * `items[old] = new code`, or null when the old item is no longer asked. An OIT item that is
 * not listed has no known successor and is matched only by an identical name, never by its
 * number; a question that is not listed keeps its code (no year seen renumbered IIT/EIT).
 */
export const ItemMapping = z.object({
  fromYear: z.number().int(),
  items: z.record(ItemCode, ItemCode.nullable()),
  ...provenance,
});

/**
 * ระดับผลการประเมิน: levels are tried in order; the first whose conditions hold is the
 * result. Conditions apply to the published (2-decimal) scores.
 */
export const ResultLevel = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$|^[A-F]{1,2}$/),
  labelTh: z.string().min(1),
  labelEn: z.string().min(1),
  minTotal: z.number().min(0).max(100),
  /** Every tool score must reach this; null = no per-tool condition. */
  minEachTool: z.number().min(0).max(100).nullable(),
  isPassing: z.boolean(),
  /**
   * Codes of other levels the NACC has given to results meeting this level's rule, when the
   * public record contradicts the rule (2566: no ผ่านดีเยี่ยม found at or above 95). The
   * computed level is then worded "X หรือ Y", never X alone.
   */
  mayOfficiallyBe: z.array(z.string().min(1)).optional(),
  ...provenance,
});

export const ResultLevels = z.object({
  scheme: z.enum(['grade-aa-f', 'rating-2566']),
  levels: z.array(ResultLevel).min(1),
});

/** ประเด็นการวิเคราะห์: an issue area of the analysis report, with the questions it covers. */
export const IssueArea = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  no: z.number().int().min(1),
  nameTh: z.string().min(1),
  questions: z.array(z.object({ code: z.string().regex(/^[ieo][1-9][0-9]*$/), ...provenance })),
  ...provenance,
});

/**
 * A framework file's fields, each checked on its own. The rules between fields (every source
 * key resolves, weights add to 1, a level table ends at 0…) are in framework-schema.ts, whose
 * `ItaFramework` is the schema to parse a file with.
 */
export const ItaFrameworkShape = z.object({
  fiscalYear: z.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX),
  titleTh: z.string().min(1),
  notes: z.array(z.string()).default([]),
  sources: z.record(z.string().regex(/^[a-z0-9-]+$/), FrameworkSource),
  tools: z.array(FrameworkTool).length(3),
  indicators: z.array(FrameworkIndicator).min(1),
  answerScales: z.array(AnswerScale),
  iitQuestions: z.array(SurveyQuestion),
  eitQuestions: z.array(SurveyQuestion),
  oitSubIndicators: z.array(OitSubIndicator),
  oitItems: z.array(OitItem),
  itemMapping: ItemMapping.optional(),
  resultLevels: ResultLevels.extend(provenance),
  target: z.object({ value: z.number().min(0).max(100), ...provenance }),
  issueAreas: z.array(IssueArea),
  /** How scores are combined; read by the scorer's `unconfirmed` report. */
  scoringRules: z.array(
    z.object({ id: z.string().min(1), ruleTh: z.string().min(1), ...provenance }),
  ),
});

export type FrameworkTool = z.infer<typeof FrameworkTool>;
export type FrameworkSource = z.infer<typeof FrameworkSource>;
export type MinimumSampleRule = z.infer<typeof MinimumSampleRule>;
export type FrameworkIndicator = z.infer<typeof FrameworkIndicator>;
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;
export type AnswerScale = z.infer<typeof AnswerScale>;
export type OitItem = z.infer<typeof OitItem>;
export type ItemMapping = z.infer<typeof ItemMapping>;
export type ResultLevel = z.infer<typeof ResultLevel>;
export type IssueArea = z.infer<typeof IssueArea>;
