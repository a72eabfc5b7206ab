import type { ItaFramework, ResultLevel, ToolCode } from './frameworks/framework-schema.js';
import { TOOL_CODES } from './frameworks/framework-schema.js';

// ระดับผลการประเมิน: the level a result reaches, and how sure anyone can be of it. Split from
// score-framework.ts, which computes the scores: the level is the one part of a result that
// rests on a table the NACC has not published as text (ita-framework-corrections.md §3), so
// everything here words it as an estimate beside an official label, never instead of one.

/** A level by its code and its names, as results, estimates and comparisons carry it. */
export interface LevelName {
  code: string;
  labelTh: string;
  labelEn: string;
}

/** What a level is computed from: the total and the tool scores, as published. */
export interface ScoredLevel {
  level: LevelName;
  total: number;
  tools: Record<ToolCode, number>;
}

/**
 * The level a total and tool scores reach under the year's rule: the first level, best first,
 * whose minimum total and (when it has one) minimum for every tool are met. It reads the
 * scores as published, rounded to 2 decimals (rule `level-on-published-scores`): a total of
 * 84.996 is published as 85.00 and passes, as an agency reading its result expects.
 *
 * The thresholds are data (`resultLevels` in fy*.json), not official text: since 2566 the
 * NACC's Rating Score replaced AA–F, and the best available table (ผ่านดีเยี่ยม: total ≥ 95
 * and every tool ≥ 95; ผ่านดี: total ≥ 85 and every tool ≥ 85; ผ่าน: total ≥ 85; then 70)
 * comes from a university's in-house code (ita-framework.md §5), so callers present the
 * result as an estimate (`estimateLevel`).
 */
export function levelFor(
  framework: ItaFramework,
  total: number,
  tools: Record<ToolCode, number>,
): ResultLevel {
  const levels = framework.resultLevels.levels;
  const found = levels.find(
    (level) =>
      total >= level.minTotal &&
      (level.minEachTool === null || TOOL_CODES.every((t) => tools[t] >= level.minEachTool!)),
  );
  // The schema guarantees a last level with minTotal 0, so this only guards the type.
  return found ?? levels[levels.length - 1]!;
}

/** How sure we are of a framework fact, in the words a municipal officer reads. */
const CONFIDENCE_TH: Record<string, string> = {
  confirmed: 'ยืนยันแล้ว',
  likely: 'น่าจะถูกต้อง แต่ยังไม่ยืนยันกับคู่มือทางการ',
  unconfirmed: 'ยังไม่ยืนยันกับคู่มือทางการ',
};

/** A computed level, worded as the estimate it is. */
export interface LevelEstimate {
  code: string;
  labelTh: string;
  labelEn: string;
  /** The rule that gave it, e.g. "คะแนนรวม ≥ 95 และทุกเครื่องมือ ≥ 95". */
  ruleTh: string;
  ruleEn: string;
  confidence: ResultLevel['confidence'];
  /** Levels the NACC has given instead to results that meet this rule (data: `mayOfficiallyBe`). */
  alternatives: { code: string; labelTh: string; labelEn: string }[];
  /** What a reader sees: "ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี". */
  wordingTh: string;
  wordingEn: string;
}

/**
 * The computed level `levelCode` of a year as an estimate. When the year's data says results
 * meeting this rule have officially been given another level (2566: every public case at or
 * above 95 found is ผ่านดี, ita-framework-corrections.md §3), both are named, so the engine
 * never presents the better one as certain.
 */
export function estimateLevel(framework: ItaFramework, levelCode: string): LevelEstimate {
  const levels = framework.resultLevels.levels;
  const level = levels.find((l) => l.code === levelCode) ?? levels[levels.length - 1]!;
  const alternatives = (level.mayOfficiallyBe ?? [])
    .map((code) => levels.find((l) => l.code === code))
    .filter((l): l is ResultLevel => l !== undefined)
    .map((l) => ({ code: l.code, labelTh: l.labelTh, labelEn: l.labelEn }));
  const namesTh = [level.labelTh, ...alternatives.map((a) => a.labelTh)].join(' หรือ ');
  const namesEn = [level.labelEn, ...alternatives.map((a) => a.labelEn)].join(' or ');
  return {
    code: level.code,
    labelTh: level.labelTh,
    labelEn: level.labelEn,
    ruleTh: ruleText(level, 'th'),
    ruleEn: ruleText(level, 'en'),
    confidence: level.confidence,
    alternatives,
    wordingTh: `ประมาณการ: ${namesTh}`,
    wordingEn: `Estimate: ${namesEn}`,
  };
}

