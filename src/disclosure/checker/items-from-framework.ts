import { groupOitItems, listOitYears } from '../oit-items.js';
import type { OitItemForCheck } from './oit-item-for-check.js';

/**
 * The checker's items of a fiscal year from the framework data: name, sub-indicator, the
 * framework's keywords (plus the item name itself) and whether the evidence must be of the
 * assessed year.
 */
export function checkerItemsFromFramework(fiscalYear: number): OitItemForCheck[] {
  return groupOitItems(fiscalYear).flatMap((group) =>
    group.items.map((item) => ({
      code: item.code,
      nameTh: item.nameTh,
      subIndicator: `${group.code} ${group.nameTh}`,
      keywords: [...new Set([item.nameTh, ...item.keywords])],
      mustBeCurrentYear: item.period === 'current',
    })),
  );
}

/** Every framework year's checker items. */
export function checkerItemsForAllYears(): [number, OitItemForCheck[]][] {
  return listOitYears().map((year) => [year, checkerItemsFromFramework(year)]);
}
