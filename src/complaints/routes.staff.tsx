import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { formFields, setLateHeader } from '../core/http/middleware.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { sendStoredFile } from '../core/files/index.js';
import { COMPLAINT_KINDS, COMMITTEE_ROLES, type ComplaintKind } from './schema.js';
import { StaffComplaintInput } from './complaint-input.js';
import { fileComplaint } from './file-complaint.js';
import { getComplaintFile, listComplaints } from './queries.js';
import { takeStep, StepInput } from './take-step.js';
import { addNote, NoteInput } from './add-note.js';
import { MessageInput, sendMessageToComplainant } from './send-message.js';
import { AccusedInput, markAccused } from './mark-accused.js';
import { readIdentity } from './read-identity.js';
import { addCommitteeMember, removeCommitteeMember } from './committee.js';
import { DeadlinesInput, OrderInput, updateCommitteeOrder, updateDeadlines } from './settings.js';
import { loadCasePage, loadCommitteePage } from './case-page-data.js';
import { CommitteeOrderInput, draftCommitteeOrder } from './draft-committee-order.js';
import { uploadsOf } from './uploads.js';
import { bangkokDay } from './dates.js';
import { NewCasePage, QueuePage, STAFF_BASE, StaffReceiptPage } from './views/staff-queue.js';
import { CasePage } from './views/case-page.js';
import { CommitteePage } from './views/committee-page.js';

const read = requirePermission('complaints.read');
const work = requirePermission('complaints.work');
const manage = requirePermission('complaints.committee');
const MemberInput = z.object({
  userId: z.string().uuid({ error: 'form.badChoice' }),
  role: z.enum(COMMITTEE_ROLES, { error: 'complaints.errors.role' }),
});

/** A case page again after a refused form, with that form's text and messages. */
const caseAgain =
  (c: Context<AppEnv>, form: 'step' | 'note' | 'message' | 'accused') =>
  async (state: FormState) => (
    <CasePage {...await loadCasePage(c.get('ctx'), uuidParam(c, 'id'))} refused={{ form, state }} />
  );
const committeeAgain =
  (c: Context<AppEnv>, form: 'member' | 'order' | 'deadlines' | 'document') =>
  async (state: FormState) => (
    <CommitteePage {...await loadCommitteePage(c.get('ctx'))} refused={{ form, state }} />
  );
const toCase = (c: Context<AppEnv>, notice: string) => () =>
  `${STAFF_BASE}/${uuidParam(c, 'id')}?notice=${notice}`;
const toCommittee = (notice: string) => () => `${STAFF_BASE}/committee?notice=${notice}`;

