import { z } from 'zod';
import { Confidence } from '../frameworks/framework-schema.js';

const QuestionCode = z.string().regex(/^[ieo][1-9][0-9]*$/);

/** A question the report cites, with the code as printed and as normalised. */
export const AnalysisCitation = z.object({
  /** As printed in the source, OCR damage included ("1๒", "๕๕", "In"). */
  originalCode: z.string().min(1),
  /** null = unreadable; never guessed. */
  code: QuestionCode.nullable(),
  findingTh: z.string().min(1),
  note: z.string().optional(),
});

/** One ประเด็น of section 1: cited questions, findings and what the agency will develop. */
export const AnalysisIssueArea = z.object({
  no: z.number().int().min(1),
  issueAreaCode: z.string().min(1),
  nameTh: z.string().min(1),
  introTh: z.string().nullable(),
  citations: z.array(AnalysisCitation),
  /** "ดังนั้น หน่วยงานเห็นว่าต้องพัฒนา…" paragraphs, in order. */
  developmentTh: z.array(z.string().min(1)).min(1),
});

/** มาตรการ: one row of the section 2 table (how the analysis is put into practice). */
export const MeasureRow = z.object({
  issueAreaCode: z.string().min(1),
  measureTh: z.string().min(1),
  methodsTh: z.array(z.string().min(1)).min(1),
  stepsTh: z.array(z.string().min(1)).min(1),
  responsibleUnitTh: z.string().min(1),
  timelineTh: z.string().min(1),
});

/** รายงานการวิเคราะห์ผลการประเมิน ITA of one agency and year, as data. */
export const ItaAnalysis = z.object({
  fiscalYear: z.number().int(),
  agency: z.object({
    slug: z.string().min(1),
    nameTh: z.string().min(1),
    addressTh: z.string().min(1),
    websiteUrl: z.url(),
  }),
  source: z.string().min(1),
  confidence: Confidence,
  note: z.string().optional(),
  titleTh: z.string().min(1),
  forewordTh: z.array(z.string().min(1)).min(1),
  resultSummaryTh: z.string().min(1),
  /** The level the agency states; compare with compareStatedLevel, never copy it. */
  statedLevelTh: z.string().min(1),
  statedTotal: z.number().min(0).max(100),
  indicatorScores: z.array(
    z.object({ no: z.number().int(), nameTh: z.string(), score: z.number().min(0).max(100) }),
  ),
  analysisOverviewTh: z.string().min(1),
  issueAreas: z.array(AnalysisIssueArea),
  measures: z.array(MeasureRow),
  limitationsTh: z.string().min(1),
});
export type ItaAnalysis = z.infer<typeof ItaAnalysis>;

/**
 * Reusable recommendation texts (ข้อเสนอแนะ) per question and per issue area. Template texts
 * use {{agencyName}}, {{websiteUrl}}, {{email}} and {{fiscalYear}}.
 */
export const RecommendationLibrary = z.object({
  source: z.string().min(1),
  confidence: Confidence,
  note: z.string().optional(),
  placeholders: z.array(z.string().min(1)),
  questions: z.array(
    z.object({ code: QuestionCode, issueAreaCode: z.string().min(1), issueTh: z.string().min(1) }),
  ),
  issueAreas: z.array(
    z.object({
      code: z.string().min(1),
      nameTh: z.string().min(1),
      recommendationsTh: z.array(z.string().min(1)).min(1),
      measureTemplate: MeasureRow.omit({ issueAreaCode: true }),
    }),
  ),
});
export type RecommendationLibrary = z.infer<typeof RecommendationLibrary>;
