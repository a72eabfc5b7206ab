import { defineCommand, type CliCommand, type CommandIo } from '../core/cli/command.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { diffFrameworks, diffRows, isEmptyDiff, type FrameworkDiff } from './diff-frameworks.js';
import type { ItaFramework } from './frameworks/framework-schema.js';
import { getFramework, UnknownFrameworkYearError } from './frameworks/load-frameworks.js';
import { parseScoreFile } from './parse-score-file.js';
import { compareStatedLevel, presentLevel } from './result-level.js';
import { scoreFramework, ScoreInputError } from './score-framework.js';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

// Thai vowel and tone marks above/below a consonant take no column of their own.
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/gu;
const width = (text: string) => [...text.replace(ZERO_WIDTH, '')].length;
const pad = (text: string, size: number) => text + ' '.repeat(Math.max(0, size - width(text)));

/** Aligned plain-text table; the first row is the header. */
function table(rows: string[][]): string {
  const sizes = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => pad(cell, sizes[c]!))
      .join('  ')
      .trimEnd();
  const rule = sizes.map((s) => '─'.repeat(s)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n') + '\n';
}

function readYear(text: unknown, io: CommandIo): ItaFramework | null {
  const year = Number(text);
  if (!Number.isInteger(year)) {
    const example = currentFiscalYear(new Date());
    io.err(
      `ต้องระบุปีงบประมาณ พ.ศ. เช่น ${example} / a Buddhist-era fiscal year is required, e.g. ${example}\n`,
    );
    return null;
  }
  try {
    return getFramework(year);
  } catch (error) {
    if (error instanceof UnknownFrameworkYearError) {
      io.err(`${error.message}\n`);
      return null;
    }
    throw error;
  }
}

const fixed = (n: number) => n.toFixed(2);

/** `ita score`: scores an indicator- or question-level file with the year's framework. */
export const scoreCommand = defineCommand({
  name: 'ita score',
  summary: 'คำนวณคะแนน ITA จากไฟล์คะแนน / score an ITA result file',
  usage: 'ita score --year YEAR --input FILE [--json] [--stated-level ผ่านดี]',
  help: [
    'FILE: CSV or XLSX with header indicator,score (ตัวชี้วัด,คะแนน) or question,score (ข้อคำถาม,คะแนน).',
    'Exit 0 = scored; 2 = bad input (each problem on stderr with row and column).',
  ].join('\n'),
  options: {
    year: { type: 'string' },
    input: { type: 'string' },
    json: { type: 'boolean' },
    'stated-level': { type: 'string' },
  },
  async run({ values }, io) {
    const framework = readYear(values.year, io);
    if (!framework) return EXIT_BAD_INPUT;
    if (typeof values.input !== 'string') {
      io.err('ต้องระบุ --input FILE / --input FILE is required\n');
      return EXIT_BAD_INPUT;
    }
    let parsed;
    try {
      parsed = await parseScoreFile({ path: values.input }, { framework });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'EACCES') throw error;
      io.err(`อ่านไฟล์ไม่ได้ / cannot read ${values.input} (${code})\n`);
      return EXIT_BAD_INPUT;
    }
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        const whereTh = [e.row && `แถว ${e.row}`, e.column && `คอลัมน์ ${e.column}`].filter(Boolean);
        const whereEn = [e.row && `row ${e.row}`, e.column && `column ${e.column}`].filter(Boolean);
        const th = whereTh.length > 0 ? `${whereTh.join(', ')}: ` : '';
        const en = whereEn.length > 0 ? `${whereEn.join(', ')}: ` : '';
        io.err(`${th}${e.messageTh} / ${en}${e.messageEn}\n`);
      }
      return EXIT_BAD_INPUT;
    }
    let result;
    try {
      result = scoreFramework(framework, parsed.input);
    } catch (error) {
      if (!(error instanceof ScoreInputError)) throw error;
      for (const i of error.issues) io.err(`${i.subject}: ${i.messageTh} / ${i.messageEn}\n`);
      return EXIT_BAD_INPUT;
    }

    const stated = typeof values['stated-level'] === 'string' ? values['stated-level'] : null;
    // An official level (given with --stated-level) is the authority; otherwise the computed
    // level is printed as an estimate, never as a certain ผ่านดีเยี่ยม (see presentLevel).
    const shown = presentLevel(framework, result.level.code, stated);
    if (values.json) {
      const json = {
        year: result.fiscalYear,
        tools: result.tools,
        indicators: result.indicators,
        total: result.total,
        level: shown.labelTh,
        levelIsOfficial: shown.isOfficial,
        levelCode: result.level.code,
        passed: result.passed,
      };
      io.out(`${JSON.stringify(json)}\n`);
      return EXIT_OK;
    }

    io.out(`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${result.fiscalYear}\n\n`);
    io.out(
      table([
        ['ตัวชี้วัดที่', 'ชื่อตัวชี้วัด', 'เครื่องมือ', 'คะแนน'],
        ...framework.indicators.map((ind) => [
          String(ind.no),
          ind.nameTh,
          ind.tool,
          fixed(result.indicators.find((r) => r.no === ind.no)!.score),
        ]),
      ]),
    );
    io.out('\n');
    io.out(
      table([
        ['เครื่องมือ', 'น้ำหนัก', 'คะแนน'],
        ...framework.tools.map((t) => [t.code, `${t.weight * 100}%`, fixed(result.tools[t.code])]),
        ['รวม', '100%', fixed(result.total)],
      ]),
    );
    const targetText = result.passed ? 'บรรลุค่าเป้าหมาย' : 'ไม่บรรลุค่าเป้าหมาย';
    io.out(`\nระดับผลการประเมิน: ${shown.labelTh} (${shown.labelEn})\n`);
    if (shown.isOfficial) {
      io.out(`ระดับที่คำนวณได้: ${result.levelEstimate.wordingTh}\n`);
    }
    io.out(
      `เกณฑ์ที่ใช้ประมาณการ: ${result.levelEstimate.ruleTh} (${result.levelEstimate.confidence})\n`,
    );
    io.out(`ค่าเป้าหมาย ${result.target}: ${targetText}\n`);
    if (stated !== null) {
      const comparison = compareStatedLevel(result, stated, framework);
      io.out(`\n${comparison.explanationTh}\n${comparison.explanationEn}\n`);
    }
    if (result.unconfirmed.length > 0) {
      io.out('\nผลนี้อาศัยสมมติฐานที่ยังไม่ยืนยันกับคู่มือ ป.ป.ช. / unconfirmed assumptions:\n');
      for (const u of result.unconfirmed) io.out(`  - ${u}\n`);
    }
    return EXIT_OK;
  },
});

