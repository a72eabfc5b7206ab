import { formatThaiDate } from '../../core/i18n/thai-format.js';

/** A YYYY-MM-DD day as a Thai reader writes it (พ.ศ.). */
export const thaiDay = (isoDate: string) =>
  formatThaiDate(new Date(`${isoDate}T12:00:00+07:00`), { style: 'medium' });
