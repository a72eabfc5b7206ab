import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { createNodeServer, listen } from '../core/http/serve-app.js';
import { listOfficialResults } from './queries.js';

/**
 * #12 item 1: one upload must not stop the server for every agency. Hostile score files go
 * to a real HTTP server while /healthz is asked every 20 ms; each must be refused within
 * seconds with a Thai message, /healthz must keep answering in < 100 ms, and the process's
 * memory must stay bounded (before: a 4 MB CSV took 23.6 s and 2.3 GB).
 */
void describe('bounded results import', () => {
  let t: TestContext;
  let admin: TestSession;
  let server: Server;
  let base: string;
  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
    server = createNodeServer(t.web);
    await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const form = (file: Uint8Array, name: string, fields: Record<string, string> = {}) => {
    const body = new FormData();
    body.append('_csrf', admin.csrfToken);
    body.append('fiscalYear', '2566');
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append('file', new File([new Uint8Array(file)], name, { type: 'text/csv' }));
    return body;
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'import-bounded-'));
  /**
   * Uploads with curl, another process, so that building and sending the hostile body costs
   * this process nothing and the probes below measure the server alone.
   */
  const upload = (file: string) =>
    new Promise<{ status: number; html: string }>((resolve, reject) => {
      const out = `${file}.html`;
      const args = ['-s', '-o', out, '-w', '%{http_code}', '-H', `cookie: ${admin.cookie}`];
      for (const field of [`_csrf=${admin.csrfToken}`, 'fiscalYear=2566', `file=@${file}`]) {
        args.push('-F', field);
      }
      args.push(`${base}/staff/assessment/import/preview`);
      execFile('curl', args, (error, stdout) => {
        if (error) reject(error);
        else resolve({ status: Number(stdout), html: readFileSync(out, 'utf8') });
      });
    });

  /** Writes the file to upload before the probes start (writing 20 MB blocks this process). */
  const saved = (bytes: Uint8Array, name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  /** Sends `send()` while probing /healthz; returns its response, the slowest probe and RSS. */
  async function whileProbing(send: () => Promise<{ status: number; html: string }>) {
    await (await fetch(`${base}/healthz`)).arrayBuffer(); // connection and first-call warm-up
    const rssBefore = process.memoryUsage.rss();
    let peakRss = rssBefore;
    const probes: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await fetch(`${base}/healthz`);
        await res.arrayBuffer();
        assert.equal(res.status, 200);
        probes.push(performance.now() - started);
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = performance.now();
    const { status, html } = await send();
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2000 - elapsed)));
    done = true;
    await probe;
    return { status, html, elapsed, probes, rssGrowthMb: (peakRss - rssBefore) / 2 ** 20 };
  }

  /**
   * Other requests keep being answered: the median probe within 100 ms and none over 1 s,
   * over at least 2 s of probing (before the fix /healthz waited 22 s). The slowest probe is
   * not held to 100 ms because the test machine is shared: at a load average of 20 on two
   * cores, any process may wait a few hundred ms for a core, upload or not.
   */
  function assertResponsive(
    r: { probes: number[]; elapsed: number; rssGrowthMb: number },
    tc: { diagnostic: (message: string) => void },
  ) {
    const sorted = [...r.probes].sort((a, b) => a - b);
    tc.diagnostic(
      `refused in ${r.elapsed.toFixed(0)} ms; /healthz median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${sorted.length} probes; RSS +${r.rssGrowthMb.toFixed(0)} MB`,
    );
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const text = `probes ${sorted.map((ms) => ms.toFixed(0)).join(' ')} ms`;
    assert.ok(sorted.length >= 10, text);
    assert.ok(median < 100, text);
    assert.ok(sorted.at(-1)! < 1000, text);
  }

  const post = (path: string, body: FormData) =>
    fetch(`${base}${path}`, { method: 'POST', headers: admin.headers, body });

  void it('refuses a 20 MB CSV before reading it, while /healthz answers in < 100 ms', async (tc) => {
    const huge = new TextEncoder().encode('indicator,score\n' + '1,100\n'.repeat(3_500_000));
    assert.ok(huge.byteLength > 20 * 2 ** 20);
    const file = saved(huge, 'huge.csv');
    const r = await whileProbing(() => upload(file));
    assert.equal(r.status, 413);
    assert.ok(/ใหญ่เกินกำหนด \(2 MB\)/.test(r.html), r.html.slice(-1500));
    assert.ok(r.elapsed < 3000, `took ${r.elapsed.toFixed(0)} ms`);
    assertResponsive(r, tc);
    assert.ok(r.rssGrowthMb < 150, `RSS grew ${r.rssGrowthMb.toFixed(0)} MB`);
  });

  void it('refuses a 1.9 MB CSV of 270,000 rows by its row cap, in Thai, off the event loop', async (tc) => {
    const rows = new TextEncoder().encode('indicator,score\n' + '1,100\n'.repeat(270_000));
    assert.ok(rows.byteLength < 2 * 2 ** 20);
    const file = saved(rows, 'rows.csv');
    const r = await whileProbing(() => upload(file));
    assert.equal(r.status, 422);
    assert.ok(/ไฟล์มีข้อมูลเกิน 1000 แถว/.test(r.html), r.html.slice(-1500));
    assert.ok(r.elapsed < 20_000, `took ${r.elapsed.toFixed(0)} ms`);
    assertResponsive(r, tc);
    assert.ok(r.rssGrowthMb < 150, `RSS grew ${r.rssGrowthMb.toFixed(0)} MB`);
  });

  void it('refuses a small XLSX that unpacks to 20 MB of rows (a zip bomb)', async (tc) => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('คะแนน').addRow(['indicator', 'score']);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheetPath = Object.keys(zip.files).find((p) => /worksheets\/sheet1\.xml$/.test(p))!;
    const sheet = await zip.file(sheetPath)!.async('string');
    // The same row over and over compresses about 1,000 to 1.
    const rows = '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>100</v></c></row>'.repeat(
      1_000_000,
    );
    zip.file(sheetPath, sheet.replace(/<\/row>\s*<\/sheetData>/, `</row>${rows}</sheetData>`));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    assert.ok(bomb.byteLength < 2 * 2 ** 20, `${bomb.byteLength} bytes`);
    const file = saved(bomb, 'bomb.xlsx');
    const r = await whileProbing(() => upload(file));
    assert.equal(r.status, 422);
    assert.ok(/ไฟล์มีข้อมูลเกิน 1000 แถว/.test(r.html), r.html.slice(-1500));
    assert.ok(r.elapsed < 20_000, `took ${r.elapsed.toFixed(0)} ms`);
    assertResponsive(r, tc);
    assert.ok(r.rssGrowthMb < 150, `RSS grew ${r.rssGrowthMb.toFixed(0)} MB`);
  });

  void it('confirms by a staged id only: never a file from the form, nor another user’s id', async () => {
    const csv = new TextEncoder().encode(
      'indicator,score\n' + Array.from({ length: 10 }, (_, i) => `${i + 1},95`).join('\n'),
    );
    const preview = await post('/staff/assessment/import/preview', form(csv, 'ok.csv'));
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.doesNotMatch(html, /fileBase64/);
    const stagedId = /name="stagedId" value="([^"]+)"/.exec(html)![1]!;
    // The old round trip: a whole file in a form field is ignored, nothing is stored.
    const roundTrip = await t.post(
      '/staff/assessment/import/confirm',
      { fileBase64: Buffer.from(csv).toString('base64'), fileName: 'ok.csv', fiscalYear: '2566' },
      admin,
    );
    assert.equal(roundTrip.status, 422);
    const other = await t.makeAgency();
    for (const intruder of [
      await t.loginAs('agency_admin'),
      await t.loginAs('agency_admin', other.agency),
    ]) {
      const res = await t.post('/staff/assessment/import/confirm', { stagedId }, intruder);
      assert.equal(res.status, 422);
    }
    assert.deepEqual(await listOfficialResults(t.database.db, t.agency.id), []);
    const ok = await t.post('/staff/assessment/import/confirm', { stagedId }, admin);
    assert.equal(ok.status, 303);
    assert.equal((await listOfficialResults(t.database.db, t.agency.id)).length, 1);
    // Used once: a second click imports nothing more.
    const again = await t.post('/staff/assessment/import/confirm', { stagedId }, admin);
    assert.equal(again.status, 422);
    assert.equal((await listOfficialResults(t.database.db, t.agency.id)).length, 1);
  });
});
