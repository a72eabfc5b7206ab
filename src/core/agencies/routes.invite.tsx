import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { Layout } from '../http/layout.js';
import { formFields } from '../http/middleware.js';
import {
  ErrorSummary,
  PageHeader,
  PostForm,
  TextField,
  useT,
  type FieldErrors,
} from '../http/ui.js';
import { AppError, NotFoundError } from '../errors.js';
import type { AppContext } from '../context.js';
import { acceptInvite, acceptInviteAsNewUser, findOpenInvite } from './staff-invites.js';

type OpenInvite = NonNullable<Awaited<ReturnType<typeof findOpenInvite>>>;

/** The log-in page says why it is shown, and brings the person back to accept. */
const logInToAccept = (path: string) =>
  `/login?next=${encodeURIComponent(path)}&notice=agencies.invite.logInFirst`;

/** The invitation page: accept while logged in, log in first, or set a first password. */
function InvitePage(props: {
  open: OpenInvite;
  token: string;
  loggedInAs: string | null;
  errors?: FieldErrors;
  message?: string;
}) {
  const t = useT();
  const path = `/invite/${props.token}`;
  return (
    <Layout title={t('agencies.invite.title')}>
      <PageHeader
        title={t('agencies.invite.title')}
        lead={t('agencies.invite.lead', {
          agency: props.open.agencyNameTh,
          email: props.open.invite.email,
        })}
      />
      <ErrorSummary errors={props.errors} message={props.message} />
      {props.loggedInAs ? (
        <PostForm action={path} class="card">
          <p>{t('agencies.invite.loggedInAs', { email: props.loggedInAs })}</p>
          <button type="submit">{t('agencies.invite.accept')}</button>
        </PostForm>
      ) : (
        <>
          <p class="card">
            <a href={logInToAccept(path)}>{t('agencies.invite.logInToAccept')}</a>
          </p>
          <PostForm action={`${path}/new-account`} class="card">
            <h2>{t('agencies.invite.newAccount')}</h2>
            <TextField
              name="password"
              label="agencies.staff.password"
              type="password"
              hint="agencies.invite.passwordHint"
              autocomplete="new-password"
              required
              errors={props.errors}
            />
            <button type="submit">{t('agencies.invite.acceptWithPassword')}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

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

/** A refused acceptance comes back as the same page with the reason (409, 403 or 422). */
async function refused(c: Context<AppEnv>, error: unknown, token: string, open: OpenInvite) {
  if (!(error instanceof AppError) || !['CONFLICT', 'FORBIDDEN', 'VALIDATION'].includes(error.code))
    throw error;
  c.status(error.code === 'CONFLICT' ? 409 : error.code === 'FORBIDDEN' ? 403 : 422);
  return c.render(
    <InvitePage
      open={open}
      token={token}
      loggedInAs={c.get('user')?.email ?? null}
      errors={(error.details.fieldErrors as FieldErrors | undefined) ?? {}}
      message={error.messageKey}
    />,
  );
}

/** `/invite/:token`: where an invited person accepts to join an agency's staff. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const { token, open } = await openInvite(c);
    return c.render(
      <InvitePage open={open} token={token} loggedInAs={c.get('user')?.email ?? null} />,
    );
  })
  .post('/:token', async (c) => {
    const { token, open } = await openInvite(c);
    if (!c.get('user')) return c.redirect(logInToAccept(`/invite/${token}`), 303);
    try {
      await acceptInvite(appContext(c, open.invite.email), token);
    } catch (error) {
      return refused(c, error, token, open);
    }
    return c.redirect('/staff?notice=agencies.invite.joined', 303);
  })
  .post('/:token/new-account', async (c) => {
    const { token, open } = await openInvite(c);
    const body = await formFields(c);
    try {
      await acceptInviteAsNewUser(appContext(c, open.invite.email), token, {
        password: typeof body.password === 'string' ? body.password : '',
      });
    } catch (error) {
      return refused(c, error, token, open);
    }
    return c.redirect('/login?next=%2Fstaff&notice=agencies.invite.accountCreated', 303);
  });
