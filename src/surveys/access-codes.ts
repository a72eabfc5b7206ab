import { createHash, createHmac, randomInt } from 'node:crypto';
import { instanceSecret } from '../core/config/instance-secret.js';
import { audit } from '../core/audit/audit.js';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { ValidationError } from '../core/errors.js';
import { getCampaign } from './campaigns.js';
import { surveyAccessCodes } from './schema.js';

// No 0/O, 1/I/L: codes are read off paper and typed on phones.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

/** Upper-cases and drops spaces and dashes, so "abcde-fghij" and "ABCDEFGHIJ" are one code. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * What the database keeps of a code: an HMAC bound to its campaign, keyed with a secret that
 * lives in the data folder and never in the database (docs/decisions/0005). Whoever holds a
 * copy of the database and the mailed codes cannot tell which stored row is which code.
 */
export function hashCode(campaignId: string, code: string): string {
  return createHmac('sha256', instanceSecret('iit-code-key'))
    .update(`${campaignId}:${normaliseCode(code)}`)
    .digest('hex');
}

/** Codes issued before the keyed hash were stored as plain SHA-256; they still answer. */
function legacyCodeHash(campaignId: string, code: string): string {
  return createHash('sha256')
    .update(`${campaignId}:${normaliseCode(code)}`)
    .digest('hex');
}

/** Every stored form a typed code may have: look a code up with `inArray(codeHash, …)`. */
export function codeHashes(campaignId: string, code: string): string[] {
  return [hashCode(campaignId, code), legacyCodeHash(campaignId, code)];
}

const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * Issues `count` one-time IIT access codes (รหัสเข้าตอบ) and returns them in clear text ONCE,
 * for printing or e-mail. Only hashes are stored, with no name and no order worth keeping,
 * so neither the admin nor the database can tell whose code answered what.
 */
export async function issueAccessCodes(
  ctx: AgencyContext,
  campaignId: string,
  count: number,
): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1 || count > 2000) {
    throw new ValidationError('surveys.errors.codeCount', { count: 'surveys.errors.codeCount' });
  }
  const campaign = await getCampaign(ctx.db, ctx.agencyId, campaignId);
  if (campaign.tool !== 'IIT') {
    throw new ValidationError('surveys.errors.codesForIitOnly');
  }
  const codes = new Set<string>();
  while (codes.size < count) {
    codes.add(
      Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
  }
  const list = [...codes];
  await ctx.db.transaction(async (tx) => {
    // Rows go in sorted by their keyed hash, not in the order the codes are handed out (and
    // mailed): the table's physical order must not pair a row with a line of the mailing log.
    const rows = list.map((code) => ({ campaignId, codeHash: hashCode(campaignId, code) }));
    rows.sort((a, b) => (a.codeHash < b.codeHash ? -1 : 1));
    await scoped(tx, ctx.agencyId).insert(surveyAccessCodes, rows);
    await audit(tx, ctx, ctx.agencyId, {
      action: 'surveys.codes.issue',
      entityType: 'surveys_campaign',
      entityId: campaignId,
      after: { count },
    });
  });
  return list.map(formatCode);
}
