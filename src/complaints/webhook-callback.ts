import type { Db } from '../core/db/client.js';
import type { ComplaintRow } from './queries.js';

/**
 * Reports a webhook case's new status to the source's configured URL. Step 6 of #16; until
 * that lands, cases from other channels have nobody to tell.
 */
export function notifyWebhookSource(_db: Db, _complaint: ComplaintRow): void {}
