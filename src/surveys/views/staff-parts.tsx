import { formatNumberTh, formatThaiDate } from '../../core/i18n/thai-format.js';
import type { TranslateFn } from '../../core/i18n/i18n.js';

/** A YYYY-MM-DD day as staff read it: 6 ธ.ค. 2569 (พ.ศ.), never ISO. */
export const thaiDay = (isoDate: string) =>
  formatThaiDate(new Date(`${isoDate}T12:00:00+07:00`), { style: 'medium' });

/** A head count with its unit ("45 คน"), Thai thousands separators. */
export const people = (t: TranslateFn, n: number) =>
  t('surveys.staff.people', { n: formatNumberTh(n) });

/** A channel's name for staff; an unknown stored value is shown as it is. */
export const channelName = (t: TranslateFn, channel: string) =>
  ['counter', 'website', 'facebook', 'line', 'qr', 'other'].includes(channel)
    ? t(`surveys.channels.${channel}`)
    : channel;

/** Who counts in จำนวนผู้มีส่วนได้ส่วนเสีย, in ITAS's words, per tool. */
export const whoCounts = (t: TranslateFn, tool: 'IIT' | 'EIT') => t(`surveys.population.${tool}`);