/** The level to show for a result: the official one when imported, else the estimate. */
export interface PresentedLevel {
  labelTh: string;
  labelEn: string;
  isOfficial: boolean;
  estimate: LevelEstimate;
}

/**
 * The level a page or report shows. An official level (from the NACC's result, entered when
 * the results were imported) is the authority and is shown as it is; without one, the
 * computed level is shown only as an estimate with its rule and confidence.
 */
export function presentLevel(
  framework: ItaFramework,
  levelCode: string,
  officialLabel: string | null | undefined,
): PresentedLevel {
  const estimate = estimateLevel(framework, levelCode);
  const official = officialLabel?.trim();
  if (official) {
    const known = framework.resultLevels.levels.find((l) =>
      [l.code, l.labelTh, l.labelEn].some((n) => n.toLowerCase() === official.toLowerCase()),
    );
    return {
      labelTh: known?.labelTh ?? official,
      labelEn: known?.labelEn ?? official,
      isOfficial: true,
      estimate,
    };
  }
  return { labelTh: estimate.wordingTh, labelEn: estimate.wordingEn, isOfficial: false, estimate };
}

export interface StatedLevelComparison {
  agrees: boolean;
  computed: LevelName;
  /** The stated label resolved against this year's levels; null when it is not one of them. */
  stated: LevelName | null;
  explanationTh: string;
  explanationEn: string;
}

/** A level's rule in words ("คะแนนรวม ≥ 85 และทุกเครื่องมือ ≥ 85"), as the estimate states it. */
function ruleText(level: ResultLevel, lang: 'th' | 'en'): string {
  const each =
    level.minEachTool === null
      ? ''
      : lang === 'th'
        ? ` และทุกเครื่องมือ ≥ ${level.minEachTool}`
        : ` and every tool ≥ ${level.minEachTool}`;
  return lang === 'th' ? `คะแนนรวม ≥ ${level.minTotal}${each}` : `total ≥ ${level.minTotal}${each}`;
}

/**
 * Checks a level an agency states (e.g. the seed's "ผ่านดี") against the computed one and
 * explains both ways. LAO self-labels are often wrong, and the 2566 thresholds are not
 * official text, so a disagreement is reported, never silently resolved.
 */
