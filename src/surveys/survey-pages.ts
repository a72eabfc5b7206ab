import {
  getFramework,
  listFrameworkYears,
  type AnswerScale,
  type ItaFramework,
  type SurveyQuestion,
} from '../assessment/index.js';
import { ValidationError } from '../core/errors.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import type { ExtraQuestion, StoredAnswers } from './schema.js';

/** One page of the respondent's survey: one ITA indicator, or the extra questions at the end. */
export interface SurveyPage {
  no: number;
  titleTh: string;
  indicatorNo: number | null;
  questions: SurveyQuestion[];
  extra: ExtraQuestion[];
}

export interface SurveyShape {
  framework: ItaFramework;
  pages: SurveyPage[];
  questions: SurveyQuestion[];
  scaleOf: (q: SurveyQuestion) => AnswerScale;
  fourLevel: AnswerScale;
}

// Keyed by the framework object first: an accepted framework import replaces it, so a survey
// built from the old criteria is never served after the import.
const shapesWithoutExtra = new WeakMap<ItaFramework, Map<string, SurveyShape>>();
const shapesWithExtra = new WeakMap<
  readonly ExtraQuestion[],
  WeakMap<ItaFramework, Map<string, SurveyShape>>
>();

/**
 * The survey a campaign asks, straight from that year's framework data: one page per
 * indicator of the tool (IIT 1–5, EIT 6–8), then the agency's extra questions if any.
 * Built once per framework, year, tool and extra-questions array (a campaign's, which is never
 * edited), since every respondent's page view and submit needs it; frozen, as it is shared.
 */
export function surveyShape(
  fiscalYear: number,
  tool: 'IIT' | 'EIT',
  extra: readonly ExtraQuestion[] = [],
): SurveyShape {
  const framework = getFramework(fiscalYear);
  let byFramework = shapesWithoutExtra;
  if (extra.length > 0) {
    let forExtra = shapesWithExtra.get(extra);
    if (!forExtra) shapesWithExtra.set(extra, (forExtra = new WeakMap()));
    byFramework = forExtra;
  }
  let shapes = byFramework.get(framework);
  if (!shapes) byFramework.set(framework, (shapes = new Map()));
  let shape = shapes.get(tool);
  if (!shape) {
    shape = buildSurveyShape(fiscalYear, tool, extra);
    shapes.set(tool, shape);
  }
  return shape;
}

/**
 * What a respondent reads for a question: the agency's wording for this campaign if it set
 * one, else the official wording, else the plain wording the framework file gives while the
 * official one is unknown. Never a bare code, and no note on how sure the wording is (that
 * stays on staff pages).
 */
export function questionTextTh(
  question: SurveyQuestion,
  wording: Readonly<Record<string, string>> = {},
): string {
  return (
    wording[question.code] ??
    question.textTh ??
    question.respondentTextTh ??
    question.topicTh ??
    // The schema refuses a question without any wording; this keeps the type honest only.
    question.code
  );
}

function buildSurveyShape(
  fiscalYear: number,
  tool: 'IIT' | 'EIT',
  extra: readonly ExtraQuestion[],
): SurveyShape {
  const framework = getFramework(fiscalYear);
  const questions = tool === 'IIT' ? framework.iitQuestions : framework.eitQuestions;
  const scales = new Map(framework.answerScales.map((s) => [s.id, s]));
  const pages: SurveyPage[] = framework.indicators
    .filter((i) => i.tool === tool)
    .map((indicator, index) => ({
      no: index + 1,
      titleTh: `ตัวชี้วัดที่ ${indicator.no} ${indicator.nameTh}`,
      indicatorNo: indicator.no,
      questions: questions.filter((q) => q.indicatorNo === indicator.no),
      extra: [],
    }));
  if (extra.length > 0) {
    pages.push({
      no: pages.length + 1,
      titleTh: 'คำถามเพิ่มเติมของหน่วยงาน (ไม่นำไปคิดคะแนน ITA)',
      indicatorNo: null,
      questions: [],
      extra: [...extra],
    });
  }
  const fourLevel = scales.get('four-level') ?? framework.answerScales[0]!;
  for (const page of pages) Object.freeze(page);
  return Object.freeze({
    framework,
    pages: Object.freeze(pages) as SurveyPage[],
    questions,
    fourLevel,
    scaleOf: (q: SurveyQuestion) => scales.get(q.scaleId)!,
  });
}

