import { formatNumberTh, formatThaiDate } from '../../core/i18n/thai-format.js';
import { useT, useVars } from '../../core/http/ui.js';
import type { ActivityWithPhotos, GiftRow } from '../measures-queries.js';

/** A stored CE date (yyyy-mm-dd) as the reader's language writes it (Buddhist era in Thai). */
export function Day(props: { iso: string }) {
  const { locale } = useVars();
  return <>{formatThaiDate(new Date(`${props.iso}T12:00:00+07:00`), { locale })}</>;
}

/** One activity: date, place, who took part, what was done and its photos (`photoHref`). */
export function ActivityDetails(props: {
  activity: ActivityWithPhotos;
  photoHref: (sha256: string) => string;
}) {
  const t = useT();
  const a = props.activity;
  return (
    <>
      <dl class="card">
        <dt>{t('integrity.activities.heldOn')}</dt>
        <dd>
          <Day iso={a.heldOn} />
        </dd>
        {a.place && (
          <>
            <dt>{t('integrity.activities.place')}</dt>
            <dd>{a.place}</dd>
          </>
        )}
        <dt>{t('integrity.activities.participants')}</dt>
        <dd>{a.participants}</dd>
        {a.details && (
          <>
            <dt>{t('integrity.activities.details')}</dt>
            <dd>{a.details}</dd>
          </>
        )}
      </dl>
      {a.photos.length > 0 && (
        <div class="photos">
          {a.photos.map((p, i) => (
            <a href={props.photoHref(p.sha256)}>
              <img
                src={props.photoHref(p.sha256)}
                alt={t('integrity.activities.photoAlt', { n: i + 1, title: a.title })}
                width="240"
                loading="lazy"
              />
            </a>
          ))}
        </div>
      )}
    </>
  );
}

/** The gift register as a table (staff page and the public OIT report show the same). */
export function GiftTable(props: { gifts: GiftRow[] }) {
  const t = useT();
  if (props.gifts.length === 0) return <p>{t('integrity.gifts.empty')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('integrity.gifts.offeredOn')}</th>
          <th scope="col">{t('integrity.gifts.recipient')}</th>
          <th scope="col">{t('integrity.gifts.giver')}</th>
          <th scope="col">{t('integrity.gifts.description')}</th>
          <th scope="col">{t('integrity.gifts.valueBaht')}</th>
          <th scope="col">{t('integrity.gifts.action')}</th>
        </tr>
      </thead>
      <tbody>
        {props.gifts.map((g) => (
          <tr>
            <td>
              <Day iso={g.offeredOn} />
            </td>
            <td>{g.recipient}</td>
            <td>{g.giver}</td>
            <td>{g.description}</td>
            <td>{formatNumberTh(g.valueBaht, { minimumFractionDigits: 2 })}</td>
            <td>
              {t(`integrity.gifts.actions.${g.action}`)}
              {g.note && ` (${g.note})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
