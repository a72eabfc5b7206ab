import { currentFiscalYear } from '../core/i18n/thai-format.js';

/**
 * The fiscal year the official-results import form proposes: the newest year whose results can
 * already exist, not the current one.
 *
 * Why "the year before the current one": the NACC assesses a fiscal year while it runs and
 * announces its results near its end (ITA 2566: 10 Aug 2566, ita-framework.md §5), and what an
 * agency does with results during fiscal year N is the analysis of year N-1 that its year-N
 * measures are built on (ita-framework.md §7: "the FY N measures are built on the analysis of
 * FY N-1 results"). So in December 2026 (fiscal 2570) an officer imports 2569's results.
 *
 * Why not "the newest imported year + 1": an agency adopting Prongsai late may import an old
 * year for history first; proposing the year after it would steer it away from the year its
 * analysis is due for. A year the agency already imported later than that (in the weeks between
 * the NACC announcement and 30 September) stays proposed, so a corrected file replaces it.
 *
 * `known` is the years with criteria (framework files): a year without criteria cannot be
 * imported, so the newest known year at or before the proposal is used, else the earliest one.
 * @example defaultResultsYear(new Date('2026-12-06T00:00:00+07:00'), [2566, 2569, 2570], []) // 2569
 */
export function defaultResultsYear(
  now: Date,
  known: readonly number[],
  importedYears: readonly number[],
): number {
  const current = currentFiscalYear(now);
  const wanted = importedYears.includes(current) ? current : current - 1;
  const usable = [...known].sort((a, b) => a - b);
  if (usable.length === 0) return wanted;
  return usable.filter((y) => y <= wanted).at(-1) ?? usable[0]!;
}
