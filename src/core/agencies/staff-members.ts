import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { scoped } from '../db/scoped.js';
import { hashPassword } from '../auth/password.js';
import { users } from '../auth/schema.js';
import { STAFF_ROLES, staff, type StaffRole } from './schema.js';
import { assertOwnUnit } from './units.js';
import { cleanText, isUuid, requiredText } from '../validation/text.js';

const collator = new Intl.Collator('th');

const roles = z
  .union([z.enum(STAFF_ROLES), z.array(z.enum(STAFF_ROLES))])
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .refine((v) => v.length > 0, 'agencies.errors.roleRequired');

const optionalUnit = z
  .string()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isUuid(v), 'agencies.errors.unknownUnit');

export const Email = z
  .string()
  .transform((s) =>
    s
      .normalize('NFC')
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
      .trim()
      .toLowerCase(),
  )
  .pipe(z.email('agencies.errors.badEmail').max(254));

/** Passwords: at least 10 characters; long passphrases (Thai too) are welcome. */
export const NewPassword = z.string().min(10, 'agencies.errors.shortPassword').max(1024);

export const CreateStaffInput = z.object({
  email: Email,
  displayName: requiredText(200),
  roles,
  unitId: optionalUnit,
  positionTh: cleanText({ max: 200 }).default(''),
  /** Needed only when the e-mail has no account yet. */
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CreateStaffInput = z.input<typeof CreateStaffInput>;

export const UpdateStaffInput = z.object({
  roles,
  unitId: optionalUnit,
  positionTh: cleanText({ max: 200 }).default(''),
});
export type UpdateStaffInput = z.input<typeof UpdateStaffInput>;

/** The agency's staff with their account names, sorted in Thai order. */
export async function listStaffMembers(db: DbOrTx, agencyId: string) {
  const rows = await db
    .select({
      member: staff,
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        disabledAt: users.disabledAt,
      },
    })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .where(eq(staff.agencyId, agencyId));
  return rows.sort((a, b) => collator.compare(a.user.displayName, b.user.displayName));
}

export async function getStaffMember(db: DbOrTx, agencyId: string, userId: string) {
  if (!isUuid(userId)) throw new NotFoundError();
  const [row] = await db
    .select({
      member: staff,
      user: { id: users.id, email: users.email, displayName: users.displayName },
    })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .where(and(eq(staff.agencyId, agencyId), eq(staff.userId, userId)));
  if (!row) throw new NotFoundError();
  return row;
}

/** Creates a user account (instance level) without any membership; used by the CLI. */
export async function createUser(
  ctx: AppContext,
  input: { email: string; displayName: string; password: string; isInstanceAdmin?: boolean },
  cost?: { n?: number },
) {
  const email = Email.parse(input.email);
  const password = NewPassword.parse(input.password);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    if (existing) throw new ConflictError('agencies.errors.emailTaken', { email });
    return insertAuditedUser(tx, ctx, {
      email,
      displayName: input.displayName,
      passwordHash: await hashPassword(password, cost),
      isInstanceAdmin: input.isInstanceAdmin ?? false,
    });
  });
}

/**
 * Writes a new account and its audit entry (instance level: an account belongs to no agency).
 * The password hash never enters the audit log.
 */
export async function insertAuditedUser(
  tx: DbOrTx,
  ctx: Pick<AppContext, 'actor' | 'now' | 'requestId'>,
  values: typeof users.$inferInsert,
) {
  const [user] = await tx.insert(users).values(values).returning();
  const { passwordHash: _hidden, ...safe } = user!;
  await audit(tx, ctx, null, {
    action: 'auth.user.create',
    entityType: 'user',
    entityId: user!.id,
    after: safe,
  });
  return user!;
}

/**
 * Adds a person to the agency's staff. An existing account (same e-mail) joins as it is;
 * a new one needs an initial password. Never a password hash in the audit log.
 */
export async function createStaffMember(
  ctx: AgencyContext,
  rawInput: CreateStaffInput,
  cost?: { n?: number },
) {
  const input = CreateStaffInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    if (input.unitId) await assertOwnUnit(tx, ctx.agencyId, input.unitId);
    let [user] = await tx.select().from(users).where(eq(users.email, input.email));
    if (!user) {
      const password = NewPassword.safeParse(input.password ?? '');
      if (!password.success) {
        throw new ValidationError('errors.validation', {
          password: 'agencies.errors.shortPassword',
        });
      }
      [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          displayName: input.displayName,
          passwordHash: await hashPassword(password.data, cost),
        })
        .returning();
    }
    const q = scoped(tx, ctx.agencyId);
    if (await q.find(staff, eq(staff.userId, user!.id))) {
      throw new ConflictError('agencies.errors.alreadyStaff', { email: input.email });
    }
    const [member] = await q.insert(staff, {
      userId: user!.id,
      roles: input.roles as StaffRole[],
      unitId: input.unitId,
      positionTh: input.positionTh,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.staff.create',
      entityType: 'staff',
      entityId: user!.id,
      after: { ...member, email: user!.email, displayName: user!.displayName },
    });
    return { member: member!, user: user! };
  });
}

export async function updateStaffMember(
  ctx: AgencyContext,
  userId: string,
  rawInput: UpdateStaffInput,
) {
  const input = UpdateStaffInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const before = await getStaffMember(tx, ctx.agencyId, userId);
    if (input.unitId) await assertOwnUnit(tx, ctx.agencyId, input.unitId);
    if (
      userId === ctx.actor.userId &&
      !input.roles.includes('agency_admin') &&
      before.member.roles.includes('agency_admin')
    ) {
      // An admin removing their own admin role could leave the agency with no administrator.
      throw new ConflictError('agencies.errors.cannotDemoteSelf');
    }
    const [after] = await scoped(tx, ctx.agencyId).update(
      staff,
      {
        roles: input.roles as StaffRole[],
        unitId: input.unitId,
        positionTh: input.positionTh,
        updatedAt: ctx.now(),
      },
      eq(staff.userId, userId),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.staff.update',
      entityType: 'staff',
      entityId: userId,
      before: before.member,
      after,
    });
    return after!;
  });
}

export async function removeStaffMember(ctx: AgencyContext, userId: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await getStaffMember(tx, ctx.agencyId, userId);
    if (userId === ctx.actor.userId) throw new ConflictError('agencies.errors.cannotRemoveSelf');
    await scoped(tx, ctx.agencyId).delete(staff, eq(staff.userId, userId));
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.staff.remove',
      entityType: 'staff',
      entityId: userId,
      before: { ...before.member, email: before.user.email },
    });
  });
}
