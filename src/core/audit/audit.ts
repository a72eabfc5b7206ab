import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import type { AppContext } from '../context.js';
import { auditHeads, auditLog } from './schema.js';

/** The chain that instance-level events (creating an agency, a user) belong to. */
export const INSTANCE_AUDIT_AGENCY = '00000000-0000-0000-0000-000000000000';
const GENESIS = '0'.repeat(64);
/**
 * The NOTIFY channel on which the database announces, on commit, the agency id of every audited
 * change (a trigger on core_audit_heads, migration 0015); the instance chain's id for
 * instance-level changes. App servers listen to drop their cached public pages.
 */
export const CHANGES_CHANNEL = 'prongsai_changes';

export interface AuditEntry {
  /** Verb-noun, namespaced by module: `agencies.unit.create`, `assessment.results.import`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * JSON with sorted keys and the values as they come back from jsonb (Dates become ISO
 * strings), so that a row hashes the same when written and when read back for verification.
 */
export function canonicalJson(value: unknown): string {
  const normal = value === undefined ? null : JSON.parse(JSON.stringify(value));
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(normal));
}

interface HashInput {
  agencyId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function hashAuditRow(row: HashInput): string {
  const material = canonicalJson({
    agencyId: row.agencyId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    prevHash: row.prevHash,
  });
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Appends one entry to the agency's chain. Call it inside the transaction that makes the
 * change, so the change and its record commit or vanish together. The head row is locked
 * (`for update`) so concurrent writers of one agency take turns and the chain stays linear;
 * different agencies never wait for each other.
 */
export async function audit(
  db: DbOrTx,
  ctx: Pick<AppContext, 'actor' | 'now' | 'requestId'>,
  agencyId: string | null,
  entry: AuditEntry,
): Promise<void> {
  const chain = agencyId ?? INSTANCE_AUDIT_AGENCY;
  await db
    .insert(auditHeads)
    .values({ agencyId: chain, seq: 0, hash: GENESIS })
    .onConflictDoNothing();
  const [head] = await db
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.agencyId, chain))
    .for('update');
  if (!head) throw new Error('audit head missing');
  const at = new Date(Math.floor(ctx.now().getTime()));
  const row = {
    agencyId: chain,
    seq: head.seq + 1,
    at,
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
    prevHash: head.hash,
  };
  const hash = hashAuditRow(row);
  await db.insert(auditLog).values({ ...row, requestId: ctx.requestId ?? null, hash });
  await db.update(auditHeads).set({ seq: row.seq, hash }).where(eq(auditHeads.agencyId, chain));
}

export interface AuditProblem {
  agencyId: string;
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'missing_rows' | 'head_mismatch';
}

/**
 * Recomputes every chain. Detects an edited row (its hash no longer matches), a deleted row
 * (a gap in `seq` or a broken `prevHash` link) and deleted newest rows (the head is ahead).
 * Reads in pages so a national instance does not load the whole log at once.
 */
export async function verifyAuditChain(
  db: DbOrTx,
  options: { agencyId?: string } = {},
): Promise<{ ok: boolean; checked: number; problems: AuditProblem[] }> {
  const heads = await db
    .select()
    .from(auditHeads)
    .where(options.agencyId ? eq(auditHeads.agencyId, options.agencyId) : sql`true`);
  const chains = new Set(heads.map((h) => h.agencyId));
  const logged = await db
    .selectDistinct({ agencyId: auditLog.agencyId })
    .from(auditLog)
    .where(options.agencyId ? eq(auditLog.agencyId, options.agencyId) : sql`true`);
  for (const l of logged) chains.add(l.agencyId);
  const problems: AuditProblem[] = [];
  let checked = 0;
  const PAGE = 2000;
  for (const chain of chains) {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.agencyId, chain), sql`${auditLog.seq} >= ${expectedSeq}`))
        .orderBy(asc(auditLog.seq))
        .limit(PAGE);
      for (const row of rows) {
        checked++;
        if (row.seq !== expectedSeq) {
          problems.push({ agencyId: chain, seq: expectedSeq, problem: 'missing_rows' });
        }
        if (row.prevHash !== prevHash) {
          problems.push({ agencyId: chain, seq: row.seq, problem: 'broken_link' });
        }
        if (hashAuditRow(row) !== row.hash) {
          problems.push({ agencyId: chain, seq: row.seq, problem: 'hash_mismatch' });
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
      }
      if (rows.length < PAGE) break;
    }
    const head = heads.find((h) => h.agencyId === chain);
    if (!head || head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
      problems.push({ agencyId: chain, seq: expectedSeq, problem: 'head_mismatch' });
    }
  }
  return { ok: problems.length === 0, checked, problems };
}
