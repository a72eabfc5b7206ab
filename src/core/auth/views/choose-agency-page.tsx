import { Layout } from '../../http/layout.js';
import { ErrorSummary, PageHeader, PostForm, useT, useVars } from '../../http/ui.js';

/** The agencies this person may work in, one button each (and the admin pages for the instance admin). */
export function ChooseAgencyPage(props: {
  list: { id: string; nameTh: string }[];
  message?: string | undefined;
}) {
  const { list } = props;
  const t = useT();
  const { user } = useVars();
  return (
    <Layout title={t('auth.chooseAgency')}>
      <PageHeader title={t('auth.chooseAgency')} />
      <ErrorSummary message={props.message} />
      {user?.isInstanceAdmin && (
        <p>
          <a href="/admin/agencies">{t('agencies.admin.title')}</a> ·{' '}
          <a href="/admin/jobs">{t('jobs.title')}</a>
        </p>
      )}
      {list.length === 0 && <p>{t('auth.noMembership')}</p>}
      <ul class="stack" style="list-style:none;padding:0">
        {list.map((a) => (
          <li>
            <PostForm action="/staff/choose-agency" class="inline">
              <input type="hidden" name="agencyId" value={a.id} />
              <button type="submit" class="secondary">
                {a.nameTh}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
