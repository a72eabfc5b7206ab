import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { submitForm, type FormState } from '../http/form.js';
import { NotFoundError } from '../errors.js';
import type { AppContext } from '../context.js';
import { acceptInvite, acceptInviteAsNewUser, findOpenInvite } from './staff-invites.js';
import { InvitePage } from './views/invite-page.js';

/** The log-in page says why it is shown, and brings the person back to accept. */
const logInToAccept = (path: string) =>
  `/login?next=${encodeURIComponent(path)}&notice=agencies.invite.logInFirst`;

const appContext = (c: Context<AppEnv>, label: string): AppContext => {
  const user = c.get('user');
  return {
    db: c.get('database').db,
    actor: {
      userId: user?.id ?? null,
      label: user?.email ?? label,
      roles: [],
      isInstanceAdmin: user?.isInstanceAdmin ?? false,
    },
    locale: c.get('locale'),
    now: () => new Date(),
    requestId: c.get('requestId'),
  };
};

async function openInvite(c: Context<AppEnv>) {
  const token = c.req.param('token') ?? '';
  const open = await findOpenInvite(c.get('database').db, token, new Date());
  if (!open) throw new NotFoundError('agencies.invite.invalid');
  return { token, open };
}

/** The invitation page, after a refusal with its reason (409, 403 or 422 by submitForm). */
const invitePage = (
  c: Context<AppEnv>,
  invite: Awaited<ReturnType<typeof openInvite>>,
  form?: FormState,
) => (
  <InvitePage
    open={invite.open}
    token={invite.token}
    loggedInAs={c.get('user')?.email ?? null}
    errors={form?.errors}
    message={form?.message}
  />
);

/** `/invite/:token`: where an invited person accepts to join an agency's staff. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => c.render(invitePage(c, await openInvite(c))))
  .post('/:token', async (c) => {
    const invite = await openInvite(c);
    if (!c.get('user')) return c.redirect(logInToAccept(`/invite/${invite.token}`), 303);
    return submitForm(c, {
      schema: z.object({}),
      run: () => acceptInvite(appContext(c, invite.open.invite.email), invite.token),
      redirect: () => '/staff?notice=agencies.invite.joined',
      page: (form) => invitePage(c, invite, form),
    });
  })
  .post('/:token/new-account', async (c) => {
    const invite = await openInvite(c);
    return submitForm(c, {
      // The use case judges the password (its length rule and message live there).
      schema: z.object({ password: z.unknown().optional() }),
      run: ({ password }) =>
        acceptInviteAsNewUser(appContext(c, invite.open.invite.email), invite.token, {
          password: typeof password === 'string' ? password : '',
        }),
      redirect: () => '/login?next=%2Fstaff&notice=agencies.invite.accountCreated',
      page: (form) => invitePage(c, invite, form),
    });
  });
