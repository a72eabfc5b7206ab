import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { UnauthenticatedError } from '../core/errors.js';
import { cleanText, requiredText } from '../core/validation/text.js';
import { complaints, complaintSettings } from './schema.js';
import { ensureSettings } from './committee.js';
import { fileComplaint } from './file-complaint.js';

/**
 * A Traffy Fondue-style ticket. Coordinates go into the location text (a place, not a person);
 * photos come inline as base64 (1 MB request limit) and are stripped like any upload; photo
 * URLs are kept as links in the details and never fetched (no request to an address a caller
 * chose).
 */
export const WebhookTicket = z.object({
  ticket_id: requiredText(100),
  type: cleanText({ max: 100 }).default(''),
  description: cleanText({ min: 1, max: 5000 }),
  coords: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  address: cleanText({ max: 300 }).default(''),
  photos: z.array(z.string().max(1_400_000)).max(5).default([]),
  photo_urls: z.array(z.url().max(500)).max(5).default([]),
});
export type WebhookTicket = z.infer<typeof WebhookTicket>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The agency whose webhook token this is: UNAUTHENTICATED (401) for anything else. */
async function checkToken(db: Db, agencyId: string, token: string): Promise<void> {
  const [row] = await db
    .select({ hash: complaintSettings.webhookTokenHash })
    .from(complaintSettings)
    .where(eq(complaintSettings.agencyId, agencyId));
  const expected = Buffer.from(row?.hash ?? '', 'hex');
  const given = Buffer.from(hashToken(token), 'hex');
  if (expected.length !== 32 || !timingSafeEqual(expected, given)) {
    throw new UnauthenticatedError('complaints.errors.webhookToken');
  }
}

/**
 * Takes a ticket into the grievance queue, once per ticket id: a ticket sent again (a retry,
 * a re-delivery) returns the case it already made, with `isNew: false`.
 */
export async function acceptWebhookTicket(
  db: Db,
  agencyId: string,
  token: string,
  ticket: WebhookTicket,
  options: { dataDir: string; now: Date },
): Promise<{ caseNumber: number; status: string; isNew: boolean }> {
  await checkToken(db, agencyId, token);
  const existing = async () => {
    const [row] = await db
      .select({ caseNumber: complaints.caseNumber, status: complaints.status })
      .from(complaints)
      .where(
        and(
          eq(complaints.agencyId, agencyId),
          eq(complaints.channel, 'traffy'),
          eq(complaints.channelReference, ticket.ticket_id),
        ),
      );
    return row;
  };
  const seen = await existing();
  if (seen) return { ...seen, isNew: false };
  const location = [ticket.address, ticket.coords ? `${ticket.coords[1]},${ticket.coords[0]}` : '']
    .filter(Boolean)
    .join(' ');
  const details = [ticket.description, ...ticket.photo_urls].join('\n');
  try {
    const filed = await fileComplaint(
      {
        db,
        agencyId,
        dataDir: options.dataDir,
        now: options.now,
        channel: 'traffy',
        channelReference: ticket.ticket_id,
        actor: WEBHOOK_ACTOR,
      },
      {
        kind: 'grievance',
        conductType: 'other',
        subject: (ticket.type || ticket.description).slice(0, 200),
        details: details.length >= 10 ? details : `${details} (${ticket.ticket_id})`,
        location,
        accusedText: '',
        isAnonymous: true,
        name: '',
        phone: '',
        email: '',
        address: '',
      },
      ticket.photos.map((p) => ({ bytes: Buffer.from(p, 'base64') })),
    );
    return { caseNumber: filed.caseNumber, status: 'received', isNew: true };
  } catch (error) {
    // Two deliveries of one ticket at once: the unique index let one in; answer as a repeat.
    const again = await existing();
    if (again) return { ...again, isNew: false };
    throw error;
  }
}

/** Who the audit log names for a webhook ticket. */
const WEBHOOK_ACTOR: Actor = {
  userId: null,
  label: 'webhook:traffy',
  roles: [],
  isInstanceAdmin: false,
};

/**
 * A new webhook token for the agency, with the URL its status changes are reported to. The
 * token is returned once; only its SHA-256 is kept. Audited (without the token).
 */
export async function createWebhookToken(
  db: Db,
  agencyId: string,
  callbackUrl: string | null,
  actor: Actor,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await ensureSettings(tx, agencyId);
    await tx
      .update(complaintSettings)
      .set({ webhookTokenHash: hashToken(token), webhookCallbackUrl: callbackUrl })
      .where(eq(complaintSettings.agencyId, agencyId));
    await audit(tx, { actor, now: () => new Date() }, agencyId, {
      action: 'complaints.webhook.token',
      entityType: 'complaints_settings',
      entityId: agencyId,
      after: { callbackUrl },
    });
  });
  return token;
}
