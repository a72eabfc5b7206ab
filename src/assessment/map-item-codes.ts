import type { ItaFramework } from './frameworks/framework-schema.js';

/**
 * Where an item or question of the previous year continues in `next`: its new code, or null
 * when it is no longer asked or has no known successor.
 *
 * Rule (ItemMapping in framework-schema.ts): the year's `itemMapping` decides when it lists the
 * code. Otherwise an OIT item continues only in an item with the identical name — never by its
 * number, because the NACC renumbers OIT items (o30 of 2566 is o25 of 2567 and o20 of 2568) —
 * and a question keeps its code if the new year still asks it (IIT/EIT were never seen
 * renumbered). Without any mapping in the file (a year the NACC did not renumber), an OIT item
 * also keeps its code when the name is gone.
 */
export function mapItemCode(
  previous: ItaFramework,
  next: ItaFramework,
  code: string,
): string | null {
  const mapping = next.itemMapping?.fromYear === previous.fiscalYear ? next.itemMapping : undefined;
  if (mapping && code in mapping.items) return mapping.items[code] ?? null;
  const nextQuestions = [...next.iitQuestions, ...next.eitQuestions];
  if (!code.startsWith('o')) return nextQuestions.some((q) => q.code === code) ? code : null;
  const old = previous.oitItems.find((i) => i.code === code);
  const claimed = new Set(Object.values(mapping?.items ?? {}));
  // A placeholder's name says only that the item is unknown: it never identifies an item.
  const sameName = next.oitItems.find(
    (i) =>
      old !== undefined &&
      old.basis !== 'placeholder' &&
      i.basis !== 'placeholder' &&
      i.nameTh === old.nameTh &&
      !claimed.has(i.code),
  );
  if (sameName) return sameName.code;
  if (!mapping && next.oitItems.some((i) => i.code === code)) return code;
  return null;
}
