import { Layout } from '../../core/http/layout.js';
import { Notice, PageHeader, useT, useVars } from '../../core/http/ui.js';
import { formatThaiDate } from '../../core/i18n/thai-format.js';
import { improvementOf, totalDuration, type Manual } from '../manual.js';
import type { RevisionRow, ServiceRow, ServiceWithManual } from '../queries.js';
import { bahtText, useDurationText } from './format.js';

/** /a/<slug>/services: every service with its total time, and the tracking box. */
export function ServicesPage(props: { services: ServiceWithManual[] }) {
  const t = useT();
  const slug = useVars().publicAgency.slug;
  const duration = useDurationText();
  return (
    <Layout title={t('eservice.public.title')}>
      <PageHeader title={t('eservice.public.title')} lead={t('eservice.public.lead')} />
      {props.services.length === 0 && <p>{t('eservice.public.noServices')}</p>}
      <ul class="stack service-list">
        {props.services.map((s) => {
          const total = totalDuration(s.manual);
          return (
            <li class="card">
              <h2>
                <a href={`/a/${slug}/services/${s.code}`}>{s.manual.name}</a>
              </h2>
              <p>
                {t('eservice.public.totalTime')}: {duration(total.value, total.unit)}
                {s.manual.isOnline && <> · {t('eservice.public.online')}</>}
              </p>
            </li>
          );
        })}
      </ul>
      <TrackBox />
    </Layout>
  );
}

/** The tracking-code box (GET form: works without JavaScript, nothing stored). */
export function TrackBox() {
  const t = useT();
  const slug = useVars().publicAgency.slug;
  return (
    <section class="card" aria-labelledby="track-title">
      <h2 id="track-title">{t('eservice.public.trackTitle')}</h2>
      <form method="get" action={`/a/${slug}/track`} class="stack">
        <label for="f-code">{t('eservice.public.trackLead')}</label>
        <input id="f-code" name="code" autocomplete="off" maxlength={20} required />
        <button type="submit">{t('eservice.public.trackButton')}</button>
      </form>
    </section>
  );
}

/** Steps as the manual table: title, time, responsible unit. */
export function StepsTable(props: { manual: Manual; unitName: (id: string | null) => string }) {
  const t = useT();
  const duration = useDurationText();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('eservice.public.step')}</th>
          <th scope="col">{t('eservice.public.time')}</th>
          <th scope="col">{t('eservice.public.responsible')}</th>
        </tr>
      </thead>
      <tbody>
        {props.manual.steps.map((s, i) => (
          <tr>
            <td>
              {i + 1}. {s.title}
              {s.description && <p class="hint">{s.description}</p>}
            </td>
            <td>{duration(s.duration, s.durationUnit)}</td>
            <td>{props.unitName(s.unitId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list section that says "none" explicitly rather than leaving a blank (ITA O-item rule). */
function ListOrNone(props: { title: string; items: string[]; none: string }) {
  return (
    <section>
      <h2>{props.title}</h2>
      {props.items.length === 0 ? (
        <p>
          <strong>{props.none}</strong>
        </p>
      ) : (
        <ul>
          {props.items.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One service's citizen manual (คู่มือสำหรับประชาชน), current revision, with what it improved. */
export function ManualPage(props: {
  service: ServiceRow;
  current: RevisionRow;
  previous: RevisionRow | undefined;
  unitName: (id: string | null) => string;
}) {
  const t = useT();
  const slug = useVars().publicAgency.slug;
  const locale = useVars().locale;
  const duration = useDurationText();
  const m = props.current.manual;
  const total = totalDuration(m);
  const better = props.previous ? improvementOf(props.previous.manual, m) : null;
  const base = `/a/${slug}/services/${props.service.code}`;
  return (
    <Layout title={m.name}>
      <PageHeader
        title={t('eservice.public.manualTitle', { name: m.name })}
        lead={t('eservice.public.revision', {
          revision: props.current.revision,
          date: formatThaiDate(props.current.createdAt, { locale }),
        })}
      />
      <Notice />
      {better && (
        <p class="notice" role="status">
          {better.timeFrom &&
            t('eservice.public.improvedTime', {
              from: duration(better.timeFrom.value, better.timeFrom.unit),
              to: duration(better.timeTo!.value, better.timeTo!.unit),
            })}{' '}
          {better.stepsFrom !== undefined &&
            t('eservice.public.improvedSteps', { from: better.stepsFrom, to: better.stepsTo })}
        </p>
      )}
      <p class="page-actions">
        {m.isOnline && (
          <a class="button" href={`${base}/request`}>
            {t('eservice.public.fileOnline')}
          </a>
        )}{' '}
        {props.current.leafletPdfSha256 && (
          <a href={`${base}/leaflet.pdf`}>{t('eservice.public.leafletPdf')}</a>
        )}{' '}
        {props.current.leafletDocxSha256 && (
          <a href={`${base}/leaflet.docx`}>{t('eservice.public.leafletDocx')}</a>
        )}
      </p>
      <dl>
        <dt>{t('eservice.public.owner')}</dt>
        <dd>{props.unitName(m.unitId)}</dd>
        <dt>{t('eservice.public.category')}</dt>
        <dd>{m.category || t('eservice.public.none')}</dd>
        <dt>{t('eservice.public.place')}</dt>
        <dd>{m.servicePlace || t('eservice.public.none')}</dd>
        <dt>{t('eservice.public.hours')}</dt>
        <dd>{m.serviceHours || t('eservice.public.none')}</dd>
        <dt>{t('eservice.public.totalTime')}</dt>
        <dd>{duration(total.value, total.unit)}</dd>
      </dl>
      <ListOrNone
        title={t('eservice.public.legalBasis')}
        items={m.legalBasis}
        none={t('eservice.public.none')}
      />
      {m.conditions && (
        <section>
          <h2>{t('eservice.public.conditions')}</h2>
          <p>{m.conditions}</p>
        </section>
      )}
      <section>
        <h2>{t('eservice.public.steps')}</h2>
        <StepsTable manual={m} unitName={props.unitName} />
      </section>
      <ListOrNone
        title={t('eservice.public.documents')}
        items={m.documents.map(
          (d) =>
            `${d.name}${d.isCopy && !d.name.startsWith(t('eservice.public.copy')) ? ` (${t('eservice.public.copy')})` : ''} ${t('eservice.public.copies', { copies: d.copies })}${d.note ? ` · ${d.note}` : ''}`,
        )}
        none={t('eservice.public.noDocuments')}
      />
      <ListOrNone
        title={t('eservice.public.fees')}
        items={m.fees.map(
          (f) =>
            `${f.description}: ${t('eservice.public.feeAmount', { amount: bahtText(f.amountSatang) })}`,
        )}
        none={t('eservice.public.noFees')}
      />
      <ListOrNone
        title={t('eservice.public.complaints')}
        items={m.complaintChannels}
        none={t('eservice.public.none')}
      />
      <ListOrNone
        title={t('eservice.public.forms')}
        items={m.forms}
        none={t('eservice.public.none')}
      />
    </Layout>
  );
}
