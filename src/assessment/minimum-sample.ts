import { formatNumberTh } from '../core/i18n/thai-format.js';
import { ratioOf } from './exact-ratio.js';
import type { Confidence, MinimumSampleRule } from './frameworks/framework-schema.js';
import { getFramework } from './frameworks/load-frameworks.js';

/** The tools answered by people, the only ones with a minimum sample. */
export type SurveyToolCode = 'IIT' | 'EIT';

/**
 * What decided the minimum: everyone (fewer people than the rule's threshold, or than the
 * number it asks for), the floor, the share of the headcount, the cap, or no headcount at
 * all (the floor is shown, as the least the rule asks of any agency with that many people).
 */
export type MinimumSampleBasis = 'everyone' | 'floor' | 'fraction' | 'cap' | 'no-population';

/** A tool's minimum sample for one headcount, with the rule and where the rule comes from. */
export interface MinimumSample {
  fiscalYear: number;
  tool: SurveyToolCode;
  /** The headcount it was computed from; null when the agency has not entered one. */
  population: number | null;
  /** Respondents needed (กลุ่มตัวอย่างขั้นต่ำ). */
  sample: number;
  basis: MinimumSampleBasis;
  rule: MinimumSampleRule;
  confidence: Confidence;
  source: { key: string; title: string; url: string | undefined };
}

/**
 * Applies a minimum-sample rule to a headcount; see `MinimumSampleRule` for the order. Exact:
 * the share is a ratio of integers, so 7 % of 100 is 7, not the float 7.000000000000001 that
 * `Math.ceil` would turn into 8.
 * @throws RangeError when the headcount is not a non-negative safe integer.
 */
export function applyMinimumSampleRule(
  rule: MinimumSampleRule,
  population: number,
): { sample: number; basis: Exclude<MinimumSampleBasis, 'no-population'> } {
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`headcount must be a non-negative integer, got ${population}`);
  }
  if (population < rule.allIfFewerThan) return { sample: population, basis: 'everyone' };
  let wanted: { sample: number; basis: 'floor' | 'fraction' | 'cap' };
  if (rule.cap && population > rule.cap.abovePopulation) {
    wanted = { sample: rule.cap.sample, basis: 'cap' };
  } else {
    const share = ratioOf(rule.fraction);
    const product = BigInt(population) * share.num;
    const roundedUp = Number((product + share.den - 1n) / share.den);
    wanted =
      roundedUp > rule.floor
        ? { sample: roundedUp, basis: 'fraction' }
        : { sample: rule.floor, basis: 'floor' };
  }
  // A rule cannot ask for more people than there are: a floor of 30 among 31 people is 30,
  // among 25 (with a lower "all if fewer" threshold) it is all 25.
  return wanted.sample > population ? { sample: population, basis: 'everyone' } : wanted;
}

/**
 * The minimum sample of a fiscal year's IIT or EIT for a headcount (IIT: staff who have worked
 * for the agency for at least a year; EIT: service users and contacts, estimated), by that
 * year's rule in the framework data. Without a headcount the rule's floor is returned with
 * basis `no-population`, for the caller to label as such.
 * @throws UnknownFrameworkYearError for a year without a framework file; RangeError for a
 *   headcount that is not a non-negative integer.
 * @example minimumSample(2566, 'EIT', 1234).sample // 124 (10 %, rounded up) under the 2566 data
 */
export function minimumSample(
  fiscalYear: number,
  tool: SurveyToolCode,
  population: number | null,
): MinimumSample {
  const framework = getFramework(fiscalYear);
  const rule = framework.tools.find((t) => t.code === tool)?.minimumSample;
  // The framework schema requires a rule for IIT and EIT, so this is a data error, not input.
  if (!rule) throw new Error(`fy${fiscalYear}.json has no minimumSample for ${tool}`);
  const source = framework.sources[rule.source]!;
  const result =
    population === null
      ? { sample: rule.floor, basis: 'no-population' as const }
      : applyMinimumSampleRule(rule, population);
  return {
    fiscalYear,
    tool,
    population,
    ...result,
    rule,
    confidence: rule.confidence,
    source: { key: rule.source, title: source.title, url: source.url },
  };
}

/**
 * The rule in one Thai sentence, from its parameters (so the text cannot drift from what is
 * computed).
 * @example describeMinimumSampleRule(eit2566) // 'ร้อยละ 10 ของจำนวนทั้งหมด … ใช้ 400 คน'
 */
export function describeMinimumSampleRule(rule: MinimumSampleRule): string {
  const n = (value: number) => formatNumberTh(value, { maximumFractionDigits: 2 });
  const parts: string[] = [];
  if (rule.fraction > 0) {
    const share = `ร้อยละ ${n(rule.fraction * 100)} ของจำนวนทั้งหมด (ปัดขึ้นเป็นจำนวนเต็ม)`;
    parts.push(rule.floor > 0 ? `${share} แต่ไม่น้อยกว่า ${n(rule.floor)} คน` : share);
  } else {
    parts.push(`ไม่น้อยกว่า ${n(rule.floor)} คน`);
  }
  if (rule.allIfFewerThan > 0) {
    parts.push(`ถ้ามีน้อยกว่า ${n(rule.allIfFewerThan)} คน ให้ตอบทุกคน`);
  }
  if (rule.cap) {
    parts.push(`ถ้ามีเกิน ${n(rule.cap.abovePopulation)} คน ใช้ ${n(rule.cap.sample)} คน`);
  }
  return parts.join('; ');
}
