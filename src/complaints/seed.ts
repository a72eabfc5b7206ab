import { sql } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { staff } from '../core/agencies/schema.js';
import { scoped } from '../core/db/scoped.js';
import { complaints } from './schema.js';
import { addCommitteeMember } from './committee.js';
import { fileComplaint } from './file-complaint.js';
import { takeStep } from './take-step.js';

/**
 * Demo data: the demo agency's complaint officer on the committee as its secretary, and three
 * cases to work (a grievance from the web, one forwarded by 1111 and already acknowledged, an
 * anonymous corruption complaint). Runs once: an agency with cases is left as it is.
 */
export async function seedComplaints(ctx: AgencyContext): Promise<void> {
  const q = scoped(ctx.db, ctx.agencyId);
  if (await q.find(complaints, sql`true`)) return;
  const [officer] = await ctx.db
    .select({ userId: staff.userId })
    .from(staff)
    .where(sql`${staff.agencyId} = ${ctx.agencyId} and 'complaint_officer' = any(${staff.roles})`);
  if (officer) await addCommitteeMember(ctx, { userId: officer.userId, role: 'secretary' });
  const source = {
    db: ctx.db,
    agencyId: ctx.agencyId,
    dataDir: '',
    now: ctx.now(),
    actor: ctx.actor,
  };
  const blank = { location: '', accusedText: '', name: '', phone: '', email: '', address: '' };
  await fileComplaint(
    { ...source, channel: 'web' },
    {
      ...blank,
      kind: 'grievance',
      conductType: 'infrastructure',
      subject: 'ไฟถนนดับ ซอยเทศบาล 5',
      details: 'ไฟถนนดับสามต้นติดกันมาหนึ่งสัปดาห์ กลางคืนมืดมาก',
      location: 'ซอยเทศบาล 5',
      isAnonymous: false,
      name: 'นายสมชาย ตัวอย่าง',
      phone: '0800000000',
    },
  );
  const forwarded = await fileComplaint(
    { ...source, channel: 'gov1111', channelReference: '1111-DEMO-0001' },
    {
      ...blank,
      kind: 'grievance',
      conductType: 'nuisance',
      subject: 'กลิ่นเหม็นจากบ่อขยะ',
      details: 'ประชาชนร้องเรียนผ่านศูนย์ 1111 เรื่องกลิ่นจากบ่อขยะของเทศบาล',
      isAnonymous: true,
    },
  );
  await takeStep(ctx, forwarded.id, { to: 'acknowledged', text: '', assigneeUserId: '' });
  await fileComplaint(
    { ...source, channel: 'web' },
    {
      ...blank,
      kind: 'corruption',
      conductType: 'procurement',
      subject: 'สงสัยการจัดซื้อวัสดุก่อสร้างราคาสูง',
      details: 'ราคาหินคลุกในโครงการซ่อมถนนสูงกว่าราคาท้องตลาดมาก',
      isAnonymous: true,
    },
  );
}
