import { readFileSync } from 'node:fs';
import type { Confidence, ItaFramework } from './frameworks/framework-schema.js';

/**
 * Notes meant for developers that must never reach a user's screen or an official document:
 * file names, section marks, code names and English confidence tags. The page walk test and
 * `forOfficer` share this one list.
 */
export const DEVELOPER_TEXT =
  /§|\b[\w-]+\.(?:md|json|php|ts|tsx)\b|getRate\w*|\bunconfirmed\b|\binference\b|seed report|\b[0-9]{3}_[0-9a-f]{8,}\b|\bTODO\b/i;

/** Officer-facing Thai descriptions of known sources (data: keys name years). */
let sourceTitlesTh: Record<string, string> | undefined;

const CONFIDENCE_TH: Record<Confidence, string> = {
  confirmed: 'ตรงกับเอกสารของ ป.ป.ช. หรือคำนวณซ้ำได้ตรง',
  likely: 'น่าจะถูกต้อง พบในเอกสารรอง ยังไม่พบในคู่มือของ ป.ป.ช.',
  unconfirmed: 'ยังไม่ได้ตรวจกับคู่มือของ ป.ป.ช. ใช้ไปก่อนจนกว่าจะพบเอกสาร',
};

/** How sure the programme is of a rule, in the words an officer reads. */
export function confidenceTh(confidence: string): string {
  return CONFIDENCE_TH[confidence as Confidence] ?? CONFIDENCE_TH.unconfirmed;
}

/** Removes developer references (file names, § marks, code names) from a text. */
export function withoutDeveloperNotes(text: string): string {
  let out = text;
  // Innermost parentheses first, so "(code (getRateNew; …), not … (x.md §1))" goes whole.
  for (let i = 0; i < 4; i += 1) {
    out = out.replace(/\s*\([^()]*\)/g, (group) => (DEVELOPER_TEXT.test(group) ? '' : group));
  }
  return out
    .split(/(?<=[;,—])\s+/)
    .filter((part) => !DEVELOPER_TEXT.test(part))
    .join(' ')
    .replace(/[\s;,—]+$/, '')
    .trim();
}

/**
 * Where a framework rule comes from, for an officer: the Thai description of a known source,
 * else the source's title without developer references.
 */
export function sourceTh(framework: Pick<ItaFramework, 'sources'>, key: string): string {
  sourceTitlesTh ??= JSON.parse(
    readFileSync(new URL('./library/source-titles-th.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;
  const known = sourceTitlesTh[key];
  if (known) return known;
  const title = framework.sources[key]?.title;
  const cleaned = title ? withoutDeveloperNotes(title) : '';
  return cleaned || 'เอกสารอ้างอิงที่ทีมพัฒนาบันทึกไว้';
}

/**
 * A scorer's assumption line (`what [confidence; sourceKey]`) rewritten for an officer:
 * the rule, then how sure and where it comes from, with no data keys or file names.
 */
export function assumptionTh(framework: Pick<ItaFramework, 'sources'>, line: string): string {
  const m = /^(.*?)\s*\[(\w+);\s*([^\]]+)\]\s*$/.exec(line);
  if (!m) return withoutDeveloperNotes(line);
  const [, what, confidence, key] = m;
  const rule = withoutDeveloperNotes(
    what!
      .replace(/^weight (\w+) = /, 'น้ำหนัก $1 = ')
      .replace(/^scale [\w-]+: /, 'คะแนนตัวเลือกคำตอบ: ')
      .replace(/^level /, 'ระดับ ')
      .replace(/^target /, 'ค่าเป้าหมาย ')
      .replace(/^[\w-]+: /, ''),
  );
  return `${rule} — ${confidenceTh(confidence!)}; ที่มา: ${sourceTh(framework, key!)}`;
}

/**
 * A text that quotes framework source titles (the level comparison) rewritten for an officer:
 * each title becomes its Thai description, then developer references are dropped.
 */
export function explanationTh(framework: Pick<ItaFramework, 'sources'>, text: string): string {
  let out = text;
  for (const [key, source] of Object.entries(framework.sources)) {
    out = out.split(source.title).join(sourceTh(framework, key));
  }
  return withoutDeveloperNotes(out);
}
