import { Hono, type Context } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { requirePermission } from '../core/http/middleware.js';
import { NotFoundError } from '../core/errors.js';
import { scoped } from '../core/db/scoped.js';
import { sendStoredFile } from '../core/files/index.js';
import { isUuid } from '../core/validation/text.js';
import { listUnits } from '../core/agencies/units.js';
import {
  BUDDHIST_YEAR_MAX,
  BUDDHIST_YEAR_MIN,
  currentFiscalYear,
} from '../core/i18n/thai-format.js';
import { closeStep, CloseStepInput } from './close-step.js';
import { extendStep, ExtendStepInput } from './extend-step.js';
import { fileRequest, RequestForm } from './file-request.js';
import { HolidayInput, listHolidays, saveHoliday } from './holidays.js';
import { formFromManual, ManualFormFields, saveManualForm } from './manual-form.js';
import { allLeafletsPdf, publishLeaflet, PublishLeafletInput } from './publish-leaflet.js';
import { getRequest, getService, listOpenRequests, listServices } from './queries.js';
import { gatherDiscretionReport } from './report-data.js';
import { requestDocuments, RequestDocumentsInput } from './request-documents.js';
import { eserviceNotices, eserviceRequestFiles } from './schema.js';
import { takeRequest, TakeRequestInput } from './take-request.js';
import { DiscretionReportPage, HolidaysPage } from './views/calendar-report-pages.js';
import { ManualFormPage } from './views/manual-form-page.js';
import { ApiKeysPage } from './views/api-keys-page.js';
import { delayLetterModel } from './delay-letter.js';
import { renderDocumentToPdf } from '../core/documents/pdf.js';
import { StatisticsPage } from './views/statistics-page.js';
import { yearStatistics } from './service-statistics.js';
import { listApiKeys } from './api-keys.js';
import { issueApiKey, IssueApiKeyInput } from './issue-api-key.js';
import { revokeApiKey } from './revoke-api-key.js';
import { QueuePage, RequestWorkPage, ServicesAdminPage } from './views/staff-pages.js';

const db = (c: Context<AppEnv>) => c.get('ctx').db;
const agencyId = (c: Context<AppEnv>) => c.get('ctx').agencyId;
/** A uuid route parameter; anything else is a record that does not exist (404). */
function idParam(c: Context<AppEnv>, name = 'id'): string {
  const value = c.req.param(name);
  if (!isUuid(value)) throw new NotFoundError();
  return value;
}
function positionParam(c: Context<AppEnv>): number {
  const value = Number(c.req.param('position'));
  if (!Number.isInteger(value) || value < 0 || value > 100) throw new NotFoundError();
  return value;
}
const site = (c: Context<AppEnv>) => ({
  dataDir: c.get('config').dataDir,
  baseUrl: c.get('config').baseUrl ?? new URL(c.req.url).origin,
});

async function servicesPage(c: Context<AppEnv>, form: FormState) {
  const services = await listServices(db(c), agencyId(c));
  const openCounts = new Map<string, number>();
  for (const r of await listOpenRequests(db(c), agencyId(c))) {
    openCounts.set(r.serviceId, (openCounts.get(r.serviceId) ?? 0) + 1);
  }
  return <ServicesAdminPage services={services} openCounts={openCounts} form={form} />;
}

async function manualPage(c: Context<AppEnv>, form: FormState, serviceId?: string) {
  const action = serviceId
    ? `/staff/eservice/services/${serviceId}/edit`
    : '/staff/eservice/services/new';
  return (
    <ManualFormPage
      action={action}
      isNew={!serviceId}
      units={await listUnits(db(c), agencyId(c))}
      form={form}
    />
  );
}

async function queuePage(c: Context<AppEnv>, form: FormState, counterForm: FormState) {
  const { service, current } = await getService(db(c), agencyId(c), idParam(c));
  const open = await listOpenRequests(db(c), agencyId(c), service.id);
  return (
    <QueuePage
      service={service}
      manual={current.manual}
      open={open}
      form={form}
      counterForm={counterForm}
    />
  );
}

async function workPage(c: Context<AppEnv>, form: FormState) {
  const detail = await getRequest(db(c), agencyId(c), idParam(c));
  const notice = await scoped(db(c), agencyId(c)).find(
    eserviceNotices,
    and(eq(eserviceNotices.requestId, detail.request.id), eq(eserviceNotices.kind, 'delay'))!,
  );
  return <RequestWorkPage {...detail} form={form} hasDelayLetter={notice !== null} />;
}

