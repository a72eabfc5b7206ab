import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { clientAddress } from '../core/http/client-address.js';
import { formFields, setLateHeader } from '../core/http/middleware.js';
import { FRESH_FORM, renderFormAgain, submitForm } from '../core/http/form.js';
import { NotFoundError } from '../core/errors.js';
import { requiredText } from '../core/validation/text.js';
import { COMPLAINT_KINDS, type ComplaintKind } from './schema.js';
import { ComplaintInput } from './complaint-input.js';
import { fileComplaint } from './file-complaint.js';
import { findCaseByReceipt } from './queries.js';
import { MessageInput, postMessageByReceipt } from './send-message.js';
import { findDeadlines } from './settings.js';
import { countPublicAttempt } from './flood-control.js';
import { uploadsOf } from './uploads.js';
import { bangkokDay } from './dates.js';
import {
  FilingPage,
  FollowedCasePage,
  FollowPage,
  ProcessPage,
  ReceiptPage,
} from './views/public-pages.js';
import { StatisticsPage } from './views/statistics-page.js';
import { StatisticsQuery, complaintStatistics } from './statistics.js';
import { acceptWebhookTicket, WebhookTicket } from './accept-webhook-ticket.js';

const ReceiptInput = z.object({ receipt: requiredText(60) });

function kindParam(c: Context<AppEnv>): ComplaintKind {
  const kind = c.req.param('kind');
  if (!(COMPLAINT_KINDS as readonly string[]).includes(kind ?? '')) throw new NotFoundError();
  return kind as ComplaintKind;
}

const count = (c: Context<AppEnv>) =>
  countPublicAttempt(c.get('database'), clientAddress(c), new Date());

/**
 * Citizen pages of the complaint centre (/a/<slug>/complaints). No account, no JavaScript;
 * nothing here is cached (each page carries a CSRF token, a receipt or a case) and nothing
 * about the visitor is kept: the address only feeds the keyed-hash flood control.
 */
export const complaintsPublicRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    await next();
    setLateHeader(c, 'Cache-Control', 'no-store');
    setLateHeader(c, 'Referrer-Policy', 'no-referrer');
  })
  .get('/', async (c) => {
    const deadlines = await findDeadlines(c.get('database').db, c.get('publicAgency').id);
    return c.render(<ProcessPage deadlines={deadlines} />);
  })
  .get('/statistics', async (c) => {
    const query = StatisticsQuery.parse({
      year: c.req.query('year'),
      period: c.req.query('period'),
    });
    const stats = await complaintStatistics(
      c.get('database').db,
      c.get('publicAgency').id,
      query,
      new Date(),
    );
    return c.render(<StatisticsPage stats={stats} />);
  })
  .get('/new/:kind', (c) => c.render(<FilingPage kind={kindParam(c)} form={FRESH_FORM} />))
  .post('/new/:kind', async (c) => {
    const kind = kindParam(c);
    await count(c);
    const now = new Date();
    return submitForm(c, {
      // The kind is the page's (a separate form per kind, O28), whatever the body says.
      schema: z.preprocess((v) => ({ ...(v as object), kind }), ComplaintInput),
      run: async (data) =>
        fileComplaint(
          {
            db: c.get('database').db,
            agencyId: c.get('publicAgency').id,
            dataDir: c.get('config').dataDir,
            now,
            channel: 'web',
          },
          data,
          await uploadsOf(await formFields(c, { all: true }), 'files'),
        ),
      page: (form) => <FilingPage kind={kind} form={form} />,
      respond: (r) =>
        c.render(
          <ReceiptPage
            receipt={r.receipt}
            caseNumber={r.caseNumber}
            receivedOn={bangkokDay(now)}
          />,
        ),
    });
  })
  // Traffy-style intake (server to server, bearer token; no CSRF cookie, see middleware.ts csrf).
  .post('/webhook/traffy', async (c) => {
    const token = (c.req.header('authorization') ?? '').replace(/^Bearer /, '');
    const ticket = WebhookTicket.safeParse(await c.req.json().catch(() => null));
    if (!ticket.success) {
      const fields = ticket.error.issues.map((i) => i.path.join('.'));
      return c.json({ error: c.get('t')('complaints.errors.webhookTicket'), fields }, 422);
    }
    const options = { dataDir: c.get('config').dataDir, now: new Date() };
    const result = await acceptWebhookTicket(
      c.get('database').db,
      c.get('publicAgency').id,
      token,
      ticket.data,
      options,
    );
    return c.json(
      { case_number: result.caseNumber, status: result.status, duplicate: !result.isNew },
      result.isNew ? 201 : 200,
    );
  })
  .get('/follow', (c) => c.render(<FollowPage form={FRESH_FORM} />))
  .post('/follow', async (c) => {
    await count(c);
    return submitForm(c, {
      schema: ReceiptInput,
      run: (data) => followOrRefuse(c, data.receipt),
      page: (form) => <FollowPage form={form} />,
      respond: (r) => r,
    });
  })
  .post('/follow/message', async (c) => {
    await count(c);
    const body = await formFields(c);
    const receipt = typeof body.receipt === 'string' ? body.receipt : '';
    return submitForm(c, {
      schema: MessageInput,
      run: async (data) => {
        await postMessageByReceipt(
          c.get('database').db,
          c.get('publicAgency').id,
          receipt,
          data,
          new Date(),
        );
        return followOrRefuse(c, receipt, 'complaints.public.messageSent');
      },
      page: async (form) => {
        const found = await findCaseByReceipt(
          c.get('database').db,
          c.get('publicAgency').id,
          receipt,
        );
        if (!found) throw new NotFoundError('complaints.errors.receiptNotFound');
        return <FollowedCasePage found={found} receipt={receipt} form={form} />;
      },
      respond: (r) => r,
    });
  });

/** The case page of a receipt, or the follow form again with a 404 and the reason. */
async function followOrRefuse(
  c: Context<AppEnv>,
  receipt: string,
  notice?: string,
): Promise<Response> {
  const found = await findCaseByReceipt(c.get('database').db, c.get('publicAgency').id, receipt);
  if (!found) {
    return renderFormAgain(
      c,
      404 as never,
      {
        values: { receipt },
        errors: { receipt: 'complaints.errors.receiptNotFound' },
        chosenFiles: {},
      },
      (form) => <FollowPage form={form} />,
    );
  }
  return c.render(
    <FollowedCasePage
      found={found}
      receipt={receipt}
      form={FRESH_FORM}
      {...(notice ? { notice } : {})}
    />,
  );
}