/** Form field name of a question or one of its sub-items. */
export const fieldName = (code: string, subItem?: number) =>
  subItem === undefined ? `q.${code}` : `q.${code}.${subItem}`;

const fieldsOfPage = new WeakMap<
  SurveyPage,
  { allowed: Set<string>; optionsOf: Map<SurveyQuestion, Set<string>> }
>();

/** The form fields a page may send and each question's allowed values, worked out once per page. */
function pageFields(shape: SurveyShape, page: SurveyPage) {
  let fields = fieldsOfPage.get(page);
  if (!fields) {
    const allowed = new Set<string>(['_csrf', 'action', 'submissionKey']);
    const optionsOf = new Map<SurveyQuestion, Set<string>>();
    for (const q of page.questions) {
      if (q.subItems.length === 0) allowed.add(fieldName(q.code));
      q.subItems.forEach((_, i) => allowed.add(fieldName(q.code, i)));
      optionsOf.set(q, new Set(shape.scaleOf(q).options.map((o) => o.value)));
    }
    for (const e of page.extra) allowed.add(fieldName(e.code));
    fieldsOfPage.set(page, (fields = { allowed, optionsOf }));
  }
  return fields;
}

/**
 * Reads the answers of one page from a submitted form. Any field that is not a question of
 * this page, or a value outside the question's scale, is tampering: refused with 422 and
 * nothing stored. Unanswered questions are reported as field errors (the page re-renders).
 */
export function readPageAnswers(
  shape: SurveyShape,
  page: SurveyPage,
  form: Record<string, unknown>,
): { answers: StoredAnswers; extra: Record<string, string>; missing: string[] } {
  const { allowed, optionsOf } = pageFields(shape, page);
  const unknown = Object.keys(form).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    throw new ValidationError('surveys.errors.unknownQuestion', {
      [unknown[0]!]: 'surveys.errors.unknownQuestion',
    });
  }
  const single = (key: string): string | undefined => {
    const v = form[key];
    if (Array.isArray(v))
      throw new ValidationError('surveys.errors.badAnswer', { [key]: 'surveys.errors.badAnswer' });
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const answers: StoredAnswers = {};
  const missing: string[] = [];
  for (const q of page.questions) {
    const options = optionsOf.get(q)!;
    const check = (key: string) => {
      const v = single(key);
      if (v !== undefined && !options.has(v)) {
        throw new ValidationError('surveys.errors.badAnswer', {
          [key]: 'surveys.errors.badAnswer',
        });
      }
      if (v === undefined) missing.push(key);
      return v;
    };
    if (q.subItems.length === 0) {
      const v = check(fieldName(q.code));
      if (v !== undefined) answers[q.code] = v;
    } else {
      const values = q.subItems.map((_, i) => check(fieldName(q.code, i)));
      if (values.every((v) => v !== undefined)) answers[q.code] = values as string[];
    }
  }
  const extra: Record<string, string> = {};
  const fourLevel = new Set(shape.fourLevel.options.map((o) => o.value));
  for (const e of page.extra) {
    const v = single(fieldName(e.code));
    if (v === undefined) continue; // extra questions are optional
    if (e.kind === 'four-level' && !fourLevel.has(v)) {
      throw new ValidationError('surveys.errors.badAnswer', {
        [e.code]: 'surveys.errors.badAnswer',
      });
    }
    extra[e.code] = v.normalize('NFC').slice(0, 1000);
  }
  return { answers, extra, missing };
}

/** Codes of ITA questions still unanswered in `answers`. */
export function unansweredQuestions(shape: SurveyShape, answers: StoredAnswers): string[] {
  return shape.questions.filter((q) => answers[q.code] === undefined).map((q) => q.code);
}

/**
 * The fiscal year the new-campaign form proposes: the newest year the agency has a campaign
 * for, else the current fiscal year (or the newest year with questions before it).
 */
export function defaultCampaignYear(campaignYears: number[], now: Date): number {
  return openingFiscalYear(campaignYears, now, listFrameworkYears());
}

/** Whether framework data exists for the year (campaigns need its questions). */
export function hasFramework(fiscalYear: number): boolean {
  try {
    getFramework(fiscalYear);
    return true;
  } catch {
    return false;
  }
}
