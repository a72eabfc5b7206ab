import { SelectField, useT } from '../../core/http/ui.js';
import { listOitYears } from '../oit-items.js';

/** Where the disclosure back office is mounted; every staff page links under it. */
export const STAFF_BASE = '/staff/disclosure';

/** A date as staff read it (Thai, Bangkok time); a bare `YYYY-MM-DD` is that day in Bangkok. */
export const thaiDate = (d: Date | string | null) =>
  d
    ? new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }).format(
        typeof d === 'string' ? new Date(`${d}T00:00:00+07:00`) : d,
      )
    : '';

/** A GET form choosing one of the fiscal years that have OIT criteria. */
export function YearPicker(props: { year: number; action: string }) {
  const t = useT();
  return (
    <form method="get" action={props.action} class="year-picker">
      <SelectField
        name="year"
        label="disclosure.items.year"
        value={String(props.year)}
        options={listOitYears().map((y) => ({ value: String(y), label: String(y) }))}
      />
      <button type="submit" class="secondary">
        {t('disclosure.items.show')}
      </button>
    </form>
  );
}

/** Red for what blocks the score (missing, outdated), amber for work under way, green when published. */
const BADGE: Record<string, string> = {
  missing: 'bad',
  draft: 'warn',
  in_review: 'warn',
  published: 'ok',
  outdated: 'bad',
};

/** An item's status (item-status.ts) as a coloured badge. */
export function StatusBadge(props: { status: string }) {
  const t = useT();
  return (
    <span class={`badge ${BADGE[props.status] ?? 'muted'}`}>
      {t(`disclosure.status.${props.status}`)}
    </span>
  );
}

/**
 * The head of a table of OIT items: code and name, then the columns the page adds (catalog
 * keys). The staff list, readiness and checker tables read alike this way.
 */
export function ItemTableHead(props: { columns: string[] }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {['disclosure.items.code', 'disclosure.items.name', ...props.columns].map((key) => (
          <th scope="col">{t(key)}</th>
        ))}
      </tr>
    </thead>
  );
}
