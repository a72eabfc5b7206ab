import { spawn } from 'node:child_process';

/** Result of reading a PDF: its text, or why there is none. */
export type PdfTextResult =
  | { ok: true; text: string; documentDate: Date | null }
  | { ok: false; reason: 'missing-tool' | 'failed' | 'timeout'; documentDate: Date | null };

/**
 * Reads the PDF's own CreationDate/ModDate (`D:20230115…`) straight from the bytes: it is the
 * "document date" used when the text names no year, and costs no extra process.
 */
export function readPdfDate(bytes: Uint8Array): Date | null {
  const raw = new TextDecoder('latin1').decode(bytes);
  const m = /\/(?:ModDate|CreationDate)\s*\(D:(\d{4})(\d{2})?(\d{2})?/.exec(raw);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Extracts a PDF's text with poppler's `pdftotext` (stdin → stdout, UTF-8), killed after
 * `timeoutMs`. Scanned PDFs give empty text: that is reported as ok with "", not as a failure.
 */
export function extractPdfText(bytes: Uint8Array, timeoutMs = 15_000): Promise<PdfTextResult> {
  const documentDate = readPdfDate(bytes);
  return new Promise((resolve) => {
    const child = spawn('pdftotext', ['-enc', 'UTF-8', '-q', '-', '-'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    let isSettled = false;
    const settle = (result: PdfTextResult) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ ok: false, reason: 'timeout', documentDate });
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle({
        ok: false,
        reason: error.code === 'ENOENT' ? 'missing-tool' : 'failed',
        documentDate,
      });
    });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) => {
      if (code === 0)
        settle({ ok: true, text: Buffer.concat(chunks).toString('utf8'), documentDate });
      else settle({ ok: false, reason: 'failed', documentDate });
    });
    // A PDF that pdftotext rejects early closes stdin under us; that is reported via 'close'.
    child.stdin.on('error', () => undefined);
    child.stdin.end(bytes);
  });
}
