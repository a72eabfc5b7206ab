import { z } from 'zod';
import type { ItaFramework } from './frameworks/framework-schema.js';
import type { ScoreResult } from './score-framework.js';

/** How to pick weak questions (ข้อคำถามที่มีผลการประเมินต่ำ). */
export const WeakQuestionRule = z.discriminatedUnion('kind', [
  /** Every question scoring strictly below `threshold`. */
  z.object({ kind: z.literal('below'), threshold: z.number().min(0).max(100) }),
  /** The `n` lowest questions of each indicator that scored below 100. */
  z.object({ kind: z.literal('lowestPerIndicator'), n: z.number().int().min(1) }),
]);
export type WeakQuestionRule = z.infer<typeof WeakQuestionRule>;

export interface FlaggedQuestion {
  code: string;
  indicatorNo: number;
  score: number | null;
  reason: 'rule' | 'manual';
}

export interface WeakQuestionsByArea {
  areas: { code: string; no: number; nameTh: string; questions: FlaggedQuestion[] }[];
  /** Flagged questions that no issue area of this year covers (e.g. i4–i6). */
  unmapped: FlaggedQuestion[];
}

/**
 * Picks the questions an analysis report must discuss and groups them by the framework's
 * issue areas (ประเด็น). Staff can add questions the rule missed (e.g. the seed cites
 * questions of indicators that scored 100.00) and remove ones they judge irrelevant.
 * Questions are sorted by score, lowest first, inside each area.
 */
export function flagWeakQuestions(
  framework: ItaFramework,
  questions: ScoreResult['questions'],
  rule: WeakQuestionRule,
  manual: { add?: string[]; remove?: string[] } = {},
): WeakQuestionsByArea {
  const flagged = new Map<string, FlaggedQuestion>();
  if (rule.kind === 'below') {
    for (const q of questions) {
      if (q.score < rule.threshold) flagged.set(q.code, { ...q, reason: 'rule' });
    }
  } else {
    const byIndicator = new Map<number, ScoreResult['questions']>();
    for (const q of questions) {
      if (q.score < 100)
        byIndicator.set(q.indicatorNo, [...(byIndicator.get(q.indicatorNo) ?? []), q]);
    }
    for (const group of byIndicator.values()) {
      const lowest = [...group].sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
      for (const q of lowest.slice(0, rule.n)) flagged.set(q.code, { ...q, reason: 'rule' });
    }
  }
  const known = new Map(
    [...framework.iitQuestions, ...framework.eitQuestions].map((q) => [q.code, q.indicatorNo]),
  );
  for (const code of manual.add ?? []) {
    const indicatorNo = known.get(code);
    if (indicatorNo === undefined || flagged.has(code)) continue;
    const score = questions.find((q) => q.code === code)?.score ?? null;
    flagged.set(code, { code, indicatorNo, score, reason: 'manual' });
  }
  for (const code of manual.remove ?? []) flagged.delete(code);

  const ordered = (list: FlaggedQuestion[]) =>
    list.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.code.localeCompare(b.code));
  const mapped = new Set<string>();
  const areas = [...framework.issueAreas]
    .sort((a, b) => a.no - b.no)
    .map((area) => {
      const own = area.questions.flatMap((q) => {
        const hit = flagged.get(q.code);
        if (hit) mapped.add(q.code);
        return hit ? [hit] : [];
      });
      return { code: area.code, no: area.no, nameTh: area.nameTh, questions: ordered(own) };
    });
  return { areas, unmapped: ordered([...flagged.values()].filter((q) => !mapped.has(q.code))) };
}
