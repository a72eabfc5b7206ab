import { Layout } from '../../http/layout.js';
import { ErrorSummary, Notice, PageHeader, useT } from '../../http/ui.js';
import type { FormState } from '../../http/form.js';
import { PasswordForm } from './password-form.js';

/** The staff log-in page; `next` is where a successful log-in goes (a local path). */
export function LoginPage(props: {
  /** A refused log-in form: the e-mail as typed and why (never the password). */
  form?: FormState;
  message?: string;
  email?: string;
  next?: string;
}) {
  const t = useT();
  const errors = props.form?.errors;
  const message = props.message ?? props.form?.message;
  const email = props.email ?? (props.form ? String(props.form.values.email ?? '') : undefined);
  return (
    <Layout title={t('auth.title')}>
      <PageHeader title={t('auth.title')} />
      <Notice />
      <ErrorSummary errors={errors} message={message} />
      <PasswordForm
        action={`/login${props.next ? `?next=${encodeURIComponent(props.next)}` : ''}`}
        email={{ value: email }}
        purpose="current"
        passwordLabel="auth.password"
        submitLabel="logIn"
        errors={errors}
      />
      <p>
        <a href="/login/forgot">{t('auth.reset.forgotLink')}</a>
      </p>
    </Layout>
  );
}
