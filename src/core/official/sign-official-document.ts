import { and, eq, sql } from 'drizzle-orm';
import type { AgencyContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { audit } from '../audit/audit.js';
import { scoped } from '../db/scoped.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import { toBuddhistYear, THAI_TIME_ZONE } from '../i18n/thai-format.js';
import { ManualNumber } from './input.js';
import { officialCounters, officialDocuments, type OfficialKind } from './schema.js';
import { lockOfficialDocument, type OfficialDocumentRow } from './find-official-document.js';

/** Today's date on the Bangkok calendar as YYYY-MM-DD: the day printed as "ณ วันที่". */
export function bangkokIsoDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: THAI_TIME_ZONE }).format(now);
}

/**
 * The next number of an agency's orders in a Buddhist-era calendar year. One statement takes
 * the counter row's lock until the transaction ends, so concurrent signers queue and get
 * consecutive numbers; a signing that rolls back takes its increment with it (no gap).
 * Orders run per calendar year (ที่ 1/2570 on 1 January), not per fiscal year: the
 * ระเบียบงานสารบรรณ numbers เลขทะเบียนหนังสือ by ปีปฏิทิน.
 */
async function nextNumber(
  db: DbOrTx,
  agencyId: string,
  kind: OfficialKind,
  year: number,
): Promise<number> {
  const [row] = await db
    .insert(officialCounters)
    .values({ agencyId, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [officialCounters.agencyId, officialCounters.kind, officialCounters.year],
      set: { last: sql`${officialCounters.last} + 1`, updatedAt: sql`now()` },
    })
    .returning({ last: officialCounters.last });
  return row!.last;
}

/**
 * A number typed by hand (to continue a paper register): refused when another order of the
 * year has it; the counter moves past it so the next automatic number does not collide.
 */
async function claimNumber(
  db: DbOrTx,
  agencyId: string,
  kind: OfficialKind,
  year: number,
  number: number,
): Promise<number> {
  const taken = await scoped(db, agencyId).find(
    officialDocuments,
    and(
      eq(officialDocuments.kind, kind),
      eq(officialDocuments.numberYear, year),
      eq(officialDocuments.number, number),
    )!,
  );
  if (taken) {
    throw new ConflictError('official.errors.numberTaken', {
      fieldErrors: { number: 'official.errors.numberTaken' },
    });
  }
  await db
    .insert(officialCounters)
    .values({ agencyId, kind, year, last: number })
    .onConflictDoUpdate({
      target: [officialCounters.agencyId, officialCounters.kind, officialCounters.year],
      set: { last: sql`greatest(${officialCounters.last}, ${number})`, updatedAt: sql`now()` },
    });
  return number;
}

/** Signs a locked draft inside the caller's transaction (shared with issueOrder). */
export async function signLocked(
  db: DbOrTx,
  ctx: AgencyContext,
  before: OfficialDocumentRow,
  options: { number?: number | string | null | undefined } = {},
): Promise<OfficialDocumentRow> {
  // Only an executive (ผู้บริหาร: นายก/ปลัด as the agency assigns) signs; the record says who.
  if (!ctx.actor.roles.includes('executive')) {
    throw new ForbiddenError('official.errors.signerMustBeExecutive');
  }
  if (before.status === 'signed' || before.status === 'published') {
    throw new ConflictError('official.errors.alreadySigned');
  }
  const now = ctx.now();
  const issuedOn = bangkokIsoDate(now);
  let number: number | null = null;
  let numberYear: number | null = null;
  if (before.kind === 'order') {
    numberYear = toBuddhistYear(Number(issuedOn.slice(0, 4)));
    const manual =
      options.number === undefined || options.number === null || options.number === ''
        ? null
        : ManualNumber.safeParse(options.number);
    if (manual && !manual.success) {
      throw new ConflictError('official.errors.numberInvalid', {
        fieldErrors: { number: 'official.errors.numberInvalid' },
      });
    }
    number = manual
      ? await claimNumber(db, ctx.agencyId, before.kind, numberYear, manual.data!)
      : await nextNumber(db, ctx.agencyId, before.kind, numberYear);
  }
  const [after] = await scoped(db, ctx.agencyId).update(
    officialDocuments,
    {
      status: 'signed',
      number,
      numberYear,
      issuedOn,
      signedByUserId: ctx.actor.userId,
      signedByLabel: ctx.actor.label,
      signedAt: now,
      updatedAt: now,
    },
    eq(officialDocuments.id, before.id),
  );
  await audit(db, ctx, ctx.agencyId, {
    action: 'official.sign',
    entityType: 'official_document',
    entityId: before.id,
    before,
    after,
  });
  return after!;
}

/**
 * ลงนาม: an executive signs a draft or a document under review. An order gets the next number
 * of the calendar year (or the one typed, if free); the date printed is today in Bangkok.
 */
export async function signOfficialDocument(
  ctx: AgencyContext,
  id: string,
  options: { number?: number | string | null } = {},
): Promise<OfficialDocumentRow> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await lockOfficialDocument(tx, ctx.agencyId, id);
      return signLocked(tx, ctx, before, options);
    });
  } catch (error) {
    // Two executives typing the same free number at once: the check above saw it free in both
    // transactions, the unique index lets one through; the other gets the form's message.
    if (isUniqueViolation(error)) {
      throw new ConflictError('official.errors.numberTaken', {
        fieldErrors: { number: 'official.errors.numberTaken' },
      });
    }
    throw error;
  }
}

/** A PostgreSQL unique violation (23505), bare or wrapped by Drizzle's query error. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
