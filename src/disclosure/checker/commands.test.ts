import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkerCommands } from './commands.js';
import {
  closedPort,
  page,
  serveSyntheticSite,
  type SyntheticSite,
} from './fixtures/serve-synthetic-site.js';

const command = checkerCommands.find((c) => c.name === 'oit check')!;

async function run(positionals: string[], values: Record<string, string | boolean> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(
    { values: { 'allow-private-network': true, ...values }, positionals },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    { openDb: () => Promise.reject(new Error('the checker needs no database')) },
  );
  return { code, out: out.join(''), err: err.join('') };
}

void describe('prongsai oit check', () => {
  let site: SyntheticSite;
  before(async () => {
    site = await serveSyntheticSite({
      '/': {
        body: page('เทศบาล', '<h1>หน้าแรก</h1>', [
          ['/o1', 'O1 โครงสร้าง'],
          ['/gone', 'หน้าเก่า'],
        ]),
      },
      '/o1': { body: page('โครงสร้าง', '<h1>โครงสร้าง</h1>') },
    });
  });
  after(async () => site.close());

  void it('prints a Thai table and exits 0 even when items are missing', async () => {
    const { code, out, err } = await run([site.origin], { year: '2566' });
    assert.equal(code, 0);
    assert.match(out, /^O1 +โครงสร้าง +พบ /m);
    assert.match(out, /^O17 .* ไม่พบ/m);
    assert.match(out, /ลิงก์เสีย 1 รายการ/);
    assert.match(err, /ตรวจแล้ว 3\/500 หน้า/);
  });

  void it('prints the report as JSON with --json', async () => {
    const { code, out } = await run([site.origin], { year: '2566', json: true, 'max-pages': '1' });
    assert.equal(code, 0);
    const report = JSON.parse(out) as { pagesVisited: number; stoppedBy: string; items: unknown[] };
    assert.equal(report.pagesVisited, 1);
    assert.equal(report.stoppedBy, 'max-pages');
    // Every OIT item of the 2566 framework data (not the checker's built-in sample of 10).
    assert.equal(report.items.length, 43);
  });

  void it('exits 2 on a bad URL, an unknown year or a bad limit', async () => {
    assert.equal((await run(['ftp://phothong.go.th'], { year: '2566' })).code, 2);
    assert.equal((await run(['not a url'], { year: '2566' })).code, 2);
    assert.equal((await run([site.origin], { year: '2599' })).code, 2);
    assert.equal((await run([site.origin], {})).code, 2);
    assert.equal((await run([site.origin], { year: '2566', 'max-pages': '0' })).code, 2);
  });

  void it('exits 1 when the site cannot be reached', async () => {
    const { code, out } = await run([`http://127.0.0.1:${await closedPort()}/`], { year: '2566' });
    assert.equal(code, 1);
    assert.equal(out, '');
  });
});
