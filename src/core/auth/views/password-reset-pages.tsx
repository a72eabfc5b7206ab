import { Layout } from '../../http/layout.js';
import { ErrorSummary, PageHeader, PostForm, useT } from '../../http/ui.js';
import { EmailField, PasswordForm } from './password-form.js';

/** "Forgot password": the e-mail form, then the same answer whether or not it has an account. */
export function ForgotPasswordPage(props: {
  isSent?: boolean;
  isUnavailable?: boolean;
  email?: string;
  errors?: Record<string, string>;
}) {
  const t = useT();
  return (
    <Layout title={t('auth.reset.forgotTitle')}>
      <PageHeader title={t('auth.reset.forgotTitle')} lead={t('auth.reset.forgotLead')} />
      {props.isUnavailable ? (
        <p class="notice" role="status">
          {t('auth.reset.unavailable')}
        </p>
      ) : props.isSent ? (
        <p class="notice" role="status">
          {t('auth.reset.sent')}
        </p>
      ) : (
        <PostForm action="/login/forgot" class="card">
          <ErrorSummary errors={props.errors} />
          <EmailField value={props.email} errors={props.errors} />
          <button type="submit">{t('auth.reset.send')}</button>
        </PostForm>
      )}
      <p>
        <a href="/login">{t('logIn')}</a>
      </p>
    </Layout>
  );
}

/** The new-password form of a reset link, or why the link no longer works. */
export function ResetPasswordPage(props: {
  token: string;
  isUsable: boolean;
  errors?: Record<string, string>;
}) {
  const t = useT();
  return (
    <Layout title={t('auth.reset.resetTitle')}>
      <PageHeader title={t('auth.reset.resetTitle')} />
      {props.isUsable ? (
        <>
          <ErrorSummary errors={props.errors} />
          <PasswordForm
            action="/login/reset"
            hidden={{ token: props.token }}
            purpose="new"
            passwordLabel="auth.reset.newPassword"
            passwordHint="auth.reset.passwordHint"
            hasConfirm
            submitLabel="auth.reset.save"
            errors={props.errors}
          />
        </>
      ) : (
        <>
          <p class="notice" role="alert">
            {t('auth.reset.invalidLink')}
          </p>
          <p>
            <a href="/login/forgot">{t('auth.reset.forgotLink')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
