import { Layout } from '../../core/http/layout.js';
import { Notice, PageHeader, PostForm, useT } from '../../core/http/ui.js';

/** The agency admin decides whether unit officers may import results and write the analysis. */
export function AssessmentSettingsPage(props: { officersMayManage: boolean }) {
  const t = useT();
  return (
    <Layout title={t('assessment.settingsPage.title')}>
      <PageHeader
        title={t('assessment.settingsPage.title')}
        lead={t('assessment.settingsPage.lead')}
      />
      <Notice />
      <PostForm action="/staff/assessment/settings" class="card stack">
        <label>
          <input
            type="checkbox"
            name="officersMayManage"
            value="on"
            checked={props.officersMayManage}
          />{' '}
          {t('assessment.settingsPage.officersMayManage')}
        </label>
        <button type="submit">{t('assessment.settingsPage.save')}</button>
      </PostForm>
    </Layout>
  );
}