export function compareStatedLevel(
  result: ScoredLevel,
  statedLabel: string,
  framework: ItaFramework,
): StatedLevelComparison {
  const wanted = statedLabel.trim().toLowerCase();
  const levels = framework.resultLevels.levels;
  const stated = levels.find((l) =>
    [l.code, l.labelTh, l.labelEn].some((name) => name.toLowerCase() === wanted),
  );
  const computed = levels.find((l) => l.code === result.level.code)!;
  const scores = `คะแนนรวม ${result.total.toFixed(2)} (IIT ${result.tools.IIT.toFixed(2)}, EIT ${result.tools.EIT.toFixed(2)}, OIT ${result.tools.OIT.toFixed(2)})`;
  const scoresEn = `total ${result.total.toFixed(2)} (IIT ${result.tools.IIT.toFixed(2)}, EIT ${result.tools.EIT.toFixed(2)}, OIT ${result.tools.OIT.toFixed(2)})`;
  const pick = (l: ResultLevel) => ({ code: l.code, labelTh: l.labelTh, labelEn: l.labelEn });

  if (!stated) {
    return {
      agrees: false,
      computed: result.level,
      stated: null,
      explanationTh: `ระดับ "${statedLabel}" ไม่อยู่ในระดับของปี ${framework.fiscalYear} (${levels.map((l) => l.labelTh).join(', ')}); ${scores} คำนวณได้ "${computed.labelTh}"`,
      explanationEn: `"${statedLabel}" is not a ${framework.fiscalYear} level (${levels.map((l) => l.labelEn).join(', ')}); ${scoresEn} computes as "${computed.labelEn}"`,
    };
  }
  // A level the NACC has given to results meeting the computed rule (2566: ผ่านดี for every
  // public result at or above 95, ita-framework-corrections.md §3) agrees, and the agency's
  // label is the one to believe: its source is the official result, ours a third-party table.
  const estimate = estimateLevel(framework, computed.code);
  const isKnownAlternative = estimate.alternatives.some((a) => a.code === stated.code);
  if (isKnownAlternative) {
    return {
      agrees: true,
      computed: result.level,
      stated: pick(stated),
      explanationTh: `สอดคล้อง: ${scores} ตามเกณฑ์ที่ใช้คำนวณได้ "${computed.labelTh}" (${ruleText(computed, 'th')}; ${CONFIDENCE_TH[computed.confidence]}) แต่ผลปี ${framework.fiscalYear} ที่ผ่านเกณฑ์นี้ซึ่งพบในที่สาธารณะได้ระดับ "${stated.labelTh}" จึงถือระดับที่ระบุเป็นหลัก`,
      explanationEn: `Consistent: ${scoresEn} meets the "${computed.labelEn}" rule (${ruleText(computed, 'en')}; ${computed.confidence}), but public ${framework.fiscalYear} results meeting it were given "${stated.labelEn}", so the stated level stands`,
    };
  }
  if (stated.code === computed.code) {
    return {
      agrees: true,
      computed: result.level,
      stated: pick(stated),
      explanationTh: `ตรงกัน: ${scores} ได้ "${computed.labelTh}" (${ruleText(computed, 'th')}; ${CONFIDENCE_TH[computed.confidence]})`,
      explanationEn: `Agrees: ${scoresEn} gives "${computed.labelEn}" (${ruleText(computed, 'en')}; ${computed.confidence})`,
    };
  }
  // A real disagreement is explained, not resolved: LAO self-labels are often wrong (a 96.04
  // labelled both "ผ่าน" and "AA", ita-framework.md §5), and our thresholds are unconfirmed.
  // Which of the two is likelier depends on the direction, so the explanation does too.
  // People read this in the report: name the source by its title, not its data key.
  const sourceTitle = (key: string) => framework.sources[key]?.title ?? key;
  const statedIsLower = levels.indexOf(stated) > levels.indexOf(computed);
  const whyTh = statedIsLower
    ? `เป็นไปได้ว่าเกณฑ์ทางการเข้มกว่าที่บันทึกไว้ (เกณฑ์ "${computed.labelTh}" มาจาก ${sourceTitle(computed.source)}, ${CONFIDENCE_TH[computed.confidence]}; เช่น อาจพิจารณา EIT ส่วนที่ 1 และส่วนที่ 2 แยกกัน) หรือรายงานระบุระดับผิด`
    : `เป็นไปได้ว่ารายงานระบุระดับสูงกว่าที่คะแนนให้ หรือเกณฑ์ทางการผ่อนกว่าที่บันทึกไว้ (เกณฑ์ "${stated.labelTh}" มาจาก ${sourceTitle(stated.source)}, ${CONFIDENCE_TH[stated.confidence]})`;
  const whyEn = statedIsLower
    ? `Either the official rule is stricter than recorded (the "${computed.labelEn}" rule comes from ${sourceTitle(computed.source)}, ${computed.confidence}; e.g. EIT parts 1 and 2 may be checked separately) or the report's label is wrong`
    : `Either the report claims a higher level than its scores support, or the official rule is looser than recorded (the "${stated.labelEn}" rule comes from ${sourceTitle(stated.source)}, ${stated.confidence})`;
  return {
    agrees: false,
    computed: result.level,
    stated: pick(stated),
    explanationTh: `ไม่ตรงกัน: รายงานระบุ "${stated.labelTh}" (${ruleText(stated, 'th')}) แต่ ${scores} ตามเกณฑ์ปี ${framework.fiscalYear} ได้ "${computed.labelTh}" (${ruleText(computed, 'th')}). ${whyTh}`,
    explanationEn: `Disagrees: the report states "${stated.labelEn}" (${ruleText(stated, 'en')}) but ${scoresEn} under the ${framework.fiscalYear} rule is "${computed.labelEn}" (${ruleText(computed, 'en')}). ${whyEn}`,
  };
}
