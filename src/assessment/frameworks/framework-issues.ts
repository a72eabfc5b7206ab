import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ItaFramework } from './framework-schema.js';
import { describeFieldMessage } from '../../core/validation/field-messages.js';

/** One reason a framework file is refused: where (a dotted path) and why, in Thai and English. */
export interface FrameworkFileIssue {
  path: string;
  messageTh: string;
  messageEn: string;
}

export type FrameworkFileCheck =
  | { ok: true; framework: ItaFramework; sha256: string }
  | { ok: false; issues: FrameworkFileIssue[] };

/** A framework file is a few hundred kilobytes; anything far larger is not one. */
export const MAX_FRAMEWORK_FILE_BYTES = 2 * 1024 * 1024;

const TYPE_TH: Record<string, string> = {
  number: 'ตัวเลข',
  string: 'ข้อความ',
  boolean: 'true/false',
  array: 'รายการ (array)',
  object: 'ออบเจกต์',
};

/** Zod's English message, and a Thai one from the issue's code and parameters. */
function describe(issue: z.core.$ZodIssue): { th: string; en: string } {
  // Our own cross-checks (framework-schema.ts) are written "ไทย / English".
  if (issue.code === 'custom') {
    const [th, ...en] = issue.message.split(' / ');
    return { th: th ?? issue.message, en: en.join(' / ') || issue.message };
  }
  // zod's own message is now a catalog key (core/validation/field-messages.ts), which means
  // nothing to a person reading a refused file, so the English is written here as the Thai is.
  const en = describeFieldMessage(issue.message, 'en');
  switch (issue.code) {
    case 'invalid_type':
      return {
        th: `ชนิดข้อมูลไม่ถูกต้อง ต้องเป็น${TYPE_TH[issue.expected] ?? issue.expected}`,
        en: `expected ${issue.expected}`,
      };
    case 'invalid_value':
      return {
        th: `ค่าไม่อยู่ในค่าที่ยอมรับ (${issue.values.map(String).join(', ')})`,
        en: `expected one of ${issue.values.map(String).join(', ')}`,
      };
    case 'too_small':
      return {
        th: `น้อยหรือสั้นเกินไป (ขั้นต่ำ ${String(issue.minimum)})`,
        en: `too small (minimum ${String(issue.minimum)})`,
      };
    case 'too_big':
      return {
        th: `มากหรือยาวเกินไป (สูงสุด ${String(issue.maximum)})`,
        en: `too big (maximum ${String(issue.maximum)})`,
      };
    case 'invalid_format':
      return { th: 'รูปแบบไม่ถูกต้อง', en: 'wrong format' };
    case 'unrecognized_keys':
      return {
        th: `มีช่องที่เกณฑ์ไม่รู้จัก: ${issue.keys.join(', ')}`,
        en: `unknown keys: ${issue.keys.join(', ')}`,
      };
    default:
      return { th: 'ข้อมูลไม่ถูกต้อง', en };
  }
}

/**
 * Checks a framework file with exactly the schema and cross-checks the shipped `fy*.json`
 * pass, and reports every problem with its path (e.g. `oitItems.3.subIndicator`), so a file
 * is fixed in one pass. Nothing is stored here; a file with any issue is refused whole.
 */
export function checkFrameworkFile(bytes: Uint8Array): FrameworkFileCheck {
  if (bytes.byteLength > MAX_FRAMEWORK_FILE_BYTES) {
    return refuse('', 'ไฟล์ใหญ่เกิน 2 MB', 'the file is larger than 2 MB');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('', 'ไฟล์ต้องเป็นข้อความ UTF-8', 'the file must be UTF-8 text');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse('', 'ไม่ใช่ JSON ที่ถูกต้อง', `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ItaFramework.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const { th, en } = describe(issue);
        return { path: issue.path.join('.'), messageTh: th, messageEn: en };
      }),
    };
  }
  return {
    ok: true,
    framework: parsed.data,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function refuse(path: string, th: string, en: string): FrameworkFileCheck {
  return { ok: false, issues: [{ path, messageTh: th, messageEn: en }] };
}
