import { Layout } from '../../core/http/layout.js';
import type { FormState } from '../../core/http/form.js';
import { ErrorSummary, Notice, PageHeader, PostForm, TextField, useT } from '../../core/http/ui.js';
import type { ApiKeyRow } from '../api-keys.js';
import { useWhen } from './format.js';

/**
 * The agency admin's Open311 keys: issue one (its key is shown on this page once, right after
 * issuing, and never again) and revoke one.
 */
export function ApiKeysPage(props: {
  keys: ApiKeyRow[];
  form: FormState;
  /** The key just issued: shown once. */
  issued?: { key: string; label: string };
  slug: string;
}) {
  const t = useT();
  const when = useWhen();
  return (
    <Layout title={t('eservice.apiKeys.title')}>
      <PageHeader title={t('eservice.apiKeys.title')} lead={t('eservice.apiKeys.lead')} />
      <Notice />
      {props.issued && (
        <section class="card" role="status">
          <h2>{t('eservice.apiKeys.issuedTitle', { label: props.issued.label })}</h2>
          <p>{t('eservice.apiKeys.issuedOnce')}</p>
          <p>
            <code id="issued-key">{props.issued.key}</code>
          </p>
          <p>
            {t('eservice.apiKeys.endpoint', { url: `/a/${props.slug}/open311/v2/requests.json` })}
          </p>
        </section>
      )}
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <PostForm action="/staff/eservice/api-keys" class="stack">
        <TextField
          name="label"
          label="eservice.apiKeys.label"
          value={String(props.form.values.label ?? '')}
          errors={props.form.errors}
          required
          maxlength={200}
        />
        <button type="submit">{t('eservice.apiKeys.issue')}</button>
      </PostForm>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('eservice.apiKeys.label')}</th>
            <th scope="col">{t('eservice.apiKeys.issuedAt')}</th>
            <th scope="col">{t('eservice.apiKeys.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((k) => (
            <tr>
              <td>{k.label}</td>
              <td>{when(k.createdAt)}</td>
              <td>
                {k.revokedAt ? (
                  t('eservice.apiKeys.revokedAt', { when: when(k.revokedAt) })
                ) : (
                  <PostForm action={`/staff/eservice/api-keys/${k.id}/revoke`}>
                    <button type="submit">{t('eservice.apiKeys.revoke')}</button>
                  </PostForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
