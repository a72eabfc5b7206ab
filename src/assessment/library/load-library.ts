import { readFileSync } from 'node:fs';
import { ItaAnalysis, RecommendationLibrary } from './analysis-schema.js';

let library: RecommendationLibrary | undefined;
const analyses = new Map<string, ItaAnalysis>();

/** The recommendation and measure-template library (ข้อเสนอแนะ), validated once. */
export function getRecommendationLibrary(): RecommendationLibrary {
  library ??= RecommendationLibrary.parse(
    JSON.parse(readFileSync(new URL('./recommendations.json', import.meta.url), 'utf8')),
  );
  return library;
}

/** A published analysis shipped as data (the seed report), or null when none exists. */
export function findLibraryAnalysis(slug: string, fiscalYear: number): ItaAnalysis | null {
  const key = `fy${fiscalYear}-${slug}`;
  if (analyses.has(key)) return analyses.get(key)!;
  try {
    const text = readFileSync(new URL(`./${key}-analysis.json`, import.meta.url), 'utf8');
    const parsed = ItaAnalysis.parse(JSON.parse(text));
    analyses.set(key, parsed);
    return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Fills {{agencyName}}, {{websiteUrl}}, {{email}}, {{fiscalYear}}; unknown values stay visible. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * What an agency's own staff are called in the library's wording ({{staffTitle}}): a เทศบาล
 * has พนักงานเทศบาล, an อบต. พนักงานส่วนตำบล, an อบจ. พนักงานส่วนจังหวัด (ระเบียบบริหารงานบุคคล
 * ส่วนท้องถิ่น); any other agency บุคลากร. The kind is read from `kindTh`, else the agency's name.
 */
export function staffTitleTh(agency: { kindTh: string; nameTh: string }): string {
  const kind = agency.kindTh || agency.nameTh;
  if (/^(เทศบาล)/.test(kind)) return 'พนักงานเทศบาล';
  if (/^(องค์การบริหารส่วนตำบล|อบต\.)/.test(kind)) return 'พนักงานส่วนตำบล';
  if (/^(องค์การบริหารส่วนจังหวัด|อบจ\.)/.test(kind)) return 'พนักงานส่วนจังหวัด';
  if (/^(กรุงเทพมหานคร)/.test(kind)) return 'ข้าราชการกรุงเทพมหานคร';
  return 'บุคลากร';
}
