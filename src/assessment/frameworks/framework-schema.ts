import type { z } from 'zod';
import { ItaFrameworkShape } from './framework-shape.js';

// The rules between a framework file's fields, which no single field's schema can check: a
// file the NACC's year depends on is refused whole, with every problem listed, rather than
// scored wrongly. Importers read the field schemas and types from here too.
export * from './framework-shape.js';

/** Exact test that decimal weights add to 1 (0.3 + 0.3 + 0.4 is 1.0000000000000002 in floats). */
function weightsSumToOne(weights: number[]): boolean {
  const scale = 10n ** 12n;
  const sum = weights.reduce((acc, w) => acc + BigInt(Math.round(w * 1e12)), 0n);
  return sum === scale;
}

/** ITA framework of one fiscal year: everything the scorer, the OIT checker and reports need. */
export const ItaFramework = ItaFrameworkShape.superRefine((f, ctx) => {
  // Messages read "ไทย / English": framework-issues.ts shows each half in its language.
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  // Tools: IIT, EIT and OIT once each, weights adding to 1 (0.3/0.3/0.4 for 2566,
  // reproduced from the seed's total, ita-framework.md §1), and a minimum-sample rule for the
  // two tools people answer. OIT is checked from the website, so it has no respondents.
  if (!weightsSumToOne(f.tools.map((t) => t.weight))) {
    issue(['tools'], 'น้ำหนักเครื่องมือรวมกันต้องเท่ากับ 1 / tool weights must sum to 1');
  }
  const toolCodes = new Set(f.tools.map((t) => t.code));
  if (toolCodes.size !== 3)
    issue(['tools'], 'ต้องมี IIT, EIT และ OIT อย่างละหนึ่ง / IIT, EIT and OIT must each appear once');

  const checkSource = (path: (string | number)[], source: string) => {
    if (!(source in f.sources))
      issue(
        [...path, 'source'],
        `ไม่มีที่มา "${source}" ในรายการ sources / unknown source "${source}"`,
      );
  };
  f.tools.forEach((t, i) => {
    checkSource(['tools', i], t.source);
    const rule = t.minimumSample;
    const at = ['tools', i, 'minimumSample'];
    if (t.code === 'OIT') {
      if (rule)
        issue(at, 'OIT ไม่มีผู้ตอบ จึงไม่มีกลุ่มตัวอย่างขั้นต่ำ / OIT has no respondents, so no minimum sample');
      return;
    }
    if (!rule) {
      issue(
        at,
        `${t.code} ต้องมีเกณฑ์กลุ่มตัวอย่างขั้นต่ำ (minimumSample) / ${t.code} needs a minimumSample rule`,
      );
      return;
    }
    checkSource(at, rule.source);
    if (rule.cap && rule.cap.sample < rule.floor) {
      issue(
        [...at, 'cap', 'sample'],
        'เพดานต้องไม่ต่ำกว่าจำนวนขั้นต่ำ / the cap must not be below the floor',
      );
    }
    if (rule.cap && rule.cap.sample > rule.cap.abovePopulation) {
      issue(
        [...at, 'cap', 'sample'],
        'เพดานขอคนมากกว่าจำนวนที่มีไม่ได้ / the cap cannot ask for more people than there are',
      );
    }
  });

  // Indicators: numbered once each, every tool with at least one (a tool score is the mean of
  // its indicators, and a mean of nothing has no value).
  const indicatorTool = new Map<number, string>();
  f.indicators.forEach((ind, i) => {
    checkSource(['indicators', i], ind.source);
    if (indicatorTool.has(ind.no))
      issue(['indicators', i, 'no'], `ตัวชี้วัด ${ind.no} ซ้ำ / duplicate indicator ${ind.no}`);
    indicatorTool.set(ind.no, ind.tool);
  });
  for (const tool of toolCodes) {
    if (![...indicatorTool.values()].includes(tool))
      issue(['indicators'], `${tool} ไม่มีตัวชี้วัด / ${tool} has no indicator`);
  }

  // Survey questions: i-codes under IIT and e-codes under EIT indicators, each on a known
  // scale. A question whose official wording is not known (the 2566 EIT texts were never
  // found) carries plain wording for respondents and cannot be marked confirmed.
  const scales = new Set<string>();
  f.answerScales.forEach((s, i) => {
    checkSource(['answerScales', i], s.source);
    if (scales.has(s.id))
      issue(['answerScales', i, 'id'], `มาตรวัด ${s.id} ซ้ำ / duplicate scale ${s.id}`);
    scales.add(s.id);
  });

  const questionCodes = new Set<string>();
  for (const [list, tool, prefix] of [
    ['iitQuestions', 'IIT', 'i'],
    ['eitQuestions', 'EIT', 'e'],
  ] as const) {
    f[list].forEach((q, i) => {
      const at = [list, i];
      checkSource(at, q.source);
      if (!q.code.startsWith(prefix))
        issue([...at, 'code'], `${q.code} ไม่ใช่รหัสข้อของ ${tool} / ${q.code} is not an ${tool} code`);
      if (questionCodes.has(q.code))
        issue([...at, 'code'], `ข้อ ${q.code} ซ้ำ / duplicate question ${q.code}`);
      questionCodes.add(q.code);
      if (indicatorTool.get(q.indicatorNo) !== tool) {
        issue(
          [...at, 'indicatorNo'],
          `ตัวชี้วัด ${q.indicatorNo} ไม่ใช่ตัวชี้วัดของ ${tool} / indicator ${q.indicatorNo} is not an ${tool} indicator`,
        );
      }
      if (!scales.has(q.scaleId))
        issue([...at, 'scaleId'], `ไม่มีมาตรวัด ${q.scaleId} / unknown scale ${q.scaleId}`);
      if (q.textTh === null && !q.respondentTextTh) {
        issue(
          [...at, 'respondentTextTh'],
          'ข้อที่ยังไม่ทราบถ้อยคำทางการต้องมีถ้อยคำสำหรับผู้ตอบ (respondentTextTh) / a question with unknown wording needs plain text',
        );
      }
      if (q.textTh === null && q.confidence === 'confirmed') {
        issue(
          [...at, 'textTh'],
          'ข้อที่ยังไม่ทราบถ้อยคำจะระบุว่ายืนยันแล้วไม่ได้ / a question with unknown wording cannot be confirmed',
        );
      }
    });
  }

  // OIT: each sub-indicator (9.1 …) under an OIT indicator and numbered inside it, since the
  // scorer finds an indicator's items by that prefix (ita-framework-corrections.md §1).
  const subIndicators = new Set<string>();
  f.oitSubIndicators.forEach((s, i) => {
    checkSource(['oitSubIndicators', i], s.source);
    if (indicatorTool.get(s.indicatorNo) !== 'OIT') {
      issue(
        ['oitSubIndicators', i, 'indicatorNo'],
        `ตัวชี้วัด ${s.indicatorNo} ไม่ใช่ตัวชี้วัดของ OIT / indicator ${s.indicatorNo} is not OIT`,
      );
    }
    if (!s.code.startsWith(`${s.indicatorNo}.`)) {
      issue(
        ['oitSubIndicators', i, 'code'],
        `${s.code} ไม่อยู่ในตัวชี้วัด ${s.indicatorNo} / ${s.code} does not belong to ${s.indicatorNo}`,
      );
    }
    subIndicators.add(s.code);
  });
  const subIndicatorsWithItems = new Set(f.oitItems.map((item) => item.subIndicator));
  f.oitSubIndicators.forEach((s, i) => {
    // An indicator is the mean of its sub-indicators' shares; an empty one has no share.
    if (!subIndicatorsWithItems.has(s.code)) {
      issue(
        ['oitSubIndicators', i],
        `ตัวชี้วัดย่อย ${s.code} ไม่มีข้อ OIT / sub-indicator ${s.code} has no OIT item`,
      );
    }
  });
  f.oitItems.forEach((item, i) => {
    checkSource(['oitItems', i], item.source);
    if (questionCodes.has(item.code))
      issue(['oitItems', i, 'code'], `ข้อ ${item.code} ซ้ำ / duplicate ${item.code}`);
    questionCodes.add(item.code);
    if (!subIndicators.has(item.subIndicator)) {
      issue(
        ['oitItems', i, 'subIndicator'],
        `ไม่มีตัวชี้วัดย่อย ${item.subIndicator} / unknown sub-indicator ${item.subIndicator}`,
      );
    }
  });
  // An item list not seen for its year (2567 and 2568 are partly unknown) must say so: a
  // placeholder or an item carried from an earlier year can never be marked confirmed
  // (ita-framework-corrections.md §4: those lists are not copies of 2566).
  f.oitItems.forEach((item, i) => {
    if ((item.basis === 'carried') !== (item.carriedFromYear !== undefined)) {
      issue(
        ['oitItems', i, 'carriedFromYear'],
        'ข้อที่ยกมาจากปีก่อน (และเฉพาะข้อนั้น) ต้องระบุปีที่ยกมา / a carried item, and only one, names its year',
      );
    }
    if (item.basis !== 'seen' && item.confidence === 'confirmed') {
      issue(
        ['oitItems', i, 'confidence'],
        `ข้อแบบ ${item.basis} จะระบุว่ายืนยันแล้วไม่ได้ / a ${item.basis} item cannot be confirmed`,
      );
    }
  });
  // The mapping from last year's codes: only from the year just before, and only onto a code
  // of the same kind this year (an OIT item never continues as a question).
  if (f.itemMapping) {
    const mapping = f.itemMapping;
    checkSource(['itemMapping'], mapping.source);
    if (mapping.fromYear !== f.fiscalYear - 1) {
      issue(
        ['itemMapping', 'fromYear'],
        `ต้องเป็นปีก่อนหน้า ${f.fiscalYear - 1} / must be the previous year ${f.fiscalYear - 1}`,
      );
    }
    for (const [from, to] of Object.entries(mapping.items)) {
      if (to !== null && (!questionCodes.has(to) || to[0] !== from[0])) {
        issue(
          ['itemMapping', 'items', from],
          `${to} ไม่ใช่ข้อของปี ${f.fiscalYear} ชนิดเดียวกับ ${from} / ${to} is not a ${from[0]}-item of ${f.fiscalYear}`,
        );
      }
    }
  }
  for (const [no, tool] of indicatorTool) {
    if (tool !== 'OIT') continue;
    const hasItem = f.oitItems.some((item) => item.subIndicator.startsWith(`${no}.`));
    if (!hasItem) issue(['oitItems'], `ตัวชี้วัด OIT ${no} ไม่มีข้อ / OIT indicator ${no} has no item`);
  }

  // Levels: best first, as levelFor tries them in order, and the last one accepting a total
  // of 0, so that every result has a level. `mayOfficiallyBe` names only levels of this year.
  checkSource(['resultLevels'], f.resultLevels.source);
  f.resultLevels.levels.forEach((level, i) => {
    checkSource(['resultLevels', 'levels', i], level.source);
    const previous = f.resultLevels.levels[i - 1];
    if (previous && previous.minTotal < level.minTotal) {
      issue(
        ['resultLevels', 'levels', i],
        'ระดับต้องเรียงจากดีที่สุดไปต่ำสุด / levels must be ordered from best to worst',
      );
    }
  });
  const levelCodes = new Set(f.resultLevels.levels.map((l) => l.code));
  f.resultLevels.levels.forEach((level, i) => {
    (level.mayOfficiallyBe ?? []).forEach((code, j) => {
      if (!levelCodes.has(code) || code === level.code) {
        issue(
          ['resultLevels', 'levels', i, 'mayOfficiallyBe', j],
          `ไม่มีระดับ ${code} / unknown level ${code}`,
        );
      }
    });
  });
  if (f.resultLevels.levels.at(-1)?.minTotal !== 0) {
    issue(
      ['resultLevels', 'levels'],
      'ระดับสุดท้ายต้องรับคะแนนรวม 0 / the last level must accept a total of 0',
    );
  }
  checkSource(['target'], f.target.source);

  // The analysis report's issue areas may only name questions and items of this year.
  f.issueAreas.forEach((area, i) => {
    checkSource(['issueAreas', i], area.source);
    area.questions.forEach((q, j) => {
      checkSource(['issueAreas', i, 'questions', j], q.source);
      if (!questionCodes.has(q.code)) {
        issue(
          ['issueAreas', i, 'questions', j, 'code'],
          `ไม่มีข้อ ${q.code} / unknown question ${q.code}`,
        );
      }
    });
  });
  f.scoringRules.forEach((r, i) => checkSource(['scoringRules', i], r.source));
});
export type ItaFramework = z.infer<typeof ItaFramework>;
