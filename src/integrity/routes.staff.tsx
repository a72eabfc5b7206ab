import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { NotFoundError } from '../core/errors.js';
import { can } from '../core/auth/permissions.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { normalizeTypedNumber } from '../core/validation/typed-number.js';
import {
  findOfficialDocument,
  hasEmblem,
  listOfficialDocuments,
  publishOfficialDocument,
  renderOfficialDocument,
  replaceOfficialDocument,
  setEmblem,
  signOfficialDocument,
  submitForReview,
  updateOfficialDocument,
} from '../core/official/index.js';
import { findTemplate, listTemplates } from './templates.js';
import { draftFromTemplate } from './draft-from-template.js';
import { DocumentEditForm, editValues } from './document-form.js';
import { loadDocumentView } from './queries.js';
import { riskRoutes } from './routes.risks.js';
import { measureRoutes } from './routes.measures.js';
import {
  DocumentPage,
  EditPage,
  EmblemPage,
  RegisterPage,
  TemplateFormPage,
} from './views/document-pages.js';

const BASE = '/staff/integrity/documents';
const Nothing = z.object({});

function yearOf(c: Context<AppEnv>): number {
  const year = Number(normalizeTypedNumber(c.req.query('year') ?? ''));
  return Number.isInteger(year) && year >= 2500 && year <= 2700
    ? year
    : currentFiscalYear(c.get('ctx').now());
}

async function documentPage(c: Context<AppEnv>, id: string, form: FormState = FRESH_FORM) {
  const view = await loadDocumentView(c.get('ctx'), id);
  const agency = c.get('agency')!;
  return <DocumentPage {...view} agencyName={agency.nameTh} agencySlug={agency.slug} form={form} />;
}

/** A POST that only moves a document on (submit, publish, replace): one use case, redirect. */
function step(run: (c: Context<AppEnv>, id: string) => Promise<{ id: string }>, notice: string) {
  return (c: Context<AppEnv>) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: Nothing,
      run: () => run(c, id),
      redirect: (doc) => `${BASE}/${doc.id}?notice=${notice}`,
      page: (form) => documentPage(c, id, form),
    });
  };
}

const templateOf = (c: Context<AppEnv>) => {
  const template = findTemplate(c.req.param('template') ?? '');
  if (!template) throw new NotFoundError();
  return template;
};

/** ประกาศและคำสั่ง: the register, drafting from templates, review, signature, publication. */
export const integrityStaffRoutes = new Hono<AppEnv>()
  .use(requirePermission('integrity.view'))
  .route('/risks', riskRoutes)
  .route('/', measureRoutes)
  .get('/documents', async (c) => {
    const ctx = c.get('ctx');
    const year = yearOf(c);
    return c.render(
      <RegisterPage
        year={year}
        docs={await listOfficialDocuments(ctx.db, ctx.agencyId, year)}
        templates={listTemplates()}
        canDraft={can(ctx.actor, 'integrity.draft')}
        hasEmblem={await hasEmblem(ctx.db, ctx.agencyId)}
      />,
    );
  })
  .get('/documents/new/:template', requirePermission('integrity.draft'), (c) =>
    c.render(
      <TemplateFormPage
        template={templateOf(c)}
        form={{ ...FRESH_FORM, values: { fiscalYear: yearOf(c), digits: 'thai' } }}
      />,
    ),
  )
  .post('/documents/new/:template', requirePermission('integrity.draft'), (c) =>
    submitForm(c, {
      schema: z.record(z.string(), z.unknown()),
      run: (data) => draftFromTemplate(c.get('ctx'), templateOf(c).key, data),
      redirect: (doc) => `${BASE}/${doc.id}?notice=integrity.document.drafted`,
      page: (form) => <TemplateFormPage template={templateOf(c)} form={form} />,
    }),
  )
  .get('/documents/:id', async (c) => c.render(await documentPage(c, uuidParam(c, 'id'))))
  .get('/documents/:id/edit', requirePermission('integrity.draft'), async (c) => {
    const ctx = c.get('ctx');
    const doc = await findOfficialDocument(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
    return c.render(<EditPage doc={doc} form={{ ...FRESH_FORM, values: editValues(doc) }} />);
  })
  .post('/documents/:id/edit', requirePermission('integrity.draft'), async (c) => {
    const ctx = c.get('ctx');
    const doc = await findOfficialDocument(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
    return submitForm(c, {
      schema: DocumentEditForm,
      run: (data) => updateOfficialDocument(ctx, doc.id, data),
      redirect: () => `${BASE}/${doc.id}?notice=integrity.document.saved`,
      page: (form) => <EditPage doc={doc} form={form} />,
    });
  })
  .post(
    '/documents/:id/submit',
    requirePermission('integrity.draft'),
    step((c, id) => submitForReview(c.get('ctx'), id), 'integrity.document.submitted'),
  )
  .post('/documents/:id/sign', requirePermission('integrity.sign'), (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.object({ number: z.string().max(20).optional() }),
      run: (data) =>
        signOfficialDocument(c.get('ctx'), id, {
          number: normalizeTypedNumber(data.number) as string,
        }),
      redirect: () => `${BASE}/${id}?notice=integrity.document.signed`,
      page: (form) => documentPage(c, id, form),
    });
  })
  .post(
    '/documents/:id/publish',
    requirePermission('integrity.publish'),
    step(
      (c, id) => publishOfficialDocument(c.get('ctx'), id, { dataDir: c.get('config').dataDir }),
      'integrity.document.published',
    ),
  )
  .post(
    '/documents/:id/replace',
    requirePermission('integrity.draft'),
    step(
      (c, id) => replaceOfficialDocument(c.get('ctx'), id),
      'integrity.document.replacementDrafted',
    ),
  )
  .get('/documents/:id/:file', async (c) => {
    const match = /^preview\.(pdf|docx)$/.exec(c.req.param('file'));
    if (!match) throw new NotFoundError();
    const ctx = c.get('ctx');
    const doc = await findOfficialDocument(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
    const format = match[1] as 'pdf' | 'docx';
    const bytes = await renderOfficialDocument(ctx.db, doc, format, {
      dataDir: c.get('config').dataDir,
    });
    c.header('content-type', format === 'pdf' ? 'application/pdf' : DOCX_TYPE);
    c.header('content-disposition', `attachment; filename="official-${doc.id}.${format}"`);
    c.header('cache-control', 'private, no-store');
    return c.body(new Uint8Array(bytes));
  })
  .get('/emblem', requirePermission('integrity.publish'), async (c) => {
    const ctx = c.get('ctx');
    return c.render(
      <EmblemPage hasEmblem={await hasEmblem(ctx.db, ctx.agencyId)} form={FRESH_FORM} />,
    );
  })
  .post('/emblem', requirePermission('integrity.publish'), async (c) => {
    const ctx = c.get('ctx');
    const present = await hasEmblem(ctx.db, ctx.agencyId);
    return submitForm(c, {
      schema: z.object({ emblem: z.unknown() }),
      run: async (data) =>
        setEmblem(
          ctx,
          data.emblem instanceof File
            ? new Uint8Array(await data.emblem.arrayBuffer())
            : new Uint8Array(),
          { dataDir: c.get('config').dataDir },
        ),
      redirect: () => '/staff/integrity/emblem?notice=integrity.emblemPage.saved',
      page: (form) => <EmblemPage hasEmblem={present} form={form} />,
    });
  });

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
