import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { clientAddress } from '../http/client-address.js';
import { submitForm } from '../http/form.js';
import { ForgotPasswordPage, ResetPasswordPage } from './views/password-reset-pages.js';
import { isMailConfigured, sendMail } from '../mail/index.js';
import type { AppContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { RequestPasswordResetInput, requestPasswordReset } from './request-password-reset.js';
import { isResetTokenUsable, resetPassword, ResetPasswordInput } from './reset-password.js';

const anonymousContext = (c: Context<AppEnv>): AppContext => ({
  db: c.get('database').db,
  actor: { userId: null, label: 'anonymous', roles: [], isInstanceAdmin: false },
  locale: c.get('locale'),
  now: () => new Date(),
  requestId: c.get('requestId'),
});

/** resetPassword refuses a spent, expired or unknown token as invalid input; anything else fails. */
function isSpentLink(error: unknown): false {
  if (error instanceof ValidationError) return false;
  throw error;
}

/** A reset mail that could not be sent: logged with the request id, never shown. */
function logResetFailure(c: Context<AppEnv>, error: unknown) {
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      event: 'auth.passwordResetFailed',
      error: String(error),
    }),
  );
}

/** The link in the mail points at the configured public URL, never at the request's Host. */
const canSendResets = (c: Context<AppEnv>) =>
  isMailConfigured(c.get('config')) && Boolean(c.get('config').baseUrl);

/** How a reset link is sent: to the configured public URL, by the instance's mail. */
const resetMailer = (c: Context<AppEnv>) => ({
  baseUrl: c.get('config').baseUrl!,
  clientAddress: clientAddress(c),
  send: async (message: Parameters<typeof sendMail>[1][number]) =>
    void (await sendMail(c.get('config'), [message])),
});

/**
 * "Forgot password" (mounted at /login): ask for a link by e-mail, then set a new password
 * with it. Anonymous pages; every answer to the request is the same whether or not the
 * e-mail has an account.
 */
export const passwordResetRoutes = new Hono<AppEnv>()
  .get('/forgot', (c) => c.render(<ForgotPasswordPage isUnavailable={!canSendResets(c)} />))
  .post('/forgot', async (c) => {
    if (!canSendResets(c)) return c.render(<ForgotPasswordPage isUnavailable />);
    return submitForm(c, {
      schema: RequestPasswordResetInput,
      run: (input) => requestPasswordReset(anonymousContext(c), input, resetMailer(c)),
      respond: ({ delivery }) => {
        // Not awaited: the token, the audit row and an SMTP round trip only for real accounts
        // would tell them apart by time.
        delivery.catch((error: unknown) => logResetFailure(c, error));
        return c.render(<ForgotPasswordPage isSent />);
      },
      page: (form) => (
        <ForgotPasswordPage email={String(form.values.email ?? '')} errors={form.errors} />
      ),
    });
  })
  .get('/reset', async (c) => {
    const token = c.req.query('token') ?? '';
    const isUsable = await isResetTokenUsable(
      c.get('database').db,
      token.slice(0, 200),
      new Date(),
    );
    c.header('Cache-Control', 'no-store');
    c.status(isUsable ? 200 : 410);
    return c.render(<ResetPasswordPage token={token} isUsable={isUsable} />);
  })
  .post('/reset', async (c) =>
    submitForm(c, {
      schema: ResetPasswordInput,
      run: (input) => resetPassword(anonymousContext(c), input).then(() => true, isSpentLink),
      // A spent or expired link is not the form's fault: 410 and the way to ask for another.
      respond: (isDone) =>
        isDone
          ? c.redirect('/login?notice=auth.reset.done', 303)
          : (c.status(410), c.render(<ResetPasswordPage token="" isUsable={false} />)),
      page: (form) => (
        <ResetPasswordPage
          token={typeof form.values.token === 'string' ? form.values.token : ''}
          isUsable
          errors={form.errors}
        />
      ),
    }),
  );
