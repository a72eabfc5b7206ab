import { Layout } from '../../core/http/layout.js';
import { ErrorSummary, Notice, PageHeader, PostForm, useT } from '../../core/http/ui.js';
import type { FormState } from '../../core/http/form.js';
import { diffOitItems } from '../oit-items.js';
import { STAFF_BASE, YearPicker } from './staff-parts.js';

/**
 * Opening a fiscal year: how its OIT items differ from the year before (added, removed,
 * renamed, renumbered), and the button that copies last year's entries forward.
 */
export function NewYearPage(props: { year: number; form?: FormState | undefined }) {
  const t = useT();
  const { year } = props;
  const diff = diffOitItems(year);
  const title = t('disclosure.newYear.title', { year });
  const list = (key: string, rows: string[]) =>
    rows.length > 0 && (
      <>
        <h3>{t(key)}</h3>
        <ul>
          {rows.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      </>
    );
  const changes = diff
    ? diff.added.length + diff.removed.length + diff.renamed.length + diff.renumbered.length
    : 0;
  return (
    <Layout title={title}>
      <PageHeader title={title} lead={t('disclosure.newYear.lead', { previous: year - 1 })} />
      <Notice />
      <ErrorSummary errors={props.form?.errors} message={props.form?.message} />
      <YearPicker year={year} action={`${STAFF_BASE}/new-year`} />
      <section class="card">
        <h2>{t('disclosure.newYear.changes', { previous: year - 1 })}</h2>
        {!diff ? (
          <p>{t('disclosure.newYear.noPrevious')}</p>
        ) : changes === 0 ? (
          <p>{t('disclosure.newYear.noChanges')}</p>
        ) : (
          <>
            {list(
              'disclosure.newYear.added',
              diff.added.map((i) => `${i.code} ${i.nameTh}`),
            )}
            {list(
              'disclosure.newYear.removed',
              diff.removed.map((i) => `${i.code} ${i.nameTh}`),
            )}
            {list(
              'disclosure.newYear.renamed',
              diff.renamed.map((i) => `${i.code}: ${i.fromNameTh} → ${i.toNameTh}`),
            )}
            {list(
              'disclosure.newYear.renumbered',
              diff.renumbered.map((i) => `${i.fromCode} → ${i.toCode} ${i.nameTh}`),
            )}
          </>
        )}
      </section>
      {diff && (
        <PostForm action={`${STAFF_BASE}/new-year`}>
          <input type="hidden" name="year" value={String(year)} />
          <button type="submit">{t('disclosure.newYear.start', { previous: year - 1 })}</button>
        </PostForm>
      )}
    </Layout>
  );
}
