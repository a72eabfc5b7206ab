import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { openDatabase } from '../db/client.js';
import { createUnit } from '../agencies/units.js';
import { verifyAuditChain } from './audit.js';

const BIN = path.resolve('bin/prongsai');

/** What a superuser with psql would do: switch the append-only triggers off and change rows. */
async function tamper(t: TestContext, sql: string, params: unknown[] = []) {
  await t.database.exec('alter table core_audit_log disable trigger user');
  try {
    await t.database.query(sql, params);
  } finally {
    await t.database.exec('alter table core_audit_log enable trigger user');
  }
}

describe('audit hash chain', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it('refuses updates and deletes through the append-only trigger', async () => {
    const { ctx } = await t.makeAgency();
    await createUnit(ctx, { nameTh: 'กองช่าง' });
    await assert.rejects(
      t.database.query("update core_audit_log set action = 'x' where agency_id = $1", [
        ctx.agencyId,
      ]),
      /append-only/,
    );
    await assert.rejects(
      t.database.query('delete from core_audit_log where agency_id = $1', [ctx.agencyId]),
      /append-only/,
    );
  });

  it('verifies an untouched chain', async () => {
    const { ctx } = await t.makeAgency();
    for (const name of ['กองช่าง', 'กองการศึกษา', 'กองสาธารณสุข']) {
      await createUnit(ctx, { nameTh: name });
    }
    const result = await verifyAuditChain(t.database.db, { agencyId: ctx.agencyId });
    assert.deepEqual(result.problems, []);
    assert.ok(result.checked >= 3);
  });

  it('detects a row edited by hand as hash_mismatch', async () => {
    const { ctx } = await t.makeAgency();
    await createUnit(ctx, { nameTh: 'กองช่าง' });
    await createUnit(ctx, { nameTh: 'กองการศึกษา' });
    await tamper(
      t,
      `update core_audit_log set after = '{"nameTh":"กองปลอม"}'::jsonb
       where agency_id = $1 and seq = (select max(seq) - 1 from core_audit_log where agency_id = $1)`,
      [ctx.agencyId],
    );
    const result = await verifyAuditChain(t.database.db, { agencyId: ctx.agencyId });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => p.problem),
      ['hash_mismatch'],
    );
  });

  it('detects a deleted middle row as missing rows and a broken link', async () => {
    const { ctx } = await t.makeAgency();
    for (const name of ['กองช่าง', 'กองการศึกษา', 'กองสาธารณสุข']) {
      await createUnit(ctx, { nameTh: name });
    }
    await tamper(
      t,
      `delete from core_audit_log
       where agency_id = $1 and seq = (select max(seq) - 1 from core_audit_log where agency_id = $1)`,
      [ctx.agencyId],
    );
    const result = await verifyAuditChain(t.database.db, { agencyId: ctx.agencyId });
    const kinds = new Set(result.problems.map((p) => p.problem));
    assert.equal(result.ok, false);
    assert.ok(kinds.has('missing_rows') && kinds.has('broken_link'), [...kinds].join(','));
  });

  it('detects the newest row deleted as head_mismatch', async () => {
    const { ctx } = await t.makeAgency();
    await createUnit(ctx, { nameTh: 'กองช่าง' });
    await tamper(
      t,
      `delete from core_audit_log
       where agency_id = $1 and seq = (select max(seq) from core_audit_log where agency_id = $1)`,
      [ctx.agencyId],
    );
    const result = await verifyAuditChain(t.database.db, { agencyId: ctx.agencyId });
    assert.deepEqual(
      result.problems.map((p) => p.problem),
      ['head_mismatch'],
    );
  });

  it('keeps one linear chain under 20 concurrent writers in one agency', async () => {
    const { ctx } = await t.makeAgency();
    const before = await t.database.query<{ n: number }>(
      'select count(*)::int as n from core_audit_log where agency_id = $1',
      [ctx.agencyId],
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => createUnit(ctx, { nameTh: `หน่วยพร้อมกัน ${i + 1}` })),
    );
    const rows = await t.database.query<{ seq: number }>(
      'select seq::int as seq from core_audit_log where agency_id = $1 order by seq',
      [ctx.agencyId],
    );
    assert.equal(rows.length, before[0]!.n + 20);
    assert.deepEqual(
      rows.map((r) => r.seq),
      rows.map((_, i) => i + 1),
    );
    const result = await verifyAuditChain(t.database.db, { agencyId: ctx.agencyId });
    assert.deepEqual(result.problems, []);
  });
});

// The CLI opens its own PGlite in DATA_DIR; once per suite (in the PGlite pass) is enough.
const cliSkip = process.env.TEST_DATABASE_URL ? 'CLI is covered in the PGlite pass' : false;

describe('prongsai audit verify (CLI)', { skip: cliSkip }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-audit-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.TEST_DATABASE_URL;
    return spawnSync(BIN, args, { env, encoding: 'utf8', timeout: 60_000 });
  };

  it('exits 0 on an intact chain and 1 after a row is altered by hand', async () => {
    const created = cli('agency', 'create', '--slug', 'cli-audit', '--name-th', 'เทศบาลทดสอบ');
    assert.equal(created.status, 0, created.stderr);
    const ok = cli('audit', 'verify');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /ถูกต้องครบถ้วน/);
    const database = await openDatabase({ dataDir });
    try {
      await database.exec('alter table core_audit_log disable trigger user');
      await database.exec("update core_audit_log set actor_label = 'someone-else' where seq = 1");
    } finally {
      await database.close();
    }
    const broken = cli('audit', 'verify');
    assert.equal(broken.status, 1, broken.stdout + broken.stderr);
    assert.match(broken.stderr, /hash_mismatch/);
  });
});
