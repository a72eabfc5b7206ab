import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { can } from '../core/auth/permissions.js';
import { listUnits } from '../core/agencies/units.js';
import { ValidationError } from '../core/errors.js';
import { scoped } from '../core/db/scoped.js';
import { sendStoredFile } from '../core/files/index.js';
import {
  getActionDetail,
  getEvidenceFile,
  getMeasure,
  listMeasuresOfYear,
  listMyActions,
  listPendingProgress,
  listStaffChoices,
  findPlanSource,
  openingPlanYear,
} from './queries.js';
import { createPlanFromAnalysis } from './create-plan-from-analysis.js';
import { createMeasure, FiscalYear, MeasureInput } from './create-measure.js';
import { addAction } from './add-action.js';
import { ActionForm } from './check-action-input.js';
import { updateAction, UpdateActionInput } from './update-action.js';
import { deleteAction } from './delete-action.js';
import { progressFromForm, ProgressForm, recordProgress } from './record-progress.js';
import { reviewProgress, ReviewForm, type ReviewInput } from './review-progress.js';
import { carryOverMeasures } from './carry-over-measures.js';
import { renderTimelineSvg } from './render-timeline.js';
import { renderMeasuresReport } from './build-measures-report.js';
import { publishMeasuresReports } from './publish-measures-reports.js';
import { bangkokToday } from './fiscal-dates.js';
import { actions, progressUpdates } from './schema.js';
import { BASE, type StepChoices } from './views/action-parts.js';
import { BoardPage, MinePage, NewMeasurePage, TimelinePage } from './views/board-pages.js';
import { MeasurePage } from './views/measure-page.js';
import { ActionPage, EditActionPage } from './views/action-pages.js';

/** ?year= when given; else the plan its staff are carrying out or about to make (queries.ts). */
async function yearOf(c: Context<AppEnv>): Promise<number> {
  const ctx = c.get('ctx');
  const parsed = FiscalYear.safeParse(
    c.req.query('year') ?? (await openingPlanYear(ctx.db, ctx.agencyId, ctx.now())),
  );
  if (!parsed.success) throw new ValidationError('measures.errors.badYear');
  return parsed.data;
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

const YearForm = z.object({ fiscalYear: FiscalYear });

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
  forms: Pick<Parameters<typeof ActionPage>[0], 'progressForm' | 'reviewForm' | 'deleteForm'> = {},
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

/** The agency's units and staff, as a step's selects list them. */
async function choices(c: Context<AppEnv>): Promise<StepChoices> {
  const { db, agencyId } = c.get('ctx');
  return {
    units: (await listUnits(db, agencyId)).map((u) => ({ value: u.id, label: u.nameTh })),
    people: (await listStaffChoices(db, agencyId)).map((p) => ({ value: p.id, label: p.name })),
  };
}

/** The year's measures in plan order and its timeline SVG (the page and the .svg share it). */
async function timelineOf(c: Context<AppEnv>) {
  const ctx = c.get('ctx');
  const year = await yearOf(c);
  const today = bangkokToday(ctx.now());
  const list = await listMeasuresOfYear(ctx.db, ctx.agencyId, year, today);
  list.sort((a, b) => a.sortOrder - b.sortOrder);
  return { year, svg: renderTimelineSvg(list, year, { today, includeActions: true }) };
}

/** `plan.docx`, `progress-report.pdf`, … of a fiscal year, or 422. */
function reportFileOf(c: Context<AppEnv>) {
  const year = FiscalYear.safeParse(c.req.param('year'));
  const match = /^(plan|progress-report)\.(docx|pdf)$/.exec(c.req.param('file') ?? '');
  if (!year.success || !match) throw new ValidationError('measures.errors.badYear');
  return {
    year: year.data,
    kind: match[1] as 'plan' | 'progress-report',
    format: match[2] as 'docx' | 'pdf',
  };
}

/** Back office: the board, my actions, progress with evidence, approval, timeline, reports. */
export const measuresStaffRoutes = new Hono<AppEnv>()
  .use(requirePermission('measures.view'))
  .get('/', async (c) => c.render(await boardPage(c, await yearOf(c))))
  .get('/mine', async (c) => {
    const ctx = c.get('ctx');
    const today = bangkokToday(ctx.now());
    const list = await listMyActions(ctx.db, ctx.agencyId, ctx.actor.userId ?? '', today);
    return c.render(<MinePage list={list} />);
  })
  .get('/timeline', async (c) => {
    const { year, svg } = await timelineOf(c);
    const title = c.get('t')('measures.timeline.title', { year });
    return c.render(<TimelinePage title={title} year={year} svg={raw(svg)} />);
  })
  .get('/timeline.svg', async (c) => {
    c.header('content-type', 'image/svg+xml; charset=utf-8');
    return c.body((await timelineOf(c)).svg);
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
    const { year, kind, format } = reportFileOf(c);
    const ctx = c.get('ctx');
    const bytes = await renderMeasuresReport(ctx.db, ctx.agencyId, year, kind, format, ctx.now());
    return reportResponse(c, bytes, `measures-${kind}-${year}.${format}`, format);
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
    const id = uuidParam(c, 'id');
    // The confirmation is checked on the server too (a browser without JavaScript or without
    // `required` cannot delete a step by one stray click), by the use case after it found the
    // step, so another agency's step is "not found" before anything else.
    return submitForm(c, {
      schema: z.object({ confirm: z.string().optional() }),
      run: (input) => deleteAction(c.get('ctx'), id, { confirmed: input.confirm === 'yes' }),
      redirect: ({ outcome, measureId }) =>
        outcome === 'deleted'
          ? `${BASE}/${measureId}?notice=measures.notices.actionDeleted`
          : `${BASE}/actions/${id}?notice=measures.notices.actionCancelled`,
      page: (deleteForm) => actionPage(c, id, { deleteForm }),
    });
  })
  .post('/actions/:id/progress', requirePermission('measures.report'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: ProgressForm,
      run: async (form) => {
        const { input, uploads } = await progressFromForm(form);
        return recordProgress(c.get('ctx'), id, input, uploads, c.get('config'));
      },
      redirect: () => `${BASE}/actions/${id}?notice=measures.progress.submitted`,
      page: (progressForm) => actionPage(c, id, { progressForm }),
    });
  })
  .post('/progress/:id/review', requirePermission('measures.approve'), async (c) => {
    const id = uuidParam(c, 'id');
    // The use case looks the update up first (404 for another agency's), then validates.
    return submitForm(c, {
      schema: ReviewForm,
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
      schema: ActionForm,
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
