import { eq } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { complaintSettings } from './schema.js';
import type { ComplaintRow } from './queries.js';

/** How long a status report may take before it is given up (the step is already saved). */
const CALLBACK_TIMEOUT_MS = 5_000;

/**
 * Reports a webhook case's new status to the agency's configured URL, after the step is
 * committed and without holding up the officer's page: `{ ticket_id, status, date }`, where
 * status is the case's step and the date a day (no time, as everywhere in complaints). A
 * failed report is logged and not retried; the next step reports the then-current status.
 * Only the ticket id and the step go out: never text, names or notes.
 */
export function notifyWebhookSource(db: Db, complaint: ComplaintRow): Promise<void> {
  if (complaint.channel !== 'traffy' || !complaint.channelReference) return Promise.resolve();
  return (async () => {
    const [settings] = await db
      .select({ url: complaintSettings.webhookCallbackUrl })
      .from(complaintSettings)
      .where(eq(complaintSettings.agencyId, complaint.agencyId));
    if (!settings?.url) return;
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ticket_id: complaint.channelReference,
        status: complaint.status,
        date: complaint.stepOn,
      }),
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`callback answered ${response.status}`);
  })().catch((error: unknown) => {
    console.warn(
      JSON.stringify({
        level: 'warn',
        msg: 'complaints webhook callback failed',
        error: String(error),
      }),
    );
  });
}
