import { Worker } from 'node:worker_threads';
import type { ParsedScoreFile, ScoreFileError } from './parse-score-file.js';

/** How long one file may take to read, once the worker is up, before it is refused. */
export const PARSE_TIME_LIMIT_MS = 10_000;
/** How long the worker may take to start (compiling under tsx on a busy machine is slow). */
const START_TIME_LIMIT_MS = 60_000;
/** The worker's JavaScript heap: a 2 MB file parses in well under this. */
const HEAP_LIMIT_MB = 96;
/** Files read at once in this process, and how many more may wait their turn. */
const RUNNING_AT_ONCE = 1;
const WAITING_AT_MOST = 4;

const refused = (code: ScoreFileError['code'], th: string, en: string): ParsedScoreFile => ({
  ok: false,
  errors: [{ row: null, column: null, code, messageTh: th, messageEn: en }],
});

let running = 0;
const waiting: (() => void)[] = [];

/**
 * Where the worker's module is. Under tsx (`npm start`, tests) the thread must register tsx
 * itself: a worker does not inherit the parent's `--import tsx` hooks in Node 20.
 */
function workerSource(): string {
  const entry = new URL(
    import.meta.url.endsWith('.ts')
      ? './parse-score-file.worker.ts'
      : './parse-score-file.worker.js',
    import.meta.url,
  ).href;
  const load = `import(${JSON.stringify(entry)})`;
  return import.meta.url.endsWith('.ts')
    ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return ${load}; })`
    : load;
}

function runWorker(bytes: Uint8Array, fiscalYear: number): Promise<ParsedScoreFile> {
  return new Promise((resolve) => {
    const worker = new Worker(workerSource(), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB, maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: ParsedScoreFile) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const tooSlow = () =>
      finish(
        refused(
          'TOO_SLOW',
          `อ่านไฟล์ไม่เสร็จใน ${PARSE_TIME_LIMIT_MS / 1000} วินาที ไฟล์คะแนนจริงอ่านได้ในเสี้ยววินาที โปรดตรวจว่าเลือกไฟล์ถูกต้อง`,
          `the file could not be read within ${PARSE_TIME_LIMIT_MS / 1000} s; a real score file takes a fraction of a second`,
        ),
      );
    timer = setTimeout(tooSlow, START_TIME_LIMIT_MS);
    worker.on(
      'message',
      (message: { type: 'ready' } | { type: 'result'; result: ParsedScoreFile }) => {
        if (message.type === 'result') return finish(message.result);
        clearTimeout(timer);
        timer = setTimeout(tooSlow, PARSE_TIME_LIMIT_MS);
        worker.postMessage({ bytes, fiscalYear });
      },
    );
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash in a parser: the file is refused.
    worker.once('error', () =>
      finish(
        refused(
          'UNKNOWN_FORMAT',
          'อ่านไฟล์นี้ไม่ได้ (ไฟล์เสียหรือซับซ้อนเกินไป) โปรดบันทึกเป็น CSV แล้วลองใหม่',
          'this file could not be read (damaged or too complex); save it as CSV and try again',
        ),
      ),
    );
    worker.once('exit', () =>
      finish(refused('UNKNOWN_FORMAT', 'อ่านไฟล์นี้ไม่ได้', 'this file could not be read')),
    );
  });
}

/**
 * parseScoreFile in a worker thread, so a hostile or huge file never stalls the event loop
 * that serves every agency: the thread has its own heap limit and a time limit, and files
 * are read one at a time per process (a few more wait; beyond that the upload is refused
 * with "busy, try again"). Takes about half a second to start the thread.
 *
 * @example const parsed = await parseScoreFileOffThread(bytes, 2566);
 */
export async function parseScoreFileOffThread(
  bytes: Uint8Array,
  fiscalYear: number,
): Promise<ParsedScoreFile> {
  if (running >= RUNNING_AT_ONCE) {
    if (waiting.length >= WAITING_AT_MOST) {
      return refused(
        'BUSY',
        'ระบบกำลังตรวจไฟล์อื่นอยู่หลายไฟล์ โปรดลองใหม่ในอีกสักครู่',
        'other files are being checked; please try again in a moment',
      );
    }
    // The slot is handed over by the finishing call, so `running` never overshoots.
    await new Promise<void>((resume) => waiting.push(resume));
  } else running += 1;
  try {
    return await runWorker(bytes, fiscalYear);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
