import type { ItaFramework, ResultLevel, SurveyQuestion } from './frameworks/framework-schema.js';
import { describeMinimumSampleRule } from './minimum-sample.js';

/** What changed in the ITA criteria from one fiscal year to another. */
export interface FrameworkDiff {
  from: number;
  to: number;
  weights: { tool: string; from: number; to: number }[];
  indicators: { no: number; fromNameTh: string | null; toNameTh: string | null }[];
  oitItems: {
    added: { code: string; nameTh: string; subIndicator: string }[];
    removed: { code: string; nameTh: string; subIndicator: string }[];
    renamed: { code: string; fromNameTh: string; toNameTh: string }[];
    moved: { code: string; fromSubIndicator: string; toSubIndicator: string }[];
    /** Same name under a new code: the NACC renumbers items most years. */
    renumbered: { nameTh: string; fromCode: string; toCode: string }[];
  };
  questions: {
    added: { code: string; textTh: string | null }[];
    removed: { code: string; textTh: string | null }[];
    reworded: { code: string; fromTextTh: string | null; toTextTh: string | null }[];
  };
  levels: {
    schemeChanged: { from: string; to: string } | null;
    added: string[];
    removed: string[];
    changed: { code: string; from: string; to: string }[];
  };
  target: { from: number; to: number } | null;
  /** A tool's minimum-sample rule, in Thai, where the two years differ (null: no rule). */
  minimumSamples: { tool: string; from: string | null; to: string | null }[];
}

const questionText = (q: SurveyQuestion) =>
  JSON.stringify([q.textTh, q.indicatorNo, q.subItems.map((s) => s.textTh), q.isReverseScored]);

const levelRule = (l: ResultLevel) =>
  `${l.labelTh}: ≥ ${l.minTotal}${l.minEachTool === null ? '' : `, each tool ≥ ${l.minEachTool}`}`;

/** True when the diff found nothing at all. */
export function isEmptyDiff(diff: FrameworkDiff): boolean {
  const { oitItems: o, questions: q, levels: l } = diff;
  return (
    diff.weights.length + diff.indicators.length === 0 &&
    Object.values(o).every((list) => list.length === 0) &&
    Object.values(q).every((list) => list.length === 0) &&
    l.schemeChanged === null &&
    l.added.length + l.removed.length + l.changed.length === 0 &&
    diff.target === null &&
    diff.minimumSamples.length === 0
  );
}

/**
 * Compares two years' frameworks by code. Matching is by code because that is what
 * the NACC publishes; items that kept their name under a new code are reported as renumbered
 * (and not also as added/removed) so a reader sees one change, not two.
 */
export function diffFrameworks(from: ItaFramework, to: ItaFramework): FrameworkDiff {
  const weights = from.tools.flatMap((tool) => {
    const other = to.tools.find((t) => t.code === tool.code);
    return other && other.weight !== tool.weight
      ? [{ tool: tool.code, from: tool.weight, to: other.weight }]
      : [];
  });

  const indicatorNos = [...new Set([...from.indicators, ...to.indicators].map((i) => i.no))];
  const indicators = indicatorNos
    .sort((a, b) => a - b)
    .flatMap((no) => {
      const a = from.indicators.find((i) => i.no === no)?.nameTh ?? null;
      const b = to.indicators.find((i) => i.no === no)?.nameTh ?? null;
      return a === b ? [] : [{ no, fromNameTh: a, toNameTh: b }];
    });

  const fromItems = new Map(from.oitItems.map((i) => [i.code, i]));
  const toItems = new Map(to.oitItems.map((i) => [i.code, i]));
  const renumbered: FrameworkDiff['oitItems']['renumbered'] = [];
  const onlyFrom = from.oitItems.filter((i) => toItems.get(i.code)?.nameTh !== i.nameTh);
  const onlyTo = to.oitItems.filter((i) => fromItems.get(i.code)?.nameTh !== i.nameTh);
  for (const item of onlyFrom) {
    const match = onlyTo.find((other) => other.nameTh === item.nameTh);
    if (match) renumbered.push({ nameTh: item.nameTh, fromCode: item.code, toCode: match.code });
  }
  const isRenumberedFrom = (code: string) => renumbered.some((r) => r.fromCode === code);
  const isRenumberedTo = (code: string) => renumbered.some((r) => r.toCode === code);
  const brief = (i: { code: string; nameTh: string; subIndicator: string }) => ({
    code: i.code,
    nameTh: i.nameTh,
    subIndicator: i.subIndicator,
  });

  const renamed: FrameworkDiff['oitItems']['renamed'] = [];
  const moved: FrameworkDiff['oitItems']['moved'] = [];
  for (const item of from.oitItems) {
    const other = toItems.get(item.code);
    if (!other) continue;
    if (
      other.nameTh !== item.nameTh &&
      !isRenumberedFrom(item.code) &&
      !isRenumberedTo(item.code)
    ) {
      renamed.push({ code: item.code, fromNameTh: item.nameTh, toNameTh: other.nameTh });
    }
    if (other.subIndicator !== item.subIndicator) {
      moved.push({
        code: item.code,
        fromSubIndicator: item.subIndicator,
        toSubIndicator: other.subIndicator,
      });
    }
  }

  const fromQuestions = [...from.iitQuestions, ...from.eitQuestions];
  const toQuestions = [...to.iitQuestions, ...to.eitQuestions];
  const toByCode = new Map(toQuestions.map((q) => [q.code, q]));
  const fromByCode = new Map(fromQuestions.map((q) => [q.code, q]));

  const fromLevels = from.resultLevels.levels;
  const toLevels = to.resultLevels.levels;
  return {
    from: from.fiscalYear,
    to: to.fiscalYear,
    weights,
    indicators,
    oitItems: {
      added: to.oitItems
        .filter((i) => !fromItems.has(i.code) && !isRenumberedTo(i.code))
        .map(brief),
      removed: from.oitItems
        .filter((i) => !toItems.has(i.code) && !isRenumberedFrom(i.code))
        .map(brief),
      renamed,
      moved,
      renumbered,
    },
    questions: {
      added: toQuestions
        .filter((q) => !fromByCode.has(q.code))
        .map((q) => ({ code: q.code, textTh: q.textTh })),
      removed: fromQuestions
        .filter((q) => !toByCode.has(q.code))
        .map((q) => ({ code: q.code, textTh: q.textTh })),
      reworded: fromQuestions.flatMap((q) => {
        const other = toByCode.get(q.code);
        return other && questionText(other) !== questionText(q)
          ? [{ code: q.code, fromTextTh: q.textTh, toTextTh: other.textTh }]
          : [];
      }),
    },
    levels: {
      schemeChanged:
        from.resultLevels.scheme === to.resultLevels.scheme
          ? null
          : { from: from.resultLevels.scheme, to: to.resultLevels.scheme },
      added: toLevels.filter((l) => !fromLevels.some((f) => f.code === l.code)).map(levelRule),
      removed: fromLevels.filter((l) => !toLevels.some((t) => t.code === l.code)).map(levelRule),
      changed: fromLevels.flatMap((l) => {
        const other = toLevels.find((t) => t.code === l.code);
        return other && levelRule(other) !== levelRule(l)
          ? [{ code: l.code, from: levelRule(l), to: levelRule(other) }]
          : [];
      }),
    },
    target:
      from.target.value === to.target.value
        ? null
        : { from: from.target.value, to: to.target.value },
    minimumSamples: (['IIT', 'EIT'] as const).flatMap((tool) => {
      const rule = (f: ItaFramework) => {
        const found = f.tools.find((t) => t.code === tool)?.minimumSample;
        return found ? describeMinimumSampleRule(found) : null;
      };
      const [a, b] = [rule(from), rule(to)];
      return a === b ? [] : [{ tool, from: a, to: b }];
    }),
  };
}

