import { formatThaiDate } from '../../core/i18n/thai-format.js';
import { PostForm, useT } from '../../core/http/ui.js';
import type { PublishedAnalysisReport } from '../publish-analysis-report.js';

/**
 * The analysis page's publication box: what the public site serves now, the earlier versions,
 * and (for the executive) the button that freezes the current report as a new version.
 */
export function PublishSection(props: {
  fiscalYear: number;
  agencySlug: string;
  published: PublishedAnalysisReport[];
  canPublish: boolean;
}) {
  const t = useT();
  const y = props.fiscalYear;
  const [current, ...older] = props.published;
  const files = (version: number) => `/staff/assessment/years/${y}/analysis/versions/${version}`;
  const by = (row: PublishedAnalysisReport) =>
    t('assessment.publish.by', { name: row.publishedBy, date: formatThaiDate(row.publishedAt) });
  return (
    <section class="card stack" id="publish">
      <h2>{t('assessment.publish.title')}</h2>
      <p class="muted">{t('assessment.publish.lead')}</p>
      {current ? (
        <p>
          <strong>
            {t('assessment.publish.current')}:{' '}
            {t('assessment.publish.version', { version: current.version })}
          </strong>{' '}
          ({by(current)}){' '}
          <a href={`/a/${props.agencySlug}/assessment/${y}/analysis-report.pdf`}>PDF</a>{' '}
          <a href={`/a/${props.agencySlug}/assessment/${y}/analysis-report.docx`}>DOCX</a>
        </p>
      ) : (
        <p>{t('assessment.publish.none')}</p>
      )}
      {older.length > 0 && (
        <>
          <h3>{t('assessment.publish.history')}</h3>
          <ul>
            {older.map((row) => (
              <li>
                {t('assessment.publish.version', { version: row.version })} ({by(row)}){' '}
                <a href={`${files(row.version)}/report.pdf`}>PDF</a>{' '}
                <a href={`${files(row.version)}/report.docx`}>DOCX</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.canPublish ? (
        <PostForm action={`/staff/assessment/years/${y}/analysis/publish`}>
          <button type="submit">{t('assessment.publish.button')}</button>
        </PostForm>
      ) : (
        <p class="muted">{t('assessment.publish.onlyExecutive')}</p>
      )}
    </section>
  );
}
