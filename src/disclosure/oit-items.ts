// The one place this module reads the assessment module's framework data.
import {
  diffFrameworks,
  mapItemCode,
  getFramework,
  listFrameworkYears,
  scoreFramework,
  UnknownFrameworkYearError,
  type FrameworkDiff,
  type ItaFramework,
  type OitItem,
} from '../assessment/index.js';
import { NotFoundError } from '../core/errors.js';

export type { OitItem, ItaFramework, FrameworkDiff };

/** ตัวชี้วัดย่อย with its OIT items, in framework order. */
export interface OitItemGroup {
  code: string;
  nameTh: string;
  items: OitItem[];
}

/** Fiscal years (พ.ศ.) that have framework data, ascending. */
export function listOitYears(): number[] {
  return listFrameworkYears();
}

/** The framework of a year; NotFoundError (404 page) for a year without data. */
export function getOitFramework(fiscalYear: number): ItaFramework {
  try {
    return getFramework(fiscalYear);
  } catch (error) {
    if (error instanceof UnknownFrameworkYearError) throw new NotFoundError('errors.notFound');
    throw error;
  }
}

/** Every OIT item of the year (o1…), in framework order. */
export function listOitItems(fiscalYear: number): OitItem[] {
  return getOitFramework(fiscalYear).oitItems;
}

/** One OIT item of the year; NotFoundError when the code is not in that year's framework. */
export function getOitItem(fiscalYear: number, itemCode: string): OitItem {
  const item = listOitItems(fiscalYear).find((i) => i.code === itemCode);
  if (!item) throw new NotFoundError('errors.notFound');
  return item;
}

/** The year's items grouped by sub-indicator (9.1 … 10.2). */
export function groupOitItems(fiscalYear: number): OitItemGroup[] {
  const framework = getOitFramework(fiscalYear);
  return framework.oitSubIndicators.map((s) => ({
    code: s.code,
    nameTh: s.nameTh,
    items: framework.oitItems.filter((i) => i.subIndicator === s.code),
  }));
}

/**
 * The code last year's OIT item `code` has in `fiscalYear`, or null when it is no longer asked
 * or has no known successor (the framework's item mapping, then an identical name).
 */
export function successorOfItem(fiscalYear: number, code: string): string | null {
  return mapItemCode(getOitFramework(fiscalYear - 1), getOitFramework(fiscalYear), code);
}

/** What changed in the OIT items from the previous year's framework; null if none exists. */
export function diffOitItems(fiscalYear: number): FrameworkDiff['oitItems'] | null {
  if (!listFrameworkYears().includes(fiscalYear - 1)) return null;
  return diffFrameworks(getFramework(fiscalYear - 1), getOitFramework(fiscalYear)).oitItems;
}

/**
 * The OIT score the framework's own scorer gives for items disclosed (true) or not: indicator
 * 9 and 10 as means of their sub-indicators, each the share of its items disclosed (the
 * NACC's rule, see assessment's `scoreFramework`), OIT as their mean. IIT/EIT indicators get a
 * placeholder 0 because the scorer needs every indicator; only the OIT figures are used.
 */
export function scoreOitItems(
  fiscalYear: number,
  disclosed: Record<string, boolean>,
): { oit: number; indicators: { no: number; score: number }[]; unconfirmed: string[] } {
  const framework = getOitFramework(fiscalYear);
  const indicatorScores: Record<string, number> = {};
  for (const indicator of framework.indicators) {
    if (indicator.tool !== 'OIT') indicatorScores[String(indicator.no)] = 0;
  }
  const result = scoreFramework(framework, {
    fiscalYear,
    oitItems: Object.fromEntries(
      framework.oitItems.map((i) => [i.code, disclosed[i.code] ?? false]),
    ),
    indicatorScores,
  });
  const oitNos = new Set(framework.indicators.filter((i) => i.tool === 'OIT').map((i) => i.no));
  return {
    oit: result.tools.OIT,
    indicators: result.indicators.filter((i) => oitNos.has(i.no)),
    unconfirmed: result.unconfirmed,
  };
}