function printDiff(diff: FrameworkDiff, to: ItaFramework, io: CommandIo): void {
  io.out(`การเปลี่ยนแปลงเกณฑ์ ITA ปี ${diff.from} → ${diff.to}\n\n`);
  // Later years are partly unknown; say so, or "no differences" reads as a confirmed fact.
  const unknown = to.oitItems.filter((i) => i.basis !== 'seen').length;
  if (unknown > 0) {
    io.out(
      `หมายเหตุ: ข้อ OIT ${unknown} ข้อของปี ${diff.to} ยังไม่ทราบหรือยกมาจากปีก่อน / ${unknown} OIT items are placeholders or carried\n`,
    );
  }
  for (const note of to.notes) io.out(`  - ${note}\n`);
  io.out('\n');
  if (isEmptyDiff(diff)) {
    io.out('ไม่พบความแตกต่างในข้อมูลเกณฑ์ที่บันทึกไว้ / no recorded differences\n');
    return;
  }
  const rows: string[][] = [['หมวด', 'รหัส', 'จาก', 'เป็น'], ...diffRows(diff)];
  io.out(table(rows));
}

/** `ita diff A B`: what changed in the criteria between two fiscal years. */
export const diffCommand = defineCommand({
  name: 'ita diff',
  summary: 'เปรียบเทียบเกณฑ์ ITA สองปี / compare two years of ITA criteria',
  usage: 'ita diff FROM_YEAR TO_YEAR [--json]',
  help: 'Compares the framework data files only; facts marked unconfirmed may hide real changes.',
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 2) {
      io.err('ต้องระบุสองปี พ.ศ. (ปีเดิม ปีใหม่) / two Buddhist-era years are required\n');
      return EXIT_BAD_INPUT;
    }
    const from = readYear(positionals[0], io);
    const to = from && readYear(positionals[1], io);
    if (!from || !to) return EXIT_BAD_INPUT;
    const diff = diffFrameworks(from, to);
    if (values.json) io.out(`${JSON.stringify(diff)}\n`);
    else printDiff(diff, to, io);
    return EXIT_OK;
  },
});

/** Every CLI command of the assessment module, for the `prongsai` command registry. */
export const assessmentCommands: CliCommand[] = [scoreCommand, diffCommand];