/** The complaint centre's back office (/staff/complaints): queues, cases, the committee. */
export const complaintsStaffRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    await next();
    // Case pages may show a complainant's identity: never stored by a browser or proxy.
    setLateHeader(c, 'Cache-Control', 'no-store');
  })
  .get('/', read, async (c) => {
    const kind = (COMPLAINT_KINDS as readonly string[]).includes(c.req.query('kind') ?? '')
      ? (c.req.query('kind') as ComplaintKind)
      : undefined;
    const ctx = c.get('ctx');
    const list = await listComplaints(ctx.db, ctx.agencyId, ctx.actor, { kind });
    return c.render(<QueuePage list={list} kind={kind} today={bangkokDay(ctx.now())} />);
  })
  .get('/new', work, (c) => c.render(<NewCasePage form={FRESH_FORM} />))
  .post('/new', work, (c) => {
    const ctx = c.get('ctx');
    return submitForm(c, {
      schema: StaffComplaintInput,
      run: async (data) =>
        fileComplaint(
          {
            db: ctx.db,
            agencyId: ctx.agencyId,
            dataDir: c.get('config').dataDir,
            now: ctx.now(),
            channel: data.channel,
            channelReference: data.channelReference,
            actor: ctx.actor,
            requestId: c.get('requestId'),
          },
          data,
          await uploadsOf(await formFields(c, { all: true }), 'files'),
        ),
      page: (form) => <NewCasePage form={form} />,
      respond: (r) =>
        c.render(<StaffReceiptPage id={r.id} caseNumber={r.caseNumber} receipt={r.receipt} />),
    });
  })
  .get('/committee', manage, async (c) =>
    c.render(<CommitteePage {...await loadCommitteePage(c.get('ctx'))} />),
  )
  .post('/committee', manage, (c) =>
    submitForm(c, {
      schema: MemberInput,
      run: (data) => addCommitteeMember(c.get('ctx'), data),
      page: committeeAgain(c, 'member'),
      redirect: toCommittee('complaints.staff.memberAdded'),
    }),
  )
  .post('/committee/order', manage, (c) =>
    submitForm(c, {
      schema: OrderInput,
      run: (data) => updateCommitteeOrder(c.get('ctx'), data),
      page: committeeAgain(c, 'order'),
      redirect: toCommittee('complaints.staff.orderSaved'),
    }),
  )
  .post('/committee/order-document', manage, (c) =>
    submitForm(c, {
      schema: CommitteeOrderInput,
      run: (data) => draftCommitteeOrder(c.get('ctx'), data),
      page: committeeAgain(c, 'document'),
      // The draft is signed (and numbered) and published in the register of official documents.
      redirect: (doc) =>
        `/staff/integrity/documents/${doc.id}?notice=complaints.staff.orderDrafted`,
    }),
  )
  .post('/committee/deadlines', manage, (c) =>
    submitForm(c, {
      schema: DeadlinesInput,
      run: (data) => updateDeadlines(c.get('ctx'), data),
      page: committeeAgain(c, 'deadlines'),
      redirect: toCommittee('complaints.staff.deadlinesSaved'),
    }),
  )
  .post('/committee/:userId/remove', manage, async (c) => {
    await removeCommitteeMember(c.get('ctx'), uuidParam(c, 'userId'));
    return c.redirect(toCommittee('complaints.staff.memberRemoved')(), 303);
  })
  .get('/:id', read, async (c) =>
    c.render(<CasePage {...await loadCasePage(c.get('ctx'), uuidParam(c, 'id'))} />),
  )
  .post('/:id/identity', read, async (c) => {
    const id = uuidParam(c, 'id');
    const identity = await readIdentity(c.get('ctx'), id);
    return c.render(<CasePage {...await loadCasePage(c.get('ctx'), id)} identity={identity} />);
  })
  .post('/:id/step', work, (c) =>
    submitForm(c, {
      schema: StepInput,
      run: (data) => takeStep(c.get('ctx'), uuidParam(c, 'id'), data),
      page: caseAgain(c, 'step'),
      redirect: toCase(c, 'complaints.staff.stepTaken'),
    }),
  )
  .post('/:id/notes', work, (c) =>
    submitForm(c, {
      schema: NoteInput,
      run: (data) => addNote(c.get('ctx'), uuidParam(c, 'id'), data),
      page: caseAgain(c, 'note'),
      redirect: toCase(c, 'complaints.staff.noteAdded'),
    }),
  )
  .post('/:id/messages', work, (c) =>
    submitForm(c, {
      schema: MessageInput,
      run: (data) => sendMessageToComplainant(c.get('ctx'), uuidParam(c, 'id'), data),
      page: caseAgain(c, 'message'),
      redirect: toCase(c, 'complaints.staff.messageSent'),
    }),
  )
  .post('/:id/accused', work, (c) =>
    submitForm(c, {
      schema: AccusedInput,
      run: (data) => markAccused(c.get('ctx'), uuidParam(c, 'id'), data),
      page: caseAgain(c, 'accused'),
      redirect: () => `${STAFF_BASE}?notice=complaints.staff.accusedMarked`,
    }),
  )
  .get('/:id/files/:fileId', read, async (c) => {
    const ctx = c.get('ctx');
    const file = await getComplaintFile(
      ctx.db,
      ctx.agencyId,
      ctx.actor,
      uuidParam(c, 'id'),
      uuidParam(c, 'fileId'),
    );
    return sendStoredFile(
      c,
      { sha256: file.sha256, fileName: file.fileName, mediaType: file.mediaType },
      { disposition: 'attachment', cacheControl: 'private, no-store' },
    );
  });
