import type { AgencyContext } from '../core/context.js';
import type { IsolationFixture } from '../core/module.js';
import { fileComplaint } from './file-complaint.js';
import { ConfigSchema } from '../core/config/config.js';
import { createStaffMember } from '../core/agencies/staff-members.js';
import { FAST_HASH_COST } from '../core/auth/password.js';
import { addCommitteeMember } from './committee.js';

/**
 * A case in the given agency, named, for the isolation and bad-input tests: its id must read
 * as not found from any other agency, and its subject must never show there.
 */
export async function complaintsIsolationFixture(ctx: AgencyContext): Promise<IsolationFixture> {
  const marker = `เรื่องร้องเรียนทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
  const filed = await fileComplaint(
    {
      db: ctx.db,
      agencyId: ctx.agencyId,
      dataDir: ConfigSchema.parse({}).dataDir,
      now: ctx.now(),
      channel: 'counter',
      actor: ctx.actor,
    },
    {
      kind: 'grievance',
      conductType: 'infrastructure',
      subject: marker,
      details: `${marker} รายละเอียดของเรื่อง`,
      location: '',
      accusedText: '',
      isAnonymous: false,
      name: `${marker} ผู้ร้อง`,
      phone: '0812345678',
      email: '',
      address: '',
    },
  );
  const { user } = await createStaffMember(
    ctx,
    {
      email: `committee-${ctx.agencyId.slice(0, 8)}@example.org`,
      displayName: `${marker} กรรมการ`,
      roles: ['complaint_officer'],
      password: 'fixture-password-123',
    },
    FAST_HASH_COST,
  );
  await addCommitteeMember(ctx, { userId: user.id, role: 'chair' });
  return {
    params: { id: filed.id, userId: user.id },
    // No file is stored (the fixture has no data folder): any file id must read as not found.
    byRoute: {
      '/staff/complaints/:id/files/:fileId': {
        id: filed.id,
        fileId: '00000000-0000-4000-8000-00000000f11e',
      },
    },
    markers: [marker],
  };
}
