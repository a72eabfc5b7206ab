import { formatThaiDate } from '../../core/i18n/thai-format.js';
import { useT, useVars } from '../../core/http/ui.js';
import type { DurationUnit } from '../manual.js';

/** "15 วันทำการ", "30 นาที": a step's or a total's time as the manual states it. */
export function useDurationText() {
  const t = useT();
  return (value: number, unit: DurationUnit) => `${value} ${t(`eservice.unit.${unit}`)}`;
}

/** A date and time in Bangkok for citizens: "7 ธ.ค. 2569 16:30". */
export function useWhen() {
  const locale = useVars().locale;
  return (date: Date) => {
    const time = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Bangkok',
    }).format(date);
    return `${formatThaiDate(date, { style: 'medium', locale })} ${time}`;
  };
}

export { bahtText } from '../manual.js';
