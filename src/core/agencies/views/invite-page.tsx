import { Layout } from '../../http/layout.js';
import { ErrorSummary, PageHeader, PostForm, useT, type FieldErrors } from '../../http/ui.js';
import { PasswordForm } from '../../auth/views/password-form.js';
import type { findOpenInvite } from '../staff-invites.js';

export type OpenInvite = NonNullable<Awaited<ReturnType<typeof findOpenInvite>>>;

/** The invitation page: accept while logged in, log in first, or set a first password. */
export function InvitePage(props: {
  open: OpenInvite;
  token: string;
  loggedInAs: string | null;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
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
            <a href={`/login?next=${encodeURIComponent(path)}`}>
              {t('agencies.invite.logInToAccept')}
            </a>
          </p>
          <PasswordForm
            action={`${path}/new-account`}
            heading="agencies.invite.newAccount"
            purpose="new"
            passwordLabel="agencies.staff.password"
            passwordHint="agencies.invite.passwordHint"
            submitLabel="agencies.invite.acceptWithPassword"
            errors={props.errors}
          />
        </>
      )}
    </Layout>
  );
}
