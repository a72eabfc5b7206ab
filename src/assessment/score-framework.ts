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
  SurveyQuestion,
  ToolCode,
} from './frameworks/framework-schema.js';
import { estimateLevel, levelFor, type LevelEstimate, type LevelName } from './result-level.js';

// Every published ITA score, from a question to the total, is on 0–100 (ita-framework.md §1).
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
  level: LevelName;
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

/**
 * Score of option `value` on `scale`; a reverse-scored item reads the mirrored option's score.
 * The option scores are data (`answerScales`), marked unconfirmed: the 2564 IIT form scores
 * the four levels 0/33/67/100, with i9, i10, i16–i19, i22 reversed, and the NACC's own
 * conversion is not public (ita-framework-corrections.md §2). Mirroring by position instead
 * of storing a second scale keeps one list of options per scale to correct when it is found.
 */
function optionScore(scale: AnswerScale, value: string, isReverse: boolean): Ratio | undefined {
  const index = scale.options.findIndex((o) => o.value === value);
  if (index < 0) return undefined;
  const option = isReverse ? scale.options[scale.options.length - 1 - index] : scale.options[index];
  return option ? ratioOf(option.score) : undefined;
}

/**
 * One respondent's score for one question, or the reason the answer cannot be scored (in Thai
 * and English, for the import page). A question with sub-items (ข้อย่อย, e.g. i11's parts) takes
 * one answer per sub-item, each of which may be reversed on its own.
 */
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
  // Sub-items are averaged so that a question weighs the same whatever its sub-item count
  // (rule `question-mean-respondents`, an inference: ita-framework.md §5 found no official
  // text). Kept exact: the question's own rounding happens only where it is shown.
  return mean(scores);
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

/** One line of `unconfirmed`: the fact, how sure it is, and the data key of its source. */
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
  // The rules (ids of the year's `scoringRules`) this result depends on: the four below always,
  // the others as the input's level of detail calls on them. Each that is not confirmed is
  // listed in `unconfirmed`, so a page never shows a number more certain than its rule.
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

  // Codes are checked against this year's framework: the NACC renumbers questions and items
  // from year to year (ita-framework-corrections.md §4), so a last-year file must not be
  // scored as if its o25 were this year's o25.
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
    // The most aggregated source wins (see ScoreInput): an indicator score the NACC published
    // is the official value, and recomputing it from questions could only disagree with it.
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
      // Rounded for display only; the indicator below averages the exact value.
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
    // Rule `indicator-mean-questions` (unconfirmed, ita-framework.md §5): every question of
    // an IIT/EIT indicator weighs the same, whatever its number of sub-items or respondents.
    rulesUsed.add('indicator-mean-questions');
    indicatorScores.set(indicator.no, mean(scores));
  }
  // Every problem is collected before throwing: an officer fixing an import file sees all
  // the missing codes at once instead of one per attempt.
  if (issues.length > 0) throw new ScoreInputError(issues);

  // Rules `tool-mean` and `total-weighted` (confirmed by calculation, ita-framework.md §1): a
  // tool is the unweighted mean of its indicators and the total is 0.3·IIT + 0.3·EIT +
  // 0.4·OIT. Plain means of all ten indicators or equal thirds give 99.44 for the seed, which
  // publishes 99.50; only this model reproduces it (0.3·99.706 + 0.3·98.6267 + 0.4·100).

  const exactTools = {} as Record<ToolCode, Ratio>;
  let exactTotal = ZERO;
  for (const tool of framework.tools) {
    const own = framework.indicators.filter((i) => i.tool === tool.code);
    exactTools[tool.code] = mean(own.map((i) => indicatorScores.get(i.no)!));
    exactTotal = add(exactTotal, multiply(ratioOf(tool.weight), exactTools[tool.code]));
  }
  // Rule `round-at-end` (likely): half-up to 2 decimals, here and only here. The total is
  // computed from the exact tool scores, not from these rounded ones: rounding once at the
  // end reproduces the seed's 99.4998 → 99.50, and rounding earlier can move a last digit.
  const tools = {
    IIT: roundHalfUp(exactTools.IIT),
    EIT: roundHalfUp(exactTools.EIT),
    OIT: roundHalfUp(exactTools.OIT),
  };
  const total = roundHalfUp(exactTotal);
  // Rule `level-on-published-scores`: the level reads the rounded scores people see, so a
  // published 85.00 passes even when the exact total was 84.996.
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
  // The target (ค่าเป้าหมาย: 85 points under the national master plan, ita-framework.md §5)
  // decides `passed`, compared exactly with the published total.
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
