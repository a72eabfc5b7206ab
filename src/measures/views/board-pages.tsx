import type { Child } from 'hono/jsx';
import { Layout } from '../../core/http/layout.js';
import { type FormState, FRESH_FORM } from '../../core/http/form.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
} from '../../core/http/ui.js';
import type { listMyActions, listPendingProgress, MeasureView } from '../queries.js';
import { REPORT_KINDS } from '../schema.js';
import { ActionTable, BASE, text } from './action-parts.js';

export function BoardPage(props: {
  year: number;
  list: MeasureView[];
  pending: Awaited<ReturnType<typeof listPendingProgress>>;
  canManage: boolean;
  canApprove: boolean;
  /** The analysis the plan of this year is made from (N-1), and whether it was written. */
  source: { analysisYear: number; written: boolean };
  /** A refused board button (plan, carry over, publish): why. */
  refusal?: FormState | undefined;
}) {
  const t = useT();
  const byUnit = new Map<string, number>();
  for (const m of props.list)
    for (const a of m.actions) byUnit.set(a.unitName, (byUnit.get(a.unitName) ?? 0) + 1);
  return (
    <Layout title={t('measures.board.title')}>
      <PageHeader
        title={`${t('measures.board.title')} ${props.year}`}
        lead={t('measures.board.lead')}
      />
      <Notice />
      {props.refusal && (
        <ErrorSummary errors={props.refusal.errors} message={props.refusal.message} />
      )}
      <form method="get" action={BASE} class="card">
        <label for="f-year">{t('measures.board.year')}</label>{' '}
        <input id="f-year" name="year" value={String(props.year)} inputmode="numeric" size={6} />{' '}
        <button type="submit" class="secondary">
          {t('measures.board.show')}
        </button>{' '}
        <a href={`${BASE}/timeline?year=${props.year}`}>{t('measures.nav.timeline')}</a>
      </form>
      {props.canManage && (
        <div class="cards">
          <PostForm action={`${BASE}/plan-from-analysis`} class="card">
            <input type="hidden" name="fiscalYear" value={String(props.year)} />
            <button type="submit">{t('measures.board.fromAnalysis')}</button>
            <p class="muted">
              {t('measures.board.fromAnalysisOf', { year: props.source.analysisYear })}{' '}
              {!props.source.written && (
                <a href={`/staff/assessment/years/${props.source.analysisYear}/analysis`}>
                  {t('measures.board.noAnalysisYet', { year: props.source.analysisYear })}
                </a>
              )}
            </p>
          </PostForm>
          <PostForm action={`${BASE}/carry-over`} class="card">
            <input type="hidden" name="fiscalYear" value={String(props.year)} />
            <button type="submit" class="secondary">
              {t('measures.board.carryOver')}
            </button>
          </PostForm>
          <p class="card">
            <a href={`${BASE}/new?year=${props.year}`}>{t('measures.board.addMeasure')}</a>
          </p>
        </div>
      )}
      {props.canApprove && props.pending.length > 0 && (
        <section id="pending">
          <h2>{t('measures.board.pendingApprovals')}</h2>
          <ul>
            {props.pending.map((p) => (
              <li>
                <a href={`${BASE}/actions/${p.actionId}`}>{p.stepText}</a> — {p.percent}% (
                {p.submittedByName})
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t('measures.board.reports')}</h2>
        <p>
          {REPORT_KINDS.map((k) => (
            <>
              {k === 'plan' ? t('measures.reports.plan') : t('measures.reports.progress')}:{' '}
              <a href={`${BASE}/reports/${props.year}/${k}.docx`}>DOCX</a>{' '}
              <a href={`${BASE}/reports/${props.year}/${k}.pdf`}>PDF</a>
              <br />
            </>
          ))}
        </p>
        {props.canManage && (
          <PostForm action={`${BASE}/publish`}>
            <input type="hidden" name="fiscalYear" value={String(props.year)} />
            <button type="submit">{t('measures.board.publish')}</button>
          </PostForm>
        )}
      </section>
      {props.list.length === 0 && <p>{t('measures.board.empty')}</p>}
      {byUnit.size > 0 && (
        <p class="muted">{[...byUnit].map(([unit, n]) => `${unit}: ${n}`).join(' · ')}</p>
      )}
      {props.list.map((m) => (
        <section class="card">
          <h2>
            <a href={`${BASE}/${m.id}`}>{m.title}</a>{' '}
            {m.overdueCount > 0 && (
              <span class="badge bad">
                {t('measures.action.overdue')} {m.overdueCount}
              </span>
            )}{' '}
            <span class="badge muted">{m.percent}%</span>
          </h2>
          <ActionTable list={m.actions} />
        </section>
      ))}
    </Layout>
  );
}

export function MinePage(props: { list: Awaited<ReturnType<typeof listMyActions>> }) {
  const t = useT();
  return (
    <Layout title={t('measures.mine.title')}>
      <PageHeader title={t('measures.mine.title')} lead={t('measures.mine.lead')} />
      <Notice />
      {props.list.length === 0 ? (
        <p>{t('measures.mine.empty')}</p>
      ) : (
        <ActionTable list={props.list} />
      )}
    </Layout>
  );
}

export function NewMeasurePage(props: { year: number; form?: FormState }) {
  const t = useT();
  const { values, errors, message } = props.form ?? FRESH_FORM;
  return (
    <Layout title={t('measures.board.addMeasure')}>
      <PageHeader title={t('measures.board.addMeasure')} />
      <ErrorSummary errors={errors} message={message} />
      <PostForm action={BASE} class="card">
        <TextField
          name="fiscalYear"
          label="measures.board.year"
          value={typeof values.fiscalYear === 'string' ? values.fiscalYear : String(props.year)}
          inputmode="numeric"
          errors={errors}
          required
        />
        <TextField
          name="title"
          label="measures.measure.title"
          value={text(values.title)}
          errors={errors}
          required
        />
        <TextArea
          name="methodText"
          label="measures.measure.method"
          value={text(values.methodText)}
          errors={errors}
        />
        <TextArea
          name="monitoringText"
          label="measures.measure.monitoring"
          value={text(values.monitoringText)}
          errors={errors}
        />
        <button type="submit">{t('save')}</button>
      </PostForm>
    </Layout>
  );
}

/** The year's timeline (the SVG drawn by render-timeline.ts, inline for screen readers' label). */
export function TimelinePage(props: { title: string; year: number; svg: Child }) {
  const t = useT();
  return (
    <Layout title={props.title}>
      <PageHeader title={props.title} />
      <div class="table-wrap" role="figure" aria-label={props.title}>
        {props.svg}
      </div>
      <p>
        <a href={`${BASE}?year=${props.year}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}
