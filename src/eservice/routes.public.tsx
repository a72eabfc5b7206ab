import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { FRESH_FORM, submitForm } from '../core/http/form.js';
import { formFields } from '../core/http/middleware.js';
import { clientAddress } from '../core/http/client-address.js';
import { NotFoundError } from '../core/errors.js';
import { sendStoredFile, UPLOAD_TYPES } from '../core/files/index.js';
import { SYSTEM_ACTOR, type AgencyContext } from '../core/context.js';
import { listUnits } from '../core/agencies/units.js';
import { getServiceByCode, listServices } from './queries.js';
import { attachmentsOf, fileRequest, RequestForm } from './file-request.js';
import { trackRequest } from './track-request.js';
import { eserviceOpen311Routes } from './routes.open311.js';
import { answerSatisfaction, SatisfactionInput } from './answer-satisfaction.js';
import { SatisfactionPage } from './views/satisfaction-page.js';
import { ManualPage, ServicesPage, TrackBox } from './views/public-pages.js';
import { RequestFormPage, StatusPage } from './views/request-pages.js';
import { Layout } from '../core/http/layout.js';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN } from '../core/i18n/thai-format.js';
import { yearStatistics } from './service-statistics.js';
import { StatisticsPage } from './views/statistics-page.js';

/** A citizen's request acts for nobody: the audit records the channel, not a person. */
function citizenContext(c: Context<AppEnv>): AgencyContext {
  return {
    db: c.get('database').db,
    agencyId: c.get('publicAgency').id,
    actor: { ...SYSTEM_ACTOR, label: 'citizen', isInstanceAdmin: false },
    locale: c.get('locale'),
    now: () => new Date(),
    requestId: c.get('requestId'),
  };
}

async function serviceOf(c: Context<AppEnv>) {
  return getServiceByCode(
    c.get('database').db,
    c.get('publicAgency').id,
    c.req.param('code') ?? '',
  );
}

async function unitNamer(c: Context<AppEnv>) {
  const units = await listUnits(c.get('database').db, c.get('publicAgency').id);
  return (id: string | null) =>
    units.find((u) => u.id === id)?.nameTh ?? c.get('publicAgency').nameTh;
}

/** The request of the path's tracking code (misses count against the visitor's limit). */
function trackedRequest(c: Context<AppEnv>) {
  return trackRequest(
    c.get('database').db,
    c.get('publicAgency').id,
    c.req.param('code') ?? '',
    clientAddress(c),
  );
}

/** The leaflet a staff member published for the current revision; never rendered here. */
async function leaflet(c: Context<AppEnv>, format: 'pdf' | 'docx') {
  const { service, current } = await serviceOf(c);
  const sha256 = format === 'pdf' ? current.leafletPdfSha256 : current.leafletDocxSha256;
  if (!sha256) throw new NotFoundError();
  return sendStoredFile(c, {
    sha256,
    fileName: `${service.code}-leaflet.${format}`,
    mediaType: UPLOAD_TYPES[format].mediaType,
  });
}

/** Citizen pages of the e-service, mounted at /a/:slug (no JavaScript, phone first). */
export const eservicePublicRoutes = new Hono<AppEnv>()
  .get('/services', async (c) =>
    c.render(
      <ServicesPage
        services={await listServices(c.get('database').db, c.get('publicAgency').id)}
      />,
    ),
  )
  .get('/services/:code', async (c) => {
    const { service, current, revisions } = await serviceOf(c);
    const previous = revisions.find((r) => r.revision === current.revision - 1);
    return c.render(
      <ManualPage
        service={service}
        current={current}
        previous={previous}
        unitName={await unitNamer(c)}
      />,
    );
  })
  .get('/services/:code/leaflet.pdf', (c) => leaflet(c, 'pdf'))
  .get('/services/:code/leaflet.docx', (c) => leaflet(c, 'docx'))
  .get('/services/:code/request', async (c) => {
    const { service, current } = await serviceOf(c);
    if (!current.manual.isOnline) throw new NotFoundError('eservice.errors.notOnline');
    return c.render(
      <RequestFormPage service={service} manual={current.manual} form={FRESH_FORM} />,
    );
  })
  .post('/services/:code/request', async (c) => {
    const { service, current } = await serviceOf(c);
    return submitForm(c, {
      schema: RequestForm,
      run: async (form) =>
        fileRequest(citizenContext(c), {
          serviceCode: service.code,
          form,
          attachments: await attachmentsOf(await formFields(c, { all: true })),
          channel: 'online',
          dataDir: c.get('config').dataDir,
        }),
      redirect: (r) =>
        `/a/${c.get('publicAgency').slug}/track/${r.trackingCode}?notice=eservice.request.filed`,
      page: (form) => <RequestFormPage service={service} manual={current.manual} form={form} />,
    });
  })
  .get('/service-statistics/:year', async (c) => {
    const year = Number(c.req.param('year'));
    if (!Number.isInteger(year) || year < BUDDHIST_YEAR_MIN || year > BUDDHIST_YEAR_MAX) {
      throw new NotFoundError();
    }
    const stats = await yearStatistics(c.get('database').db, c.get('publicAgency').id, year);
    return c.render(<StatisticsPage {...stats} />);
  })
  .route('/open311/v2', eserviceOpen311Routes)
  .get('/track', (c) => {
    const code = c.req.query('code');
    if (!code)
      return c.render(
        <Layout>
          <TrackBox />
        </Layout>,
      );
    return c.redirect(
      `/a/${c.get('publicAgency').slug}/track/${encodeURIComponent(code.trim())}`,
      303,
    );
  })
  .get('/track/:code/survey', async (c) => {
    const { request } = await trackedRequest(c);
    if (request.status !== 'completed' || request.satisfactionAnsweredAt) {
      throw new NotFoundError('eservice.errors.surveyClosed');
    }
    return c.render(<SatisfactionPage trackingCode={request.trackingCode} form={FRESH_FORM} />);
  })
  .post('/track/:code/survey', async (c) => {
    const { request } = await trackedRequest(c);
    return submitForm(c, {
      schema: SatisfactionInput,
      run: (input) => answerSatisfaction(citizenContext(c), request.id, input),
      redirect: () =>
        `/a/${c.get('publicAgency').slug}/track/${request.trackingCode}?notice=eservice.survey.thanks`,
      page: (form) => <SatisfactionPage trackingCode={request.trackingCode} form={form} />,
    });
  })
  .get('/track/:code', async (c) => {
    const found = await trackRequest(
      c.get('database').db,
      c.get('publicAgency').id,
      c.req.param('code'),
      clientAddress(c),
    );
    c.header('cache-control', 'no-store');
    return c.render(<StatusPage {...found} now={new Date()} />);
  });
