import type { JobDefinition } from '../core/jobs/types.js';
import { deleteExpiredAbuseState } from './abuse-control.js';

/** Every 10 minutes: abuse-control counters and fingerprints are kept no longer than they count. */
export const surveysAbuseCleanupJob: JobDefinition = {
  name: 'surveys-abuse-cleanup',
  summary: 'ลบตัวนับและลายนิ้วมือคำตอบที่หมดอายุ / delete expired survey abuse-control state',
  schedule: '*/10 * * * *',
  handler: async (ctx) => {
    const deleted = await deleteExpiredAbuseState(ctx.db, ctx.now());
    return { summary: `ลบ ${deleted} แถว / deleted ${deleted} rows` };
  },
};
