import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { requiredText } from '../core/validation/text.js';
import { hashApiKey } from './api-keys.js';
import { eserviceApiKeys } from './schema.js';

export const IssueApiKeyInput = z.object({
  /** Who holds the key (the client system or partner), so a revocation knows whom it cuts off. */
  label: requiredText(200),
});
export type IssueApiKeyInput = z.input<typeof IssueApiKeyInput>;

/**
 * The agency admin issues an Open311 key. The key is returned once, to be shown once; only its
 * hash is kept. The audit records the label and id, never the key.
 */
export async function issueApiKey(ctx: AgencyContext, raw: IssueApiKeyInput) {
  const input = IssueApiKeyInput.parse(raw);
  const key = `p311_${randomBytes(32).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await scoped(tx, ctx.agencyId).insert(eserviceApiKeys, {
      label: input.label,
      keyHash: hashApiKey(key),
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.apiKey.issue',
      entityType: 'eservice_api_key',
      entityId: row!.id,
      after: { label: input.label },
    });
    return { key, row: row! };
  });
}
