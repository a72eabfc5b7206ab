import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { complaints } from './schema.js';
import { listCommittee } from './committee.js';
import { seedComplaints } from './seed.js';

describe('seedComplaints', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it('gives the complaint officer three cases and a committee seat, once', async () => {
    const officer = await t.loginAs('complaint_officer');
    await seedComplaints(t.ctx);
    await seedComplaints(t.ctx);
    const rows = await t.database.db
      .select()
      .from(complaints)
      .where(eq(complaints.agencyId, t.agency.id));
    assert.deepEqual(rows.map((r) => `${r.kind}:${r.status}`).sort(), [
      'corruption:received',
      'grievance:acknowledged',
      'grievance:received',
    ]);
    const committee = await listCommittee(t.database.db, t.agency.id);
    assert.deepEqual(
      committee.map((m) => [m.userId, m.role]),
      [[officer.userId, 'secretary']],
    );
    const queue = await t.get('/staff/complaints', officer);
    assert.match(await queue.text(), /กลิ่นเหม็นจากบ่อขยะ/);
  });
});
