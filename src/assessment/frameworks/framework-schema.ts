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

const ItaFrameworkShape = z.object({
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

/** Exact test that decimal weights add to 1 (0.3 + 0.3 + 0.4 is 1.0000000000000002 in floats). */
function weightsSumToOne(weights: number[]): boolean {
  const scale = 10n ** 12n;
  const sum = weights.reduce((acc, w) => acc + BigInt(Math.round(w * 1e12)), 0n);
  return sum === scale;
}

/** ITA framework of one fiscal year: everything the scorer, the OIT checker and reports need. */
export const ItaFramework = ItaFrameworkShape.superRefine((f, ctx) => {
  // Messages read "ไทย / English": framework-issues.ts shows each half in its language.
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  if (!weightsSumToOne(f.tools.map((t) => t.weight))) {
    issue(['tools'], 'น้ำหนักเครื่องมือรวมกันต้องเท่ากับ 1 / tool weights must sum to 1');
  }
  const toolCodes = new Set(f.tools.map((t) => t.code));
  if (toolCodes.size !== 3)
    issue(['tools'], 'ต้องมี IIT, EIT และ OIT อย่างละหนึ่ง / IIT, EIT and OIT must each appear once');

  const checkSource = (path: (string | number)[], source: string) => {
    if (!(source in f.sources))
      issue(
        [...path, 'source'],
        `ไม่มีที่มา "${source}" ในรายการ sources / unknown source "${source}"`,
      );
  };
  f.tools.forEach((t, i) => {
    checkSource(['tools', i], t.source);
    const rule = t.minimumSample;
    const at = ['tools', i, 'minimumSample'];
    if (t.code === 'OIT') {
      if (rule)
        issue(at, 'OIT ไม่มีผู้ตอบ จึงไม่มีกลุ่มตัวอย่างขั้นต่ำ / OIT has no respondents, so no minimum sample');
      return;
    }
    if (!rule) {
      issue(
        at,
        `${t.code} ต้องมีเกณฑ์กลุ่มตัวอย่างขั้นต่ำ (minimumSample) / ${t.code} needs a minimumSample rule`,
      );
      return;
    }
    checkSource(at, rule.source);
    if (rule.cap && rule.cap.sample < rule.floor) {
      issue(
        [...at, 'cap', 'sample'],
        'เพดานต้องไม่ต่ำกว่าจำนวนขั้นต่ำ / the cap must not be below the floor',
      );
    }
    if (rule.cap && rule.cap.sample > rule.cap.abovePopulation) {
      issue(
        [...at, 'cap', 'sample'],
        'เพดานขอคนมากกว่าจำนวนที่มีไม่ได้ / the cap cannot ask for more people than there are',
      );
    }
  });

  const indicatorTool = new Map<number, string>();
  f.indicators.forEach((ind, i) => {
    checkSource(['indicators', i], ind.source);
    if (indicatorTool.has(ind.no))
      issue(['indicators', i, 'no'], `ตัวชี้วัด ${ind.no} ซ้ำ / duplicate indicator ${ind.no}`);
    indicatorTool.set(ind.no, ind.tool);
  });
  for (const tool of toolCodes) {
    if (![...indicatorTool.values()].includes(tool))
      issue(['indicators'], `${tool} ไม่มีตัวชี้วัด / ${tool} has no indicator`);
  }

  const scales = new Set<string>();
  f.answerScales.forEach((s, i) => {
    checkSource(['answerScales', i], s.source);
    if (scales.has(s.id))
      issue(['answerScales', i, 'id'], `มาตรวัด ${s.id} ซ้ำ / duplicate scale ${s.id}`);
    scales.add(s.id);
  });

  const questionCodes = new Set<string>();
  for (const [list, tool, prefix] of [
    ['iitQuestions', 'IIT', 'i'],
    ['eitQuestions', 'EIT', 'e'],
  ] as const) {
    f[list].forEach((q, i) => {
      const at = [list, i];
      checkSource(at, q.source);
      if (!q.code.startsWith(prefix))
        issue([...at, 'code'], `${q.code} ไม่ใช่รหัสข้อของ ${tool} / ${q.code} is not an ${tool} code`);
      if (questionCodes.has(q.code))
        issue([...at, 'code'], `ข้อ ${q.code} ซ้ำ / duplicate question ${q.code}`);
      questionCodes.add(q.code);
      if (indicatorTool.get(q.indicatorNo) !== tool) {
        issue(
          [...at, 'indicatorNo'],
          `ตัวชี้วัด ${q.indicatorNo} ไม่ใช่ตัวชี้วัดของ ${tool} / indicator ${q.indicatorNo} is not an ${tool} indicator`,
        );
      }
      if (!scales.has(q.scaleId))
        issue([...at, 'scaleId'], `ไม่มีมาตรวัด ${q.scaleId} / unknown scale ${q.scaleId}`);
      if (q.textTh === null && !q.respondentTextTh) {
        issue(
          [...at, 'respondentTextTh'],
          'ข้อที่ยังไม่ทราบถ้อยคำทางการต้องมีถ้อยคำสำหรับผู้ตอบ (respondentTextTh) / a question with unknown wording needs plain text',
        );
      }
      if (q.textTh === null && q.confidence === 'confirmed') {
        issue(
          [...at, 'textTh'],
          'ข้อที่ยังไม่ทราบถ้อยคำจะระบุว่ายืนยันแล้วไม่ได้ / a question with unknown wording cannot be confirmed',
        );
      }
    });
  }

  const subIndicators = new Set<string>();
  f.oitSubIndicators.forEach((s, i) => {
    checkSource(['oitSubIndicators', i], s.source);
    if (indicatorTool.get(s.indicatorNo) !== 'OIT') {
      issue(
        ['oitSubIndicators', i, 'indicatorNo'],
        `ตัวชี้วัด ${s.indicatorNo} ไม่ใช่ตัวชี้วัดของ OIT / indicator ${s.indicatorNo} is not OIT`,
      );
    }
    if (!s.code.startsWith(`${s.indicatorNo}.`)) {
      issue(
        ['oitSubIndicators', i, 'code'],
        `${s.code} ไม่อยู่ในตัวชี้วัด ${s.indicatorNo} / ${s.code} does not belong to ${s.indicatorNo}`,
      );
    }
    subIndicators.add(s.code);
  });
  const subIndicatorsWithItems = new Set(f.oitItems.map((item) => item.subIndicator));
  f.oitSubIndicators.forEach((s, i) => {
    // An indicator is the mean of its sub-indicators' shares; an empty one has no share.
    if (!subIndicatorsWithItems.has(s.code)) {
      issue(
        ['oitSubIndicators', i],
        `ตัวชี้วัดย่อย ${s.code} ไม่มีข้อ OIT / sub-indicator ${s.code} has no OIT item`,
      );
    }
  });
  f.oitItems.forEach((item, i) => {
    checkSource(['oitItems', i], item.source);
    if (questionCodes.has(item.code))
      issue(['oitItems', i, 'code'], `ข้อ ${item.code} ซ้ำ / duplicate ${item.code}`);
    questionCodes.add(item.code);
    if (!subIndicators.has(item.subIndicator)) {
      issue(
        ['oitItems', i, 'subIndicator'],
        `ไม่มีตัวชี้วัดย่อย ${item.subIndicator} / unknown sub-indicator ${item.subIndicator}`,
      );
    }
  });
  f.oitItems.forEach((item, i) => {
    if ((item.basis === 'carried') !== (item.carriedFromYear !== undefined)) {
      issue(
        ['oitItems', i, 'carriedFromYear'],
        'ข้อที่ยกมาจากปีก่อน (และเฉพาะข้อนั้น) ต้องระบุปีที่ยกมา / a carried item, and only one, names its year',
      );
    }
    if (item.basis !== 'seen' && item.confidence === 'confirmed') {
      issue(
        ['oitItems', i, 'confidence'],
        `ข้อแบบ ${item.basis} จะระบุว่ายืนยันแล้วไม่ได้ / a ${item.basis} item cannot be confirmed`,
      );
    }
  });
  if (f.itemMapping) {
    const mapping = f.itemMapping;
    checkSource(['itemMapping'], mapping.source);
    if (mapping.fromYear !== f.fiscalYear - 1) {
      issue(
        ['itemMapping', 'fromYear'],
        `ต้องเป็นปีก่อนหน้า ${f.fiscalYear - 1} / must be the previous year ${f.fiscalYear - 1}`,
      );
    }
    for (const [from, to] of Object.entries(mapping.items)) {
      if (to !== null && (!questionCodes.has(to) || to[0] !== from[0])) {
        issue(
          ['itemMapping', 'items', from],
          `${to} ไม่ใช่ข้อของปี ${f.fiscalYear} ชนิดเดียวกับ ${from} / ${to} is not a ${from[0]}-item of ${f.fiscalYear}`,
        );
      }
    }
  }
  for (const [no, tool] of indicatorTool) {
    if (tool !== 'OIT') continue;
    const hasItem = f.oitItems.some((item) => item.subIndicator.startsWith(`${no}.`));
    if (!hasItem) issue(['oitItems'], `ตัวชี้วัด OIT ${no} ไม่มีข้อ / OIT indicator ${no} has no item`);
  }

  checkSource(['resultLevels'], f.resultLevels.source);
  f.resultLevels.levels.forEach((level, i) => {
    checkSource(['resultLevels', 'levels', i], level.source);
    const previous = f.resultLevels.levels[i - 1];
    if (previous && previous.minTotal < level.minTotal) {
      issue(
        ['resultLevels', 'levels', i],
        'ระดับต้องเรียงจากดีที่สุดไปต่ำสุด / levels must be ordered from best to worst',
      );
    }
  });
  const levelCodes = new Set(f.resultLevels.levels.map((l) => l.code));
  f.resultLevels.levels.forEach((level, i) => {
    (level.mayOfficiallyBe ?? []).forEach((code, j) => {
      if (!levelCodes.has(code) || code === level.code) {
        issue(
          ['resultLevels', 'levels', i, 'mayOfficiallyBe', j],
          `ไม่มีระดับ ${code} / unknown level ${code}`,
        );
      }
    });
  });
  if (f.resultLevels.levels.at(-1)?.minTotal !== 0) {
    issue(
      ['resultLevels', 'levels'],
      'ระดับสุดท้ายต้องรับคะแนนรวม 0 / the last level must accept a total of 0',
    );
  }
  checkSource(['target'], f.target.source);

  f.issueAreas.forEach((area, i) => {
    checkSource(['issueAreas', i], area.source);
    area.questions.forEach((q, j) => {
      checkSource(['issueAreas', i, 'questions', j], q.source);
      if (!questionCodes.has(q.code)) {
        issue(
          ['issueAreas', i, 'questions', j, 'code'],
          `ไม่มีข้อ ${q.code} / unknown question ${q.code}`,
        );
      }
    });
  });
  f.scoringRules.forEach((r, i) => checkSource(['scoringRules', i], r.source));
});
export type ItaFramework = z.infer<typeof ItaFramework>;
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
