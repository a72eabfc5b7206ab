import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { docxToText, pdfToText } from '../core/documents/read-back.js';
import { saveManual } from './save-manual.js';
import { eserviceCommands } from './commands.js';

void describe('service leaflets', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ dataDir: mkdtempSync(path.join(tmpdir(), 'leaflet-')) });
  });
  after(() => t.close());

  it('publishes the current revision as PDF and DOCX with the steps, times, "no fee" and the form link', async () => {
    const { service } = await saveManual(t.ctx, {
      code: 'water',
      manual: {
        name: 'ขอรับน้ำอุปโภคบริโภค',
        steps: [
          { title: 'รับคำร้อง', duration: 1, durationUnit: 'hours' },
          { title: 'ส่งน้ำ', duration: 2, durationUnit: 'hours' },
        ],
        documents: [{ name: 'บัตรประจำตัวประชาชน' }],
      },
    });
    const admin = await t.loginAs('agency_admin');
    const slug = t.agency.slug;
    assert.equal(
      (await t.get(`/a/${slug}/services/water/leaflet.pdf`)).status,
      404,
      'nothing before publishing',
    );
    const stale = await t.post(
      `/staff/eservice/services/${service.id}/leaflet`,
      { revision: '2' },
      admin,
    );
    assert.equal(stale.status, 409);
    const res = await t.post(
      `/staff/eservice/services/${service.id}/leaflet`,
      { revision: '1' },
      admin,
    );
    assert.equal(res.status, 303);
    const pdf = await t.get(`/a/${slug}/services/water/leaflet.pdf`);
    assert.equal(pdf.status, 200);
    const pdfText = (await pdfToText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    assert.match(pdfText, /รับคำร้อง/);
    assert.match(pdfText, /ไม่มีค่าธรรมเนียม/);
    assert.match(pdfText, new RegExp(`/a/${slug}/services/water/request`));
    const docx = await t.get(`/a/${slug}/services/water/leaflet.docx`);
    const docxText = await docxToText(Buffer.from(await docx.arrayBuffer()));
    assert.match(docxText, /ส่งน้ำ/);
    assert.match(docxText, /3 ชั่วโมง/);
  });

  it('writes every leaflet with `prongsai eservice leaflets`', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'leaflets-out-'));
    const lines: string[] = [];
    const [command] = eserviceCommands;
    const code = await command!.run(
      { values: { agency: t.agency.slug, out }, positionals: [] },
      { out: (s) => lines.push(s), err: (s) => lines.push(s) },
      { openDb: () => Promise.resolve(t.database) },
    );
    assert.equal(code, 0, lines.join(''));
    const text = await pdfToText(readFileSync(path.join(out, 'water.pdf')));
    assert.match(text, /ขอรับน้ำอุปโภคบริโภค/);
    assert.equal(
      await command!.run(
        { values: { agency: 'no-such', out }, positionals: [] },
        { out: () => {}, err: () => {} },
        { openDb: () => Promise.resolve(t.database) },
      ),
      1,
    );
  });
});