/**
 * The diff as rows of (what, code, from, to) in Thai, the same for `prongsai ita diff` and
 * the staff page.
 */
export function diffRows(diff: FrameworkDiff): [string, string, string, string][] {
  const rows: [string, string, string, string][] = [];
  for (const w of diff.weights) rows.push(['น้ำหนัก', w.tool, String(w.from), String(w.to)]);
  for (const i of diff.indicators) {
    rows.push(['ตัวชี้วัด', String(i.no), i.fromNameTh ?? '—', i.toNameTh ?? '—']);
  }
  const o = diff.oitItems;
  for (const i of o.added) rows.push(['OIT เพิ่ม', i.code, '—', `${i.subIndicator} ${i.nameTh}`]);
  for (const i of o.removed) rows.push(['OIT ตัดออก', i.code, `${i.subIndicator} ${i.nameTh}`, '—']);
  for (const i of o.renamed) rows.push(['OIT เปลี่ยนชื่อ', i.code, i.fromNameTh, i.toNameTh]);
  for (const i of o.moved) {
    rows.push(['OIT ย้ายตัวชี้วัดย่อย', i.code, i.fromSubIndicator, i.toSubIndicator]);
  }
  for (const i of o.renumbered) rows.push(['OIT เปลี่ยนเลขข้อ', i.nameTh, i.fromCode, i.toCode]);
  const q = diff.questions;
  for (const i of q.added) rows.push(['ข้อคำถามเพิ่ม', i.code, '—', i.textTh ?? '(ไม่ทราบถ้อยคำ)']);
  for (const i of q.removed) rows.push(['ข้อคำถามตัดออก', i.code, i.textTh ?? '(ไม่ทราบถ้อยคำ)', '—']);
  for (const i of q.reworded) {
    rows.push(['ข้อคำถามเปลี่ยนถ้อยคำ', i.code, i.fromTextTh ?? '—', i.toTextTh ?? '—']);
  }
  const l = diff.levels;
  if (l.schemeChanged) rows.push(['ระบบระดับผล', '', l.schemeChanged.from, l.schemeChanged.to]);
  for (const x of l.added) rows.push(['ระดับผลเพิ่ม', '', '—', x]);
  for (const x of l.removed) rows.push(['ระดับผลตัดออก', '', x, '—']);
  for (const x of l.changed) rows.push(['เกณฑ์ระดับผล', x.code, x.from, x.to]);
  if (diff.target) rows.push(['ค่าเป้าหมาย', '', String(diff.target.from), String(diff.target.to)]);
  for (const m of diff.minimumSamples) {
    rows.push(['กลุ่มตัวอย่างขั้นต่ำ', m.tool, m.from ?? '—', m.to ?? '—']);
  }
  return rows;
}
