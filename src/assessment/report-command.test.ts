import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedDemoAgency } from '../core/agencies/seed-demo.js';
import { pdfToText } from '../core/documents/read-back.js';
import { modules } from '../modules.js';
import { reportCommand } from './report-command.js';

void describe('prongsai ita report', () => {
  let t: TestContext;
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
  const run = (values: Record<string, string>) =>
    reportCommand.run({ values, positionals: [] }, io, {
      openDb: () => Promise.resolve(t.database),
    });
  before(async () => {
    t = await createTestContext();
    await seedDemoAgency(t.systemCtx, modules);
    dir = await mkdtemp(path.join(tmpdir(), 'ita-report-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  void it('writes the demo agency 2566 report as PDF with the seed total', async () => {
    const file = path.join(dir, 'r.pdf');
    const code = await run({ agency: 'phothong', year: '2566', format: 'pdf', out: file });
    assert.equal(code, 0, err.join(''));
    const text = await pdfToText(await readFile(file));
    assert.match(text, /๙๙\.๕๐/);
    assert.match(text, /เทศบาลตำบลโพธิ์ทอง/);
  });

  void it('exits 2 with a Thai message for an unknown agency, year or format', async () => {
    const file = path.join(dir, 'x.docx');
    assert.equal(await run({ agency: 'nowhere', year: '2566', format: 'docx', out: file }), 2);
    assert.match(err.at(-1)!, /ไม่พบหน่วยงาน/);
    assert.equal(await run({ agency: 'phothong', year: '2490', format: 'docx', out: file }), 2);
    assert.equal(await run({ agency: 'phothong', year: '2566', format: 'odt', out: file }), 2);
    assert.match(err.at(-1)!, /docx หรือ pdf/);
  });
});
