import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { Layout } from '../core/http/layout.js';
import { requirePermission } from '../core/http/middleware.js';
import { FRESH_FORM, readForm, submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import {
  ErrorSummary,
  FileField,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  useT,
} from '../core/http/ui.js';
import { can } from '../core/auth/permissions.js';
import { listUnits } from '../core/agencies/units.js';
import { formatThaiDate } from '../core/i18n/thai-format.js';
import { ValidationError } from '../core/errors.js';
import { scoped } from '../core/db/scoped.js';
import {
  getActionDetail,
  getEvidenceFile,
  findPlanSource,
  getMeasure,
  listMeasuresOfYear,
  listMyActions,
  listPendingProgress,
  listStaffChoices,
  openingPlanYear,
  type ActionView,
  type MeasureView,
} from './queries.js';
import { createPlanFromAnalysis } from './create-plan-from-analysis.js';
import { createMeasure, FiscalYear, MeasureInput } from './create-measure.js';
import { addAction } from './add-action.js';
import { updateAction, UpdateActionInput } from './update-action.js';
import { deleteAction } from './delete-action.js';
import { recordProgress } from './record-progress.js';
import { reviewProgress, type ReviewInput } from './review-progress.js';
import { carryOverMeasures } from './carry-over-measures.js';
import { renderTimelineSvg } from './render-timeline.js';
import { renderMeasuresReport } from './build-measures-report.js';
import { publishMeasuresReports } from './publish-measures-reports.js';
import { type EvidenceUpload } from './store-evidence.js';
import { sendStoredFile } from '../core/files/index.js';
import { bangkokToday } from './fiscal-dates.js';
import { ACTION_STATUSES, REPORT_KINDS, actions, progressUpdates } from './schema.js';

const BASE = '/staff/measures';
const thaiDate = (iso: string) =>
  formatThaiDate(new Date(`${iso}T12:00:00+07:00`), { style: 'medium' });

/** ?year= when given; else the plan its staff are carrying out or about to make (queries.ts). */
async function yearOf(c: Context<AppEnv>): Promise<number> {
  const ctx = c.get('ctx');
  const parsed = FiscalYear.safeParse(
    c.req.query('year') ?? (await openingPlanYear(ctx.db, ctx.agencyId, ctx.now())),
  );
  if (!parsed.success) throw new ValidationError('measures.errors.badYear');
  return parsed.data;
}

function StatusBadge({ a }: { a: ActionView }) {
  const t = useT();
  if (a.overdue) return <span class="badge bad">{t('measures.action.overdue')}</span>;
  const cls = a.status === 'done' ? 'ok' : a.status === 'in_progress' ? 'warn' : 'muted';
  return <span class={`badge ${cls}`}>{t(`measures.action.statuses.${a.status}`)}</span>;
}

function ActionTable({ list }: { list: (ActionView & { measureTitle?: string })[] }) {
  const t = useT();
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('measures.action.step')}</th>
            <th scope="col">{t('measures.action.unit')}</th>
            <th scope="col">{t('measures.action.dueDate')}</th>
            <th scope="col" class="num">
              {t('measures.action.percent')}
            </th>
            <th scope="col">{t('measures.action.status')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <tr>
              <td>
                {a.measureTitle && <div class="muted">{a.measureTitle}</div>}
                <a href={`${BASE}/actions/${a.id}`}>{a.stepText}</a>
              </td>
              <td>
                {a.unitName}
                {a.officerName && <div class="muted">{a.officerName}</div>}
              </td>
              <td>{thaiDate(a.dueDate)}</td>
              <td class="num">{a.percent}</td>
              <td>
                <StatusBadge a={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BoardPage(props: {
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

function MinePage(props: { list: Awaited<ReturnType<typeof listMyActions>> }) {
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

function ActionForm(props: {
  measureId: string;
  units: { value: string; label: string }[];
  people: { value: string; label: string }[];
  form: FormState;
}) {
  const t = useT();
  const { errors } = props.form;
  const v = (name: string) => text(props.form.values[name]);
  return (
    <PostForm action={`${BASE}/${props.measureId}/actions`} class="card" id="add-action">
      <ErrorSummary errors={errors} message={props.form.message} />
      <TextArea
        name="stepText"
        label="measures.action.step"
        required
        value={v('stepText')}
        errors={errors}
      />
      <SelectField
        name="unitId"
        label="measures.action.unit"
        options={props.units}
        value={v('unitId')}
        errors={errors}
      />
      <SelectField
        name="officerUserId"
        label="measures.action.officer"
        options={props.people}
        emptyLabel="measures.action.noOfficer"
        value={v('officerUserId')}
        errors={errors}
      />
      <TextField
        name="startDate"
        label="measures.action.startDate"
        type="date"
        required
        value={v('startDate')}
        errors={errors}
      />
      <TextField
        name="dueDate"
        label="measures.action.dueDate"
        type="date"
        required
        value={v('dueDate')}
        errors={errors}
      />
      <button type="submit">{t('measures.measure.addAction')}</button>
    </PostForm>
  );
}

/** A typed value for an input: what the person sent, or blank. */
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function MeasurePage(props: {
  measure: MeasureView;
  canManage: boolean;
  units: { value: string; label: string }[];
  people: { value: string; label: string }[];
  actionForm?: FormState;
}) {
  const t = useT();
  const m = props.measure;
  return (
    <Layout title={m.title}>
      <PageHeader title={m.title} lead={`${t('measures.board.year')} ${m.fiscalYear}`} />
      <Notice />
      <dl>
        <dt>{t('measures.measure.method')}</dt>
        <dd>
          {m.methodText.split('\n').map((l) => (
            <div>{l}</div>
          ))}
        </dd>
        <dt>{t('measures.measure.monitoring')}</dt>
        <dd>{m.monitoringText}</dd>
        <dt>{t('measures.measure.source')}</dt>
        <dd>
          {m.source === 'analysis'
            ? t('measures.measure.sourceAnalysis')
            : t('measures.measure.sourceManual')}
        </dd>
      </dl>
      <h2>{t('measures.measure.actions')}</h2>
      <ActionTable list={m.actions} />
      {props.canManage && (
        <>
          <h2>{t('measures.measure.addAction')}</h2>
          <ActionForm
            measureId={m.id}
            units={props.units}
            people={props.people}
            form={props.actionForm ?? FRESH_FORM}
          />
        </>
      )}
      <p>
        <a href={`${BASE}?year=${m.fiscalYear}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}

function ActionPage(props: {
  detail: Awaited<ReturnType<typeof getActionDetail>>;
  canReport: boolean;
  canApprove: boolean;
  canManage: boolean;
  /** The progress form refused: its text and files to choose again. */
  progressForm?: FormState | undefined;
  /** A refused review of one update: which one, and why. */
  reviewForm?: { updateId: string; form: FormState } | undefined;
}) {
  const t = useT();
  const { action, measure, updates } = props.detail;
  const progress = props.progressForm ?? FRESH_FORM;
  return (
    <Layout title={action.stepText}>
      <PageHeader title={action.stepText} lead={measure.title} />
      <Notice />
      <p>
        {action.unitName} · {thaiDate(action.startDate)} – {thaiDate(action.dueDate)} ·{' '}
        {action.percent}% <StatusBadge a={action} />
      </p>
      {props.canManage && (
        <div class="cards">
          <p class="card">
            <a href={`${BASE}/actions/${action.id}/edit`}>{t('measures.action.edit')}</a>
          </p>
          {action.status !== 'cancelled' && (
            <PostForm action={`${BASE}/actions/${action.id}/delete`} class="card">
              <p class="hint">{t('measures.action.deleteHint')}</p>
              <label>
                <input type="checkbox" name="confirm" value="yes" required />{' '}
                {t('measures.action.deleteConfirm')}
              </label>
              <button type="submit" class="secondary">
                {t('measures.action.delete')}
              </button>
            </PostForm>
          )}
        </div>
      )}
      {props.canReport && action.status !== 'cancelled' && (
        <PostForm
          action={`${BASE}/actions/${action.id}/progress`}
          class="card"
          enctype="multipart/form-data"
        >
          <h2 id="progress-form">{t('measures.progress.submit')}</h2>
          <ErrorSummary errors={progress.errors} message={progress.message} />
          <TextArea
            name="text"
            label="measures.progress.text"
            required
            value={text(progress.values.text)}
            errors={progress.errors}
          />
          <TextField
            name="percent"
            label="measures.progress.percent"
            inputmode="numeric"
            required
            value={text(progress.values.percent)}
            errors={progress.errors}
          />
          <TextArea
            name="links"
            label="measures.progress.links"
            value={text(progress.values.links)}
            errors={progress.errors}
          />
          <FileField
            name="files"
            label="measures.progress.files"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
            errors={progress.errors}
            chosen={progress.chosenFiles.files}
          />
          <button type="submit">{t('measures.progress.submit')}</button>
        </PostForm>
      )}
      <h2>{t('measures.progress.title')}</h2>
      {updates.map((u) => (
        <article class="card" data-state={u.state}>
          <p>
            <strong>{u.percent}%</strong> — {u.text}{' '}
            <span
              class={`badge ${u.state === 'approved' ? 'ok' : u.state === 'returned' ? 'bad' : 'warn'}`}
            >
              {t(`measures.progress.states.${u.state}`)}
            </span>
          </p>
          <p class="muted">
            {u.submittedByName} · {formatThaiDate(u.createdAt, { style: 'medium' })}
          </p>
          {(u.files.length > 0 || u.links.length > 0) && (
            <ul>
              {u.files.map((f) => (
                <li>
                  <a href={`${BASE}/evidence/${f.id}`}>{f.fileName}</a> (
                  {Math.ceil(f.sizeBytes / 1024)} KB)
                </li>
              ))}
              {u.links.map((l) => (
                <li>
                  <a href={l} rel="noopener noreferrer">
                    {l}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {u.reviewComment && (
            <p>
              {t('measures.progress.comment')}: {u.reviewComment} ({u.reviewedByName})
            </p>
          )}
          {props.canApprove && u.state === 'pending' && (
            <PostForm action={`${BASE}/progress/${u.id}/review`}>
              {props.reviewForm?.updateId === u.id && (
                <ErrorSummary
                  errors={props.reviewForm.form.errors}
                  message={props.reviewForm.form.message}
                />
              )}
              <TextField
                name="comment"
                label="measures.progress.comment"
                value={
                  props.reviewForm?.updateId === u.id
                    ? text(props.reviewForm.form.values.comment)
                    : ''
                }
                errors={props.reviewForm?.updateId === u.id ? props.reviewForm.form.errors : {}}
              />
              <button type="submit" name="decision" value="approve">
                {t('measures.progress.approve')}
              </button>{' '}
              <button type="submit" name="decision" value="return" class="secondary">
                {t('measures.progress.return')}
              </button>
            </PostForm>
          )}
        </article>
      ))}
      <p>
        <a href={`${BASE}/${measure.id}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}

function EditActionPage(props: {
  actionId: string;
  values: Record<string, unknown>;
  errors?: Record<string, string>;
  units: { value: string; label: string }[];
  people: { value: string; label: string }[];
}) {
  const t = useT();
  const v = (name: string) => (typeof props.values[name] === 'string' ? props.values[name] : '');
  return (
    <Layout title={t('measures.action.edit')}>
      <PageHeader title={t('measures.action.edit')} />
      <ErrorSummary errors={props.errors} />
      <PostForm action={`${BASE}/actions/${props.actionId}/edit`} class="card">
        <TextArea
          name="stepText"
          label="measures.action.step"
          value={v('stepText')}
          errors={props.errors}
          required
        />
        <SelectField
          name="unitId"
          label="measures.action.unit"
          options={props.units}
          value={v('unitId')}
          errors={props.errors}
        />
        <SelectField
          name="officerUserId"
          label="measures.action.officer"
          options={props.people}
          value={v('officerUserId')}
          errors={props.errors}
          emptyLabel="measures.action.noOfficer"
        />
        <TextField
          name="startDate"
          label="measures.action.startDate"
          type="date"
          value={v('startDate')}
          errors={props.errors}
          required
        />
        <TextField
          name="dueDate"
          label="measures.action.dueDate"
          type="date"
          value={v('dueDate')}
          errors={props.errors}
          required
        />
        <SelectField
          name="status"
          label="measures.action.status"
          options={ACTION_STATUSES.filter(
            (s) => s !== 'carried_over' || v('status') === 'carried_over',
          ).map((s) => ({
            value: s,
            label: t(`measures.action.statuses.${s}`),
          }))}
          value={v('status')}
          errors={props.errors}
        />
        <button type="submit">{t('measures.action.save')}</button>
      </PostForm>
      <p>
        <a href={`${BASE}/actions/${props.actionId}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}

/** This agency's progress update or 404. */
async function findProgressUpdate(c: Context<AppEnv>, id: string) {
  const ctx = c.get('ctx');
  return scoped(ctx.db, ctx.agencyId).get(progressUpdates, eq(progressUpdates.id, id));
}

/** This agency's action or 404: looked up before a form is read or validated. */
async function findOwnAction(c: Context<AppEnv>) {
  const id = uuidParam(c, 'id');
  const ctx = c.get('ctx');
  return scoped(ctx.db, ctx.agencyId).get(actions, eq(actions.id, id));
}

function NewMeasurePage(props: { year: number; form?: FormState }) {
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

const YearForm = z.object({ fiscalYear: FiscalYear });
/** A field as sent; the use case says what is wrong with it. */
const sent = z.string().default('');
const ProgressForm = z.object({
  text: sent,
  percent: sent,
  links: sent,
  files: z.unknown().optional(),
});
const ActionFields = z.object({
  stepText: sent,
  unitId: sent,
  officerUserId: sent,
  startDate: sent,
  dueDate: sent,
});

/** The board of a year; a refused board button passes why. */
async function boardPage(c: Context<AppEnv>, year: number, refusal?: FormState) {
  const ctx = c.get('ctx');
  const today = bangkokToday(ctx.now());
  return (
    <BoardPage
      year={year}
      list={await listMeasuresOfYear(ctx.db, ctx.agencyId, year, today)}
      pending={await listPendingProgress(ctx.db, ctx.agencyId)}
      canManage={can(ctx.actor, 'measures.manage')}
      canApprove={can(ctx.actor, 'measures.approve')}
      source={await findPlanSource(ctx.db, ctx.agencyId, year)}
      refusal={refusal}
    />
  );
}

/**
 * A board button (its form is the fiscal year only): run the use case and go where it says,
 * or show the board of that year again with why it was refused.
 */
function boardButton(c: Context<AppEnv>, run: (year: number) => Promise<string>) {
  return submitForm(c, {
    schema: YearForm,
    run: ({ fiscalYear }) => run(fiscalYear),
    redirect: (url) => url,
    page: async (form) => {
      const typed = FiscalYear.safeParse(form.values.fiscalYear);
      return boardPage(c, typed.success ? typed.data : await yearOf(c), form);
    },
  });
}

/** The action page as GET shows it; a refused progress or review form passes its state. */
async function actionPage(
  c: Context<AppEnv>,
  id: string,
  forms: Pick<Parameters<typeof ActionPage>[0], 'progressForm' | 'reviewForm'> = {},
) {
  const ctx = c.get('ctx');
  const detail = await getActionDetail(ctx.db, ctx.agencyId, id, bangkokToday(ctx.now()));
  return (
    <ActionPage
      detail={detail}
      canReport={can(ctx.actor, 'measures.report')}
      canApprove={can(ctx.actor, 'measures.approve')}
      canManage={can(ctx.actor, 'measures.manage')}
      {...forms}
    />
  );
}

/** The measure page as GET shows it; a refused new-action form passes its state. */
async function measurePage(c: Context<AppEnv>, id: string, actionForm?: FormState) {
  const ctx = c.get('ctx');
  const measure = await getMeasure(ctx.db, ctx.agencyId, id, bangkokToday(ctx.now()));
  return (
    <MeasurePage
      measure={measure}
      canManage={can(ctx.actor, 'measures.manage')}
      {...await choices(c)}
      {...(actionForm ? { actionForm } : {})}
    />
  );
}

async function choices(c: Context<AppEnv>) {
  const { db, agencyId } = c.get('ctx');
  return {
    units: (await listUnits(db, agencyId)).map((u) => ({ value: u.id, label: u.nameTh })),
    people: (await listStaffChoices(db, agencyId)).map((p) => ({ value: p.id, label: p.name })),
  };
}

function uploadsOf(value: unknown): Promise<EvidenceUpload[]> {
  const files = ([] as unknown[]).concat(value ?? []).filter((f): f is File => f instanceof File);
  return Promise.all(
    files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** Back office: the board, my actions, progress with evidence, approval, timeline, reports. */
export const measuresStaffRoutes = new Hono<AppEnv>()
  .use(requirePermission('measures.view'))
  .get('/', async (c) => c.render(await boardPage(c, await yearOf(c))))
  .get('/mine', async (c) => {
    const ctx = c.get('ctx');
    const list = await listMyActions(
      ctx.db,
      ctx.agencyId,
      ctx.actor.userId ?? '',
      bangkokToday(ctx.now()),
    );
    return c.render(<MinePage list={list} />);
  })
  .get('/timeline', async (c) => {
    const ctx = c.get('ctx');
    const year = await yearOf(c);
    const today = bangkokToday(ctx.now());
    const list = await listMeasuresOfYear(ctx.db, ctx.agencyId, year, today);
    list.sort((a, b) => a.sortOrder - b.sortOrder);
    const title = c.get('t')('measures.timeline.title', { year });
    const svg = renderTimelineSvg(list, year, { today, includeActions: true });
    return c.render(
      <Layout title={title}>
        <PageHeader title={title} />
        <div class="table-wrap" role="figure" aria-label={title}>
          {raw(svg)}
        </div>
        <p>
          <a href={`${BASE}?year=${year}`}>{c.get('t')('back')}</a>
        </p>
      </Layout>,
    );
  })
  .get('/timeline.svg', async (c) => {
    const ctx = c.get('ctx');
    const year = await yearOf(c);
    const today = bangkokToday(ctx.now());
    const list = await listMeasuresOfYear(ctx.db, ctx.agencyId, year, today);
    list.sort((a, b) => a.sortOrder - b.sortOrder);
    c.header('content-type', 'image/svg+xml; charset=utf-8');
    return c.body(renderTimelineSvg(list, year, { today, includeActions: true }));
  })
  .get('/new', requirePermission('measures.manage'), async (c) =>
    c.render(<NewMeasurePage year={await yearOf(c)} />),
  )
  .post('/', requirePermission('measures.manage'), async (c) =>
    submitForm(c, {
      schema: MeasureInput,
      run: (input) => createMeasure(c.get('ctx'), input),
      redirect: (m) => `${BASE}/${m.id}?notice=measures.notices.measureCreated`,
      page: async (form) => <NewMeasurePage year={await yearOf(c)} form={form} />,
    }),
  )
  .post('/plan-from-analysis', requirePermission('measures.manage'), async (c) =>
    boardButton(c, async (year) => {
      await createPlanFromAnalysis(c.get('ctx'), year);
      return `${BASE}?year=${year}&notice=measures.notices.planCreated`;
    }),
  )
  .post('/carry-over', requirePermission('measures.manage'), async (c) =>
    boardButton(c, async (year) => {
      await carryOverMeasures(c.get('ctx'), year);
      return `${BASE}?year=${year + 1}&notice=measures.notices.carried`;
    }),
  )
  .post('/publish', requirePermission('measures.manage'), async (c) =>
    boardButton(c, async (year) => {
      await publishMeasuresReports(c.get('ctx'), year, { dataDir: c.get('config').dataDir });
      return `${BASE}?year=${year}&notice=measures.notices.published`;
    }),
  )
  .get('/reports/:year/:file', async (c) => {
    const year = FiscalYear.safeParse(c.req.param('year'));
    const match = /^(plan|progress-report)\.(docx|pdf)$/.exec(c.req.param('file'));
    if (!year.success || !match) throw new ValidationError('measures.errors.badYear');
    const kind = match[1] as 'plan' | 'progress-report';
    const format = match[2] as 'docx' | 'pdf';
    const bytes = await renderMeasuresReport(
      c.get('ctx').db,
      c.get('ctx').agencyId,
      year.data,
      kind,
      format,
      c.get('ctx').now(),
    );
    return reportResponse(c, bytes, `measures-${kind}-${year.data}.${format}`, format);
  })
  .get('/evidence/:id', async (c) => {
    const file = await getEvidenceFile(c.get('ctx').db, c.get('ctx').agencyId, uuidParam(c, 'id'));
    return sendStoredFile(c, file, { cacheControl: 'private, no-store' });
  })
  .get('/actions/:id', async (c) => c.render(await actionPage(c, uuidParam(c, 'id'))))
  .get('/actions/:id/edit', requirePermission('measures.manage'), async (c) => {
    const action = await findOwnAction(c);
    return c.render(
      <EditActionPage
        actionId={action.id}
        values={{ ...action, officerUserId: action.officerUserId ?? '' }}
        {...await choices(c)}
      />,
    );
  })
  .post('/actions/:id/edit', requirePermission('measures.manage'), async (c) => {
    const action = await findOwnAction(c);
    return submitForm(c, {
      schema: UpdateActionInput,
      run: (_, sent) => updateAction(c.get('ctx'), action.id, sent.values as UpdateActionInput),
      redirect: () => `${BASE}/actions/${action.id}?notice=measures.notices.actionUpdated`,
      page: async (form) => (
        <EditActionPage
          actionId={action.id}
          values={form.values}
          errors={form.errors}
          {...await choices(c)}
        />
      ),
    });
  })
  .post('/actions/:id/delete', requirePermission('measures.manage'), async (c) => {
    // The confirmation is checked on the server too: a browser without JavaScript (or without
    // `required`) cannot delete a step by one stray click.
    const form = await readForm(c, z.object({ confirm: z.literal('yes') }));
    const { outcome, measureId } = await deleteAction(c.get('ctx'), uuidParam(c, 'id'), {
      confirmed: form.ok,
    });
    return outcome === 'deleted'
      ? c.redirect(`${BASE}/${measureId}?notice=measures.notices.actionDeleted`, 303)
      : c.redirect(
          `${BASE}/actions/${c.req.param('id')}?notice=measures.notices.actionCancelled`,
          303,
        );
  })
  .post('/actions/:id/progress', requirePermission('measures.report'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: ProgressForm,
      run: async ({ files, ...input }) =>
        recordProgress(
          c.get('ctx'),
          id,
          {
            ...input,
            links: input.links
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean),
          },
          await uploadsOf(files),
          { dataDir: c.get('config').dataDir },
        ),
      redirect: () => `${BASE}/actions/${id}?notice=measures.progress.submitted`,
      page: (progressForm) => actionPage(c, id, { progressForm }),
    });
  })
  .post('/progress/:id/review', requirePermission('measures.approve'), async (c) => {
    const id = uuidParam(c, 'id');
    // The use case looks the update up first (404 for another agency's), then validates.
    return submitForm(c, {
      schema: z.object({ decision: sent, comment: sent }),
      run: (input) => reviewProgress(c.get('ctx'), id, input as ReviewInput),
      redirect: (after) =>
        `${BASE}/actions/${after.actionId}?notice=measures.progress.${after.state === 'approved' ? 'approved' : 'returned'}`,
      page: async (form) => {
        const { actionId } = await findProgressUpdate(c, id);
        return actionPage(c, actionId, { reviewForm: { updateId: id, form } });
      },
    });
  })
  .get('/:id', async (c) => c.render(await measurePage(c, uuidParam(c, 'id'))))
  .post('/:id/actions', requirePermission('measures.manage'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: ActionFields,
      run: (input) => addAction(c.get('ctx'), id, input),
      redirect: () => `${BASE}/${id}?notice=measures.notices.actionCreated`,
      page: (form) => measurePage(c, id, form),
    });
  });

/** A report download with the right type and a file name. */
export function reportResponse(
  c: Context<AppEnv>,
  bytes: Uint8Array,
  name: string,
  format: 'docx' | 'pdf',
) {
  c.header(
    'content-type',
    format === 'pdf'
      ? 'application/pdf'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  c.header('content-disposition', `attachment; filename="${name}"`);
  return c.body(new Uint8Array(bytes));
}
