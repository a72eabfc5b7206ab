import { Layout } from '../../http/layout.js';
import { ErrorSummary, Notice, PageHeader, useT } from '../../http/ui.js';
import { PasswordForm } from './password-form.js';

/** The staff log-in page; `next` is where a successful log-in goes (a local path). */
export function LoginPage(props: {
  errors?: Record<string, string>;
  message?: string;
  email?: string;
  next?: string;
}) {
  const t = useT();
  return (
    <Layout title={t('auth.title')}>
      <PageHeader title={t('auth.title')} />
      <Notice />
      <ErrorSummary errors={props.errors} message={props.message} />
      <PasswordForm
        action={`/login${props.next ? `?next=${encodeURIComponent(props.next)}` : ''}`}
        email={{ value: props.email }}
        purpose="current"
        passwordLabel="auth.password"
        submitLabel="logIn"
        errors={props.errors}
      />
      <p>
        <a href="/login/forgot">{t('auth.reset.forgotLink')}</a>
      </p>
    </Layout>
  );
}
