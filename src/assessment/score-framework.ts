import { z } from 'zod';
import {
  add,
  compare,
  mean,
  multiply,
  ratioOf,
  roundHalfUp,
  ZERO,
  type Ratio,
} from './exact-ratio.js';
import type {
  AnswerScale,
  ItaFramework,
  ResultLevel,
  SurveyQuestion,
  ToolCode,
} from './frameworks/framework-schema.js';
import { TOOL_CODES } from './frameworks/framework-schema.js';

const Score = z.number().min(0).max(100);

/** One answer: an option value, or one option value per sub-item (ข้อย่อย) in order. */
export const AnswerValue = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** ผู้ตอบแบบวัด: one IIT or EIT respondent; the question code prefix says which tool. */
export const Respondent = z.object({
  id: z.string().min(1),
  answers: z.record(z.string().regex(/^[ie][1-9][0-9]*$/), AnswerValue),
});
export type Respondent = z.infer<typeof Respondent>;

/**
 * What the scorer accepts, at any level of detail. For each indicator the most aggregated
 * source wins: an imported indicator score, else its question scores (imported, or computed
 * from respondents), else (OIT) its item results. Mixed inputs are allowed, which is how
 * an agency combines NACC-published OIT results with its own survey data.
 */
export const ScoreInput = z.object({
  fiscalYear: z.number().int(),
  respondents: z.array(Respondent).optional(),
  questionScores: z.record(z.string().regex(/^[ie][1-9][0-9]*$/), Score).optional(),
  /** OIT item → disclosed completely (100) or not (0). */
  oitItems: z.record(z.string().regex(/^o[1-9][0-9]*$/), z.boolean()).optional(),
  /** Indicator number (as text, JSON keys are strings) → score. */
  indicatorScores: z.record(z.string().regex(/^[1-9][0-9]*$/), Score).optional(),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

export interface ScoreResult {
  fiscalYear: number;
  questions: { code: string; indicatorNo: number; score: number }[];
  indicators: { no: number; score: number }[];
  tools: Record<ToolCode, number>;
  total: number;
  level: { code: string; labelTh: string; labelEn: string };
  /**
   * The computed level as what it is: an estimate, with its rule, its confidence and the
   * levels the NACC has given instead to results that meet the same rule. An imported official
   * level always outranks it (see `presentLevel`).
   */
  levelEstimate: LevelEstimate;
  target: number;
  passed: boolean;
  /** Assumptions (not confirmed against the NACC manual) that this result depends on. */
  unconfirmed: string[];
}

export interface ScoreInputIssue {
  code: 'MISSING_SCORE' | 'UNKNOWN_CODE' | 'BAD_ANSWER' | 'WRONG_YEAR';
  subject: string;
  messageTh: string;
  messageEn: string;
}

/** The input cannot be scored; every problem found is listed, not only the first. */
export class ScoreInputError extends Error {
  readonly code = 'VALIDATION';
  constructor(readonly issues: ScoreInputIssue[]) {
    super(issues.map((i) => `${i.subject}: ${i.messageTh} / ${i.messageEn}`).join('\n'));
    this.name = 'ScoreInputError';
  }
}

/** Score of option `value` on `scale`; a reverse-scored item reads the mirrored option's score. */
function optionScore(scale: AnswerScale, value: string, isReverse: boolean): Ratio | undefined {
  const index = scale.options.findIndex((o) => o.value === value);
  if (index < 0) return undefined;
  const option = isReverse ? scale.options[scale.options.length - 1 - index] : scale.options[index];
  return option ? ratioOf(option.score) : undefined;
}

function scoreRespondentAnswer(
  question: SurveyQuestion,
  scale: AnswerScale,
  answer: AnswerValue,
): Ratio | string {
  const expected = question.subItems.length;
  if (expected === 0) {
    if (typeof answer !== 'string') return 'ข้อนี้ไม่มีข้อย่อย / this question has no sub-items';
    return optionScore(scale, answer, question.isReverseScored) ?? `ไม่มีตัวเลือก "${answer}"`;
  }
  if (!Array.isArray(answer) || answer.length !== expected) {
    return `ต้องตอบ ${expected} ข้อย่อย / expected ${expected} sub-item answers`;
  }
  const scores: Ratio[] = [];
  for (const [i, value] of answer.entries()) {
    const isReverse = question.subItems[i]?.isReverseScored ?? question.isReverseScored;
    const score = optionScore(scale, value, isReverse);
    if (!score) return `ไม่มีตัวเลือก "${value}" / no option "${value}"`;
    scores.push(score);
  }
  // Sub-items are averaged so that a question weighs the same whatever its sub-item count.
  return mean(scores);
}

function levelFor(
  framework: ItaFramework,
  total: number,
  tools: Record<ToolCode, number>,
): ResultLevel {
  const levels = framework.resultLevels.levels;
  const found = levels.find(
    (level) =>
      total >= level.minTotal &&
      (level.minEachTool === null || TOOL_CODES.every((t) => tools[t] >= level.minEachTool!)),
  );
  // The schema guarantees a last level with minTotal 0, so this only guards the type.
  return found ?? levels[levels.length - 1]!;
}

/**
 * OIT indicator score the way the NACC computes it (ita-framework-corrections.md §1): each
 * sub-indicator (ตัวชี้วัดย่อย 9.1 … 10.2) scores the share of its items passed (an item is 100
 * or 0), and the indicator is the unweighted mean of its sub-indicator scores — not the mean of
 * all its items. Evidence: every indicator-9/10 value of the NACC's 2564 regional reports is
 * reproduced this way and none by an item mean (97.78 = (8/9·100 + 4·100)/5), and Sakon ESA's
 * 2566 values 90.00 and 87.5 are reachable only this way. So one failed item weighs more in a
 * short sub-indicator: 2566, one of 10.2's two items failed → indicator 10 = (100 + 50)/2 = 75.
 *
 * The means stay exact ratios: the NACC publishes only the 2-decimal indicator, and rounding a
 * sub-indicator first (88.89 instead of 8/9) could move that last digit.
 * A sub-indicator with no items (a framework that lists none yet) is left out of the mean: it
 * cannot be passed or failed. The schema refuses such a file, so this only guards the type.
 */
function scoreOitIndicator(
  framework: ItaFramework,
  indicatorNo: number,
  passed: Record<string, boolean>,
): Ratio {
  const subScores: Ratio[] = [];
  for (const sub of framework.oitSubIndicators.filter((s) => s.indicatorNo === indicatorNo)) {
    const items = framework.oitItems.filter((i) => i.subIndicator === sub.code);
    if (items.length === 0) continue;
    subScores.push(mean(items.map((i) => ratioOf(passed[i.code] ? 100 : 0))));
  }
  return mean(subScores);
}

/** How sure we are of a framework fact, in the words a municipal officer reads. */
const CONFIDENCE_TH: Record<string, string> = {
  confirmed: 'ยืนยันแล้ว',
  likely: 'น่าจะถูกต้อง แต่ยังไม่ยืนยันกับคู่มือทางการ',
  unconfirmed: 'ยังไม่ยืนยันกับคู่มือทางการ',
};

const describe = (what: string, confidence: string, source: string) =>
  `${what} [${confidence}; ${source}]`;

/**
 * Scores one agency's ITA for a fiscal year, the official way as far as it is known:
 * question = mean over respondents (sub-items averaged), IIT/EIT indicator = mean of its
 * questions, OIT indicator = mean of its sub-indicators, each the share of its items passed
 * (`scoreOitIndicator`), tool = unweighted mean of its indicators, total = Σ weight·tool.
 * All arithmetic is exact; rounding (half-up, 2 decimals) happens only on the returned numbers,
 * because the seed's 99.4998 → 99.50 is reproduced only by rounding once at the end.
 * The level is an estimate (`levelEstimate`): the NACC's level table is not official text here.
 *
 * @throws ScoreInputError listing every missing score, unknown code and bad answer.
 * @example scoreFramework(getFramework(2566), { fiscalYear: 2566, indicatorScores: { '1': 100, … } })
 */
export function scoreFramework(framework: ItaFramework, rawInput: ScoreInput): ScoreResult {
  const input = ScoreInput.parse(rawInput);
  const issues: ScoreInputIssue[] = [];
  const problem = (code: ScoreInputIssue['code'], subject: string, th: string, en: string) =>
    issues.push({ code, subject, messageTh: th, messageEn: en });
  const rulesUsed = new Set(['tool-mean', 'total-weighted', 'round-at-end']);
  rulesUsed.add('level-on-published-scores');

  if (input.fiscalYear !== framework.fiscalYear) {
    problem(
      'WRONG_YEAR',
      'fiscalYear',
      `ข้อมูลเป็นของปี ${input.fiscalYear} แต่เกณฑ์เป็นของปี ${framework.fiscalYear}`,
      `input is for ${input.fiscalYear} but the framework is ${framework.fiscalYear}`,
    );
  }

  const questions = [...framework.iitQuestions, ...framework.eitQuestions];
  const questionByCode = new Map(questions.map((q) => [q.code, q]));
  const scaleById = new Map(framework.answerScales.map((s) => [s.id, s]));
  const oitCodes = new Set(framework.oitItems.map((i) => i.code));
  const indicatorNos = new Set(framework.indicators.map((i) => i.no));
  const scalesUsed = new Set<string>();

  for (const code of Object.keys(input.questionScores ?? {})) {
    if (!questionByCode.has(code)) {
      problem('UNKNOWN_CODE', code, 'ไม่มีข้อคำถามนี้ในเกณฑ์ปีนี้', 'no such question this year');
    }
  }
  for (const code of Object.keys(input.oitItems ?? {})) {
    if (!oitCodes.has(code)) {
      problem('UNKNOWN_CODE', code, 'ไม่มีข้อมูล OIT ข้อนี้ในเกณฑ์ปีนี้', 'no such OIT item');
    }
  }
  for (const no of Object.keys(input.indicatorScores ?? {})) {
    if (!indicatorNos.has(Number(no))) {
      problem('UNKNOWN_CODE', `indicator ${no}`, 'ไม่มีตัวชี้วัดนี้', 'no such indicator');
    }
  }

  // Respondent answers → per-question lists of respondent scores.
  const answerScores = new Map<string, Ratio[]>();
  for (const respondent of input.respondents ?? []) {
    for (const [code, answer] of Object.entries(respondent.answers)) {
      const question = questionByCode.get(code);
      const scale = question && scaleById.get(question.scaleId);
      if (!question || !scale) {
        problem('UNKNOWN_CODE', `${respondent.id}.${code}`, 'ไม่มีข้อคำถามนี้', 'no such question');
        continue;
      }
      const score = scoreRespondentAnswer(question, scale, answer);
      if (typeof score === 'string') {
        problem('BAD_ANSWER', `${respondent.id}.${code}`, score, score);
        continue;
      }
      scalesUsed.add(scale.id);
      answerScores.set(code, [...(answerScores.get(code) ?? []), score]);
    }
  }

  const questionResults: ScoreResult['questions'] = [];
  const indicatorScores = new Map<number, Ratio>();
  for (const indicator of framework.indicators) {
    const imported = input.indicatorScores?.[String(indicator.no)];
    if (imported !== undefined) {
      indicatorScores.set(indicator.no, ratioOf(imported));
      continue;
    }
    if (indicator.tool === 'OIT') {
      const items = framework.oitItems.filter((i) => i.subIndicator.startsWith(`${indicator.no}.`));
      const missing = items.filter((i) => input.oitItems?.[i.code] === undefined);
      if (missing.length > 0) {
        problem(
          'MISSING_SCORE',
          `indicator ${indicator.no}`,
          `ไม่มีคะแนนตัวชี้วัดที่ ${indicator.no} และขาดผล OIT: ${missing.map((i) => i.code).join(', ')}`,
          `no score for indicator ${indicator.no}; missing OIT items ${missing.map((i) => i.code).join(', ')}`,
        );
        continue;
      }
      rulesUsed.add('oit-item-binary');
      rulesUsed.add('oit-subindicator-mean');
      indicatorScores.set(
        indicator.no,
        scoreOitIndicator(framework, indicator.no, input.oitItems!),
      );
      continue;
    }
    const own = questions.filter((q) => q.indicatorNo === indicator.no);
    const scores: Ratio[] = [];
    const missing: string[] = [];
    for (const question of own) {
      const imported = input.questionScores?.[question.code];
      const answered = answerScores.get(question.code);
      let score: Ratio | undefined;
      if (imported !== undefined) score = ratioOf(imported);
      else if (answered && answered.length > 0) {
        rulesUsed.add('question-mean-respondents');
        score = mean(answered);
      }
      if (!score) {
        missing.push(question.code);
        continue;
      }
      scores.push(score);
      questionResults.push({
        code: question.code,
        indicatorNo: indicator.no,
        score: roundHalfUp(score),
      });
    }
    if (missing.length > 0 || own.length === 0) {
      problem(
        'MISSING_SCORE',
        `indicator ${indicator.no}`,
        `ไม่มีคะแนนตัวชี้วัดที่ ${indicator.no} และขาดคะแนนข้อ: ${missing.join(', ')}`,
        `no score for indicator ${indicator.no}; missing questions ${missing.join(', ')}`,
      );
      continue;
    }
    rulesUsed.add('indicator-mean-questions');
    indicatorScores.set(indicator.no, mean(scores));
  }
  if (issues.length > 0) throw new ScoreInputError(issues);

  const exactTools = {} as Record<ToolCode, Ratio>;
  let exactTotal = ZERO;
  for (const tool of framework.tools) {
    const own = framework.indicators.filter((i) => i.tool === tool.code);
    exactTools[tool.code] = mean(own.map((i) => indicatorScores.get(i.no)!));
    exactTotal = add(exactTotal, multiply(ratioOf(tool.weight), exactTools[tool.code]));
  }
  const tools = {
    IIT: roundHalfUp(exactTools.IIT),
    EIT: roundHalfUp(exactTools.EIT),
    OIT: roundHalfUp(exactTools.OIT),
  };
  const total = roundHalfUp(exactTotal);
  const level = levelFor(framework, total, tools);

  const unconfirmed: string[] = [];
  for (const rule of framework.scoringRules) {
    if (rulesUsed.has(rule.id) && rule.confidence !== 'confirmed') {
      unconfirmed.push(describe(`${rule.id}: ${rule.ruleTh}`, rule.confidence, rule.source));
    }
  }
  for (const tool of framework.tools) {
    if (tool.confidence !== 'confirmed') {
      unconfirmed.push(
        describe(`weight ${tool.code} = ${tool.weight}`, tool.confidence, tool.source),
      );
    }
  }
  for (const id of scalesUsed) {
    const scale = scaleById.get(id)!;
    if (scale.confidence !== 'confirmed') {
      const scores = scale.options.map((o) => `${o.labelTh}=${o.score}`).join(', ');
      unconfirmed.push(describe(`scale ${id}: ${scores}`, scale.confidence, scale.source));
    }
  }
  // The level depends on every threshold tried above it too, not only on the one matched.
  const levels = framework.resultLevels.levels;
  for (const tried of levels.slice(0, levels.indexOf(level) + 1)) {
    if (tried.confidence !== 'confirmed') {
      const rule = `total ≥ ${tried.minTotal}${tried.minEachTool === null ? '' : ` and every tool ≥ ${tried.minEachTool}`}`;
      unconfirmed.push(describe(`level ${tried.labelTh}: ${rule}`, tried.confidence, tried.source));
    }
  }
  if (framework.target.confidence !== 'confirmed') {
    const { value, confidence, source } = framework.target;
    unconfirmed.push(describe(`target ${value}`, confidence, source));
  }

  return {
    fiscalYear: framework.fiscalYear,
    questions: questionResults,
    indicators: framework.indicators.map((i) => ({
      no: i.no,
      score: roundHalfUp(indicatorScores.get(i.no)!),
    })),
    tools,
    total,
    level: { code: level.code, labelTh: level.labelTh, labelEn: level.labelEn },
    levelEstimate: estimateLevel(framework, level.code),
    target: framework.target.value,
    passed: compare(ratioOf(total), ratioOf(framework.target.value)) >= 0,
    unconfirmed,
  };
}

/** A computed level, worded as the estimate it is. */
export interface LevelEstimate {
  code: string;
  labelTh: string;
  labelEn: string;
  /** The rule that gave it, e.g. "คะแนนรวม ≥ 95 และทุกเครื่องมือ ≥ 95". */
  ruleTh: string;
  ruleEn: string;
  confidence: ResultLevel['confidence'];
  /** Levels the NACC has given instead to results that meet this rule (data: `mayOfficiallyBe`). */
  alternatives: { code: string; labelTh: string; labelEn: string }[];
  /** What a reader sees: "ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี". */
  wordingTh: string;
  wordingEn: string;
}

/**
 * The computed level `levelCode` of a year as an estimate. When the year's data says results
 * meeting this rule have officially been given another level (2566: every public case at or
 * above 95 found is ผ่านดี, ita-framework-corrections.md §3), both are named, so the engine
 * never presents the better one as certain.
 */
export function estimateLevel(framework: ItaFramework, levelCode: string): LevelEstimate {
  const levels = framework.resultLevels.levels;
  const level = levels.find((l) => l.code === levelCode) ?? levels[levels.length - 1]!;
  const alternatives = (level.mayOfficiallyBe ?? [])
    .map((code) => levels.find((l) => l.code === code))
    .filter((l): l is ResultLevel => l !== undefined)
    .map((l) => ({ code: l.code, labelTh: l.labelTh, labelEn: l.labelEn }));
  const namesTh = [level.labelTh, ...alternatives.map((a) => a.labelTh)].join(' หรือ ');
  const namesEn = [level.labelEn, ...alternatives.map((a) => a.labelEn)].join(' or ');
  return {
    code: level.code,
    labelTh: level.labelTh,
    labelEn: level.labelEn,
    ruleTh: ruleText(level, 'th'),
    ruleEn: ruleText(level, 'en'),
    confidence: level.confidence,
    alternatives,
    wordingTh: `ประมาณการ: ${namesTh}`,
    wordingEn: `Estimate: ${namesEn}`,
  };
}

/** The level to show for a result: the official one when imported, else the estimate. */
export interface PresentedLevel {
  labelTh: string;
  labelEn: string;
  isOfficial: boolean;
  estimate: LevelEstimate;
}

/**
 * The level a page or report shows. An official level (from the NACC's result, entered when
 * the results were imported) is the authority and is shown as it is; without one, the
 * computed level is shown only as an estimate with its rule and confidence.
 */
export function presentLevel(
  framework: ItaFramework,
  levelCode: string,
  officialLabel: string | null | undefined,
): PresentedLevel {
  const estimate = estimateLevel(framework, levelCode);
  const official = officialLabel?.trim();
  if (official) {
    const known = framework.resultLevels.levels.find((l) =>
      [l.code, l.labelTh, l.labelEn].some((n) => n.toLowerCase() === official.toLowerCase()),
    );
    return {
      labelTh: known?.labelTh ?? official,
      labelEn: known?.labelEn ?? official,
      isOfficial: true,
      estimate,
    };
  }
  return { labelTh: estimate.wordingTh, labelEn: estimate.wordingEn, isOfficial: false, estimate };
}

export interface StatedLevelComparison {
  agrees: boolean;
  computed: ScoreResult['level'];
  /** The stated label resolved against this year's levels; null when it is not one of them. */
  stated: ScoreResult['level'] | null;
  explanationTh: string;
  explanationEn: string;
}

function ruleText(level: ResultLevel, lang: 'th' | 'en'): string {
  const each =
    level.minEachTool === null
      ? ''
      : lang === 'th'
        ? ` และทุกเครื่องมือ ≥ ${level.minEachTool}`
        : ` and every tool ≥ ${level.minEachTool}`;
  return lang === 'th' ? `คะแนนรวม ≥ ${level.minTotal}${each}` : `total ≥ ${level.minTotal}${each}`;
}

/**
 * Checks a level an agency states (e.g. the seed's "ผ่านดี") against the computed one and
 * explains both ways. LAO self-labels are often wrong, and the 2566 thresholds are not
 * official text, so a disagreement is reported, never silently resolved.
 */
export function compareStatedLevel(
  result: Pick<ScoreResult, 'level' | 'total' | 'tools'>,
  statedLabel: string,
  framework: ItaFramework,
): StatedLevelComparison {
  const wanted = statedLabel.trim().toLowerCase();
  const levels = framework.resultLevels.levels;
  const stated = levels.find((l) =>
    [l.code, l.labelTh, l.labelEn].some((name) => name.toLowerCase() === wanted),
  );
  const computed = levels.find((l) => l.code === result.level.code)!;
  const scores = `คะแนนรวม ${result.total.toFixed(2)} (IIT ${result.tools.IIT.toFixed(2)}, EIT ${result.tools.EIT.toFixed(2)}, OIT ${result.tools.OIT.toFixed(2)})`;
  const scoresEn = `total ${result.total.toFixed(2)} (IIT ${result.tools.IIT.toFixed(2)}, EIT ${result.tools.EIT.toFixed(2)}, OIT ${result.tools.OIT.toFixed(2)})`;
  const pick = (l: ResultLevel) => ({ code: l.code, labelTh: l.labelTh, labelEn: l.labelEn });

  if (!stated) {
    return {
      agrees: false,
      computed: result.level,
      stated: null,
      explanationTh: `ระดับ "${statedLabel}" ไม่อยู่ในระดับของปี ${framework.fiscalYear} (${levels.map((l) => l.labelTh).join(', ')}); ${scores} คำนวณได้ "${computed.labelTh}"`,
      explanationEn: `"${statedLabel}" is not a ${framework.fiscalYear} level (${levels.map((l) => l.labelEn).join(', ')}); ${scoresEn} computes as "${computed.labelEn}"`,
    };
  }
  const estimate = estimateLevel(framework, computed.code);
  const isKnownAlternative = estimate.alternatives.some((a) => a.code === stated.code);
  if (isKnownAlternative) {
    return {
      agrees: true,
      computed: result.level,
      stated: pick(stated),
      explanationTh: `สอดคล้อง: ${scores} ตามเกณฑ์ที่ใช้คำนวณได้ "${computed.labelTh}" (${ruleText(computed, 'th')}; ${CONFIDENCE_TH[computed.confidence]}) แต่ผลปี ${framework.fiscalYear} ที่ผ่านเกณฑ์นี้ซึ่งพบในที่สาธารณะได้ระดับ "${stated.labelTh}" จึงถือระดับที่ระบุเป็นหลัก`,
      explanationEn: `Consistent: ${scoresEn} meets the "${computed.labelEn}" rule (${ruleText(computed, 'en')}; ${computed.confidence}), but public ${framework.fiscalYear} results meeting it were given "${stated.labelEn}", so the stated level stands`,
    };
  }
  if (stated.code === computed.code) {
    return {
      agrees: true,
      computed: result.level,
      stated: pick(stated),
      explanationTh: `ตรงกัน: ${scores} ได้ "${computed.labelTh}" (${ruleText(computed, 'th')}; ${CONFIDENCE_TH[computed.confidence]})`,
      explanationEn: `Agrees: ${scoresEn} gives "${computed.labelEn}" (${ruleText(computed, 'en')}; ${computed.confidence})`,
    };
  }
  // People read this in the report: name the source by its title, not its data key.
  const sourceTitle = (key: string) => framework.sources[key]?.title ?? key;
  const statedIsLower = levels.indexOf(stated) > levels.indexOf(computed);
  const whyTh = statedIsLower
    ? `เป็นไปได้ว่าเกณฑ์ทางการเข้มกว่าที่บันทึกไว้ (เกณฑ์ "${computed.labelTh}" มาจาก ${sourceTitle(computed.source)}, ${CONFIDENCE_TH[computed.confidence]}; เช่น อาจพิจารณา EIT ส่วนที่ 1 และส่วนที่ 2 แยกกัน) หรือรายงานระบุระดับผิด`
    : `เป็นไปได้ว่ารายงานระบุระดับสูงกว่าที่คะแนนให้ หรือเกณฑ์ทางการผ่อนกว่าที่บันทึกไว้ (เกณฑ์ "${stated.labelTh}" มาจาก ${sourceTitle(stated.source)}, ${CONFIDENCE_TH[stated.confidence]})`;
  const whyEn = statedIsLower
    ? `Either the official rule is stricter than recorded (the "${computed.labelEn}" rule comes from ${sourceTitle(computed.source)}, ${computed.confidence}; e.g. EIT parts 1 and 2 may be checked separately) or the report's label is wrong`
    : `Either the report claims a higher level than its scores support, or the official rule is looser than recorded (the "${stated.labelEn}" rule comes from ${sourceTitle(stated.source)}, ${stated.confidence})`;
  return {
    agrees: false,
    computed: result.level,
    stated: pick(stated),
    explanationTh: `ไม่ตรงกัน: รายงานระบุ "${stated.labelTh}" (${ruleText(stated, 'th')}) แต่ ${scores} ตามเกณฑ์ปี ${framework.fiscalYear} ได้ "${computed.labelTh}" (${ruleText(computed, 'th')}). ${whyTh}`,
    explanationEn: `Disagrees: the report states "${stated.labelEn}" (${ruleText(stated, 'en')}) but ${scoresEn} under the ${framework.fiscalYear} rule is "${computed.labelEn}" (${ruleText(computed, 'en')}). ${whyEn}`,
  };
}
