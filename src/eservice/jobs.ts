import type { JobDefinition } from '../core/jobs/types.js';
import { sendDelayNotices } from './send-delay-notices.js';

/**
 * Delay notices (every 7 days past a request's limit) and escalations of overdue steps, daily
 * at 08:00 Bangkok time, run by `serve` itself: nobody has to remember a cron.
 */
export const eserviceDelayNoticesJob: JobDefinition = {
  name: 'eservice-delay-notices',
  summary:
    'หนังสือแจ้งความล่าช้าทุก 7 วันและแจ้งหัวหน้าเมื่อขั้นตอนเกินกำหนด / e-service delay notices and escalations',
  schedule: '0 8 * * *',
  handler: async (ctx) => {
    const r = await sendDelayNotices(ctx.db, {
      now: ctx.now(),
      mail: ctx.mail,
      baseUrl: ctx.baseUrl,
    });
    return {
      summary: `แจ้งล่าช้า ${r.delayNotices} แจ้งหัวหน้า ${r.escalations} อีเมล ${r.emailed} / delay ${r.delayNotices}, escalations ${r.escalations}, e-mails ${r.emailed}`,
    };
  },
};
