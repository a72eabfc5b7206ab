import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { auditLog } from '../core/audit/schema.js';

void describe('who may import official results and write the analysis', () => {
  let t: TestContext;
  let admin: TestSession;
  let officer: TestSession;
  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
    officer = await t.loginAs('unit_officer');
  });
  after(() => t.close());

  const officerTries = async () => ({
    importPage: (await t.get('/staff/assessment/import', officer)).status,
    startAnalysis: (await t.post('/staff/assessment/years/2566/analysis/start', {}, officer))
      .status,
  });

  void it('refuses officers by default, and lets them once the agency admin grants it, audited', async () => {
    assert.deepEqual(await officerTries(), { importPage: 403, startAnalysis: 403 });
    assert.equal((await t.get('/staff/assessment/settings', officer)).status, 403);

    const grant = await t.post('/staff/assessment/settings', { officersMayManage: 'on' }, admin);
    assert.equal(grant.status, 303);
    assert.match(
      await (await t.get('/staff/assessment/settings', admin)).text(),
      /name="officersMayManage" value="on" checked=""/,
    );
    assert.deepEqual(await officerTries(), { importPage: 200, startAnalysis: 303 });

    await t.post('/staff/assessment/settings', {}, admin);
    assert.equal((await t.get('/staff/assessment/import', officer)).status, 403);

    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'assessment.settings.officers-may-manage'));
    assert.deepEqual(
      entries.map((e) => (e.after as { officersMayManage: boolean }).officersMayManage),
      [true, false],
    );
  });

  void it('never lets an officer change the setting', async () => {
    const res = await t.post('/staff/assessment/settings', { officersMayManage: 'on' }, officer);
    assert.equal(res.status, 403);
  });
});