async function holidaysPage(c: Context<AppEnv>, form: FormState) {
  const year = Number(c.req.query('year') ?? new Date().getFullYear());
  const ceYear =
    Number.isInteger(year) && year > 1900 && year < 2200 ? year : new Date().getFullYear();
  return (
    <HolidaysPage
      ceYear={ceYear}
      holidays={await listHolidays(db(c), agencyId(c), ceYear)}
      form={form}
    />
  );
}

async function apiKeysPage(
  c: Context<AppEnv>,
  form: FormState,
  issued?: { key: string; label: string },
) {
  const keys = await listApiKeys(db(c), agencyId(c));
  return <ApiKeysPage keys={keys} form={form} issued={issued} slug={c.get('agency')?.slug ?? ''} />;
}

/** `?year=` as a Buddhist-era fiscal year, the current one when absent; 404 when not a year. */
function yearQuery(c: Context<AppEnv>): number {
  const year = Number(c.req.query('year') ?? currentFiscalYear(new Date()));
  if (!Number.isInteger(year) || year < BUDDHIST_YEAR_MIN || year > BUDDHIST_YEAR_MAX) {
    throw new NotFoundError();
  }
  return year;
}

/** Back office of the e-service, mounted at /staff/eservice. */
export const eserviceStaffRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('eservice.work'), async (c) =>
    c.render(await servicesPage(c, FRESH_FORM)),
  )
  .get('/services/new', requirePermission('eservice.manage'), async (c) =>
    c.render(await manualPage(c, FRESH_FORM)),
  )
  .post('/services/new', requirePermission('eservice.manage'), (c) =>
    submitForm(c, {
      schema: ManualFormFields,
      run: (fields) => saveManualForm(c.get('ctx'), fields),
      redirect: (r) =>
        `/staff/eservice/services/${r.service.id}/edit?notice=eservice.staff.manualSaved`,
      page: (form) => manualPage(c, form),
    }),
  )
  .get('/services/:id/edit', requirePermission('eservice.manage'), async (c) => {
    const { service, current } = await getService(db(c), agencyId(c), idParam(c));
    return c.render(
      await manualPage(c, { ...FRESH_FORM, values: formFromManual(current.manual) }, service.id),
    );
  })
  .post('/services/:id/edit', requirePermission('eservice.manage'), async (c) => {
    const { service } = await getService(db(c), agencyId(c), idParam(c));
    return submitForm(c, {
      schema: ManualFormFields,
      run: (fields) => saveManualForm(c.get('ctx'), fields, service.id),
      redirect: () =>
        `/staff/eservice/services/${service.id}/edit?notice=eservice.staff.manualSaved`,
      page: (form) => manualPage(c, form, service.id),
    });
  })
  .post('/services/:id/leaflet', requirePermission('eservice.manage'), async (c) => {
    const { service } = await getService(db(c), agencyId(c), idParam(c));
    return submitForm(c, {
      schema: PublishLeafletInput,
      run: (input) => publishLeaflet(c.get('ctx'), service.id, input, site(c)),
      redirect: () => '/staff/eservice?notice=eservice.staff.leafletPublished',
      page: (form) => servicesPage(c, form),
    });
  })
  .get('/leaflets.pdf', requirePermission('eservice.work'), async (c) => {
    const pdf = await allLeafletsPdf(c.get('ctx'), site(c));
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf' });
  })
  .get('/services/:id/queue', requirePermission('eservice.work'), async (c) =>
    c.render(await queuePage(c, FRESH_FORM, FRESH_FORM)),
  )
  .post('/services/:id/take', requirePermission('eservice.work'), async (c) =>
    submitForm(c, {
      schema: TakeRequestInput,
      run: (input) => takeRequest(c.get('ctx'), idParam(c), input),
      redirect: (r) => `/staff/eservice/requests/${r.id}`,
      page: (form) => queuePage(c, form, FRESH_FORM),
    }),
  )
  .post('/services/:id/counter', requirePermission('eservice.work'), async (c) => {
    const { service } = await getService(db(c), agencyId(c), idParam(c));
    return submitForm(c, {
      schema: RequestForm,
      run: (form) =>
        fileRequest(c.get('ctx'), {
          serviceCode: service.code,
          form,
          attachments: [],
          channel: 'counter',
          dataDir: c.get('config').dataDir,
        }),
      redirect: () => `/staff/eservice/services/${service.id}/queue?notice=eservice.request.filed`,
      page: (form) => queuePage(c, FRESH_FORM, form),
    });
  })
  .get('/requests/:id', requirePermission('eservice.work'), async (c) =>
    c.render(await workPage(c, FRESH_FORM)),
  )
  .get('/requests/:id/files/:fileId', requirePermission('eservice.work'), async (c) => {
    const file = await scoped(db(c), agencyId(c)).get(
      eserviceRequestFiles,
      and(
        eq(eserviceRequestFiles.requestId, idParam(c)),
        eq(eserviceRequestFiles.id, idParam(c, 'fileId')),
      )!,
    );
    return sendStoredFile(c, {
      sha256: file.sha256,
      fileName: file.fileName,
      mediaType: file.mediaType,
    });
  })
  .post('/requests/:id/steps/:position/close', requirePermission('eservice.work'), async (c) =>
    submitForm(c, {
      schema: CloseStepInput,
      run: (input) => closeStep(c.get('ctx'), idParam(c), positionParam(c), input),
      redirect: () => `/staff/eservice/requests/${idParam(c)}`,
      page: (form) => workPage(c, form),
    }),
  )
  .post('/requests/:id/steps/:position/extend', requirePermission('eservice.work'), async (c) =>
    submitForm(c, {
      schema: ExtendStepInput,
      run: (input) => extendStep(c.get('ctx'), idParam(c), positionParam(c), input),
      redirect: () => `/staff/eservice/requests/${idParam(c)}`,
      page: (form) => workPage(c, form),
    }),
  )
  .post('/requests/:id/documents', requirePermission('eservice.work'), async (c) =>
    submitForm(c, {
      schema: RequestDocumentsInput,
      run: (input) => requestDocuments(c.get('ctx'), idParam(c), input),
      redirect: () => `/staff/eservice/requests/${idParam(c)}`,
      page: (form) => workPage(c, form),
    }),
  )
  .get('/requests/:id/delay-letter.pdf', requirePermission('eservice.work'), async (c) => {
    const model = await delayLetterModel(db(c), c.get('agency')!, idParam(c));
    return c.body(new Uint8Array(await renderDocumentToPdf(model)), 200, {
      'content-type': 'application/pdf',
      'cache-control': 'no-store',
    });
  })
  .get('/holidays', requirePermission('eservice.work'), async (c) =>
    c.render(await holidaysPage(c, FRESH_FORM)),
  )
  .post('/holidays', requirePermission('eservice.manage'), (c) =>
    submitForm(c, {
      schema: HolidayInput,
      run: (input) => saveHoliday(c.get('ctx'), input),
      redirect: () => '/staff/eservice/holidays',
      page: (form) => holidaysPage(c, form),
    }),
  )
  .get('/api-keys', requirePermission('eservice.manage'), async (c) =>
    c.render(await apiKeysPage(c, FRESH_FORM)),
  )
  .post('/api-keys', requirePermission('eservice.manage'), (c) =>
    submitForm(c, {
      schema: IssueApiKeyInput,
      run: (input) => issueApiKey(c.get('ctx'), input),
      // Not a redirect: the key exists only in this response (shown once, stored hashed).
      respond: async (r) => {
        c.header('cache-control', 'no-store');
        return c.render(await apiKeysPage(c, FRESH_FORM, { key: r.key, label: r.row.label }));
      },
      page: (form) => apiKeysPage(c, form),
    }),
  )
  .post('/api-keys/:id/revoke', requirePermission('eservice.manage'), (c) =>
    submitForm(c, {
      schema: z.object({}),
      run: () => revokeApiKey(c.get('ctx'), idParam(c)),
      redirect: () => '/staff/eservice/api-keys?notice=eservice.apiKeys.revoked',
      page: (form) => apiKeysPage(c, form),
    }),
  )
  .get('/statistics', requirePermission('eservice.work'), async (c) =>
    c.render(<StatisticsPage {...await yearStatistics(db(c), agencyId(c), yearQuery(c))} />),
  )
  .get('/report', requirePermission('eservice.report'), async (c) => {
    const year = yearQuery(c);
    return c.render(
      <DiscretionReportPage {...await gatherDiscretionReport(db(c), agencyId(c), year)} />,
    );
  });
