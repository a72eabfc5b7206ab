import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { ValidationError } from '../core/errors.js';
import { isMailConfigured, sendMail } from '../core/mail/index.js';
import { issueAccessCodes } from './access-codes.js';
import type { Campaign } from './campaigns.js';

const Emails = z.array(z.email()).min(1).max(2000);

/**
 * E-mails one fresh code to each address. Codes are shuffled before they are paired with
 * addresses and the pairing is never stored (not even in the audit log, which records the
 * count), so the database cannot say whose code answered.
 */
export async function sendAccessCodes(
  ctx: AgencyContext,
  campaign: Campaign,
  input: { emails: string[]; smtpUrl: string | undefined; from: string; surveyUrl: string },
): Promise<{ sent: number }> {
  const parsed = Emails.safeParse([...new Set(input.emails.map((e) => e.trim().toLowerCase()))]);
  if (!parsed.success)
    throw new ValidationError('surveys.errors.emails', { emails: 'surveys.errors.emails' });
  const mail = { smtpUrl: input.smtpUrl, mailFrom: input.from };
  if (!isMailConfigured(mail)) throw new ValidationError('surveys.errors.noSmtp');
  const codes = await issueAccessCodes(ctx, campaign.id, parsed.data.length);
  const sent = await sendMail(
    mail,
    parsed.data.map((to, i) => ({
      to,
      subject: `รหัสตอบแบบวัด ${campaign.titleTh}`,
      text:
        `รหัสเข้าตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ของท่าน: ${codes[i]}\n` +
        `ตอบได้ที่ ${input.surveyUrl}\n\n` +
        'รหัสนี้ใช้ได้ครั้งเดียว ระบบไม่บันทึกว่ารหัสใดส่งถึงใคร คำตอบจึงไม่ระบุตัวผู้ตอบ\n' +
        `(Your one-time IIT survey code: ${codes[i]}. Answers are anonymous.)`,
    })),
  );
  return { sent };
}
