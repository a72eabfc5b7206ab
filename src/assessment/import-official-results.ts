import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { getFramework, UnknownFrameworkYearError } from './frameworks/load-frameworks.js';
import type { ScoreFileError } from './parse-score-file.js';
import { parseScoreFileOffThread } from './parse-score-file-off-thread.js';
import type { DbOrTx } from '../core/db/client.js';
import { compareStatedLevel, type StatedLevelComparison } from './result-level.js';
import { scoreFramework, ScoreInputError, type ScoreResult } from './score-framework.js';
import { assessmentResults } from './schema.js';

export const ImportOfficialResultsInput = z.object({
  fiscalYear: z.number().int().min(2500).max(2700),
  fileName: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
  /** ระดับที่ระบุ: the level the NACC letter or the agency's report states (optional). */
  statedLevelTh: z.string().max(100).optional(),
  isDemo: z.boolean().default(false),
});
export type ImportOfficialResultsInput = z.input<typeof ImportOfficialResultsInput>;

export type ResultsPreview =
  | {
      ok: true;
      kind: 'indicators' | 'questions';
      result: ScoreResult;
      comparison: StatedLevelComparison | null;
    }
  | { ok: false; errors: ScoreFileError[] };

/**
 * Parses and scores a results file without storing anything (the preview step). Every
 * problem is returned with its row and column, so the file is fixed in one pass. The file is
 * read in a worker thread with row, column, memory and time limits (parseScoreFileOffThread).
 */
export async function previewOfficialResults(
  input: ImportOfficialResultsInput,
): Promise<ResultsPreview> {
  const data = ImportOfficialResultsInput.parse(input);
  let framework;
  try {
    framework = getFramework(data.fiscalYear);
  } catch (error) {
    if (!(error instanceof UnknownFrameworkYearError)) throw error;
    return {
      ok: false,
      errors: [
        {
          row: null,
          column: null,
          code: 'WRONG_YEAR',
          messageTh: `ยังไม่มีเกณฑ์ของปีงบประมาณ ${data.fiscalYear}`,
          messageEn: `no framework for fiscal year ${data.fiscalYear}`,
        },
      ],
    };
  }
  const parsed = await parseScoreFileOffThread(data.bytes, data.fiscalYear);
  if (!parsed.ok) return parsed;
  try {
    const result = scoreFramework(framework, { ...parsed.input, fiscalYear: data.fiscalYear });
    const stated = data.statedLevelTh?.trim();
    return {
      ok: true,
      kind: parsed.kind,
      result,
      comparison: stated ? compareStatedLevel(result, stated, framework) : null,
    };
  } catch (error) {
    if (!(error instanceof ScoreInputError)) throw error;
    return {
      ok: false,
      errors: error.issues.map((i) => ({
        row: null,
        column: i.subject,
        code: i.code === 'WRONG_YEAR' ? 'WRONG_YEAR' : 'MISSING',
        messageTh: i.messageTh,
        messageEn: i.messageEn,
      })),
    };
  }
}

/** The file was refused; nothing was stored. */
export class ResultsFileRefusedError extends Error {
  readonly code = 'VALIDATION';
  constructor(readonly errors: ScoreFileError[]) {
    super(errors.map((e) => `${e.row ?? '-'}:${e.column ?? '-'} ${e.messageTh}`).join('\n'));
    this.name = 'ResultsFileRefusedError';
  }
}

/**
 * Imports the NACC's official scores of one fiscal year for the context's agency. The file is
 * scored again from its bytes (never trusted from a preview form) and stored as one row in one
 * transaction with its audit record; earlier imports of the year stay as history.
 */
export async function importOfficialResults(ctx: AgencyContext, input: ImportOfficialResultsInput) {
  const data = ImportOfficialResultsInput.parse(input);
  const preview = await previewOfficialResults(data);
  if (!preview.ok) throw new ResultsFileRefusedError(preview.errors);
  return ctx.db.transaction((tx) => storeOfficialResult(tx, ctx, data, preview));
}

/** Writes one scored import and its audit record inside the caller's transaction. */
export async function storeOfficialResult(
  tx: DbOrTx,
  ctx: AgencyContext,
  data: z.output<typeof ImportOfficialResultsInput>,
  preview: Extract<ResultsPreview, { ok: true }>,
) {
  const { result } = preview;
  const [row] = await scoped(tx, ctx.agencyId).insert(assessmentResults, {
    fiscalYear: data.fiscalYear,
    kind: preview.kind,
    indicatorScores: result.indicators,
    questionScores: preview.kind === 'questions' ? result.questions : [],
    toolScores: result.tools,
    total: result.total,
    levelCode: result.level.code,
    levelLabelTh: result.level.labelTh,
    statedLevelTh: data.statedLevelTh?.trim() || null,
    sourceFileName: data.fileName,
    importedBy: ctx.actor.userId,
    importedByLabel: ctx.actor.label,
    importedAt: ctx.now(),
    isDemo: data.isDemo,
  });
  await audit(tx, ctx, ctx.agencyId, {
    action: 'assessment.results.import',
    entityType: 'assessment_result',
    entityId: row!.id,
    after: { fiscalYear: data.fiscalYear, total: result.total, file: data.fileName },
  });
  return row!;
}
