import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  FileField,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  useT,
  type FieldErrors,
} from '../../core/http/ui.js';
import type { disclosureDocuments, disclosureEntries, EntryLink, EntryTable } from '../schema.js';
import { getOitItem } from '../oit-items.js';
import { isTabularItem } from '../save-item-form.js';
import { ReviewPanel } from './review-panel.js';
import { STAFF_BASE, StatusBadge } from './staff-parts.js';

type Entry = typeof disclosureEntries.$inferSelect;
type Doc = typeof disclosureDocuments.$inferSelect;

/** Links and table back into the "label | url" and "a | b" lines the form is typed in. */

const linksToText = (links: EntryLink[]) => links.map((l) => `${l.label} | ${l.href}`).join('\n');
const tableToText = (table: EntryTable | null) =>
  table ? [table.columns, ...table.rows].map((r) => r.join(' | ')).join('\n') : '';

/**
 * One OIT item for staff: what it requires, what other modules feed into it, the edit form
 * (for those who may edit), the submit button, and the approver's panel while in review.
 */
export function ItemFormPage(props: {
  year: number;
  code: string;
  entry: Entry | null;
  documents: Doc[];
  units: { id: string; nameTh: string }[];
  fed: { title: string; links: { label: string; href: string }[] }[];
  /** Files of the version awaiting approval and of the published one (for the diff). */
  reviewDocuments: Doc[];
  canEdit: boolean;
  canReview: boolean;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  message?: string | undefined;
  /** Files chosen in a refused submission: named so they can be chosen again. */
  chosenFiles?: string[] | undefined;
}) {
  const t = useT();
  const item = getOitItem(props.year, props.code);
  const e = props.entry;
  // What was typed wins; a refused review or submit (no item fields) shows the stored entry.
  const v = {
    contentHtml: e?.contentHtml ?? '',
    links: linksToText(e?.links ?? []),
    table: tableToText(e?.table ?? null),
    responsibleUnitId: e?.responsibleUnitId ?? '',
    publishDate: e?.publishDate ?? '',
    documentYear: String(props.year),
    ...props.values,
  };
  const title = t('disclosure.form.title', { code: item.code, name: item.nameTh });
  const action = `${STAFF_BASE}/items/${props.year}/${props.code}`;
  const wantsTable = isTabularItem(item.nameTh);
  return (
    <Layout title={title}>
      <PageHeader
        title={title}
        lead={
          <>
            <StatusBadge status={e?.status ?? 'missing'} /> {t(`disclosure.period.${item.period}`)}
          </>
        }
      />
      <Notice />
      <ErrorSummary errors={props.errors} message={props.message} />
      {e?.isDemo && <p class="notice">{t('disclosure.form.demo')}</p>}
      {e?.reviewComment && e.status === 'draft' && (
        <p class="notice" role="status">
          {t('disclosure.form.returned', { comment: e.reviewComment })}
        </p>
      )}
      <section class="card">
        <h2>{t('disclosure.form.required')}</h2>
        {item.requiredElements.length ? (
          <ul class="checklist">
            {item.requiredElements.map((el) => (
              <li>
                <label>
                  <input type="checkbox" /> {el}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('disclosure.form.noRequired')}</p>
        )}
      </section>
      {props.fed.length > 0 && (
        <section class="card">
          <h2>{t('disclosure.form.fed')}</h2>
          <ul>
            {props.fed.map((f) => (
              <li>
                {f.title}:{' '}
                {f.links.map((l) => (
                  <a href={l.href}>{l.label} </a>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.canEdit ? (
        <PostForm action={action} class="card stack" enctype="multipart/form-data">
          <TextArea
            name="contentHtml"
            label="disclosure.form.content"
            hint="disclosure.form.contentHint"
            rows={8}
            value={v.contentHtml as string}
            errors={props.errors}
          />
          <TextArea
            name="links"
            label="disclosure.form.links"
            hint="disclosure.form.linksHint"
            rows={3}
            value={v.links as string}
            errors={props.errors}
          />
          {(wantsTable || e?.table) && (
            <TextArea
              name="table"
              label="disclosure.form.table"
              hint="disclosure.form.tableHint"
              rows={6}
              value={v.table as string}
              errors={props.errors}
            />
          )}
          <SelectField
            name="responsibleUnitId"
            label="disclosure.form.unit"
            emptyLabel="disclosure.form.noUnit"
            value={v.responsibleUnitId as string}
            options={props.units.map((u) => ({ value: u.id, label: u.nameTh }))}
            errors={props.errors}
          />
          <TextField
            name="publishDate"
            label="disclosure.form.publishDate"
            type="date"
            value={v.publishDate as string}
            errors={props.errors}
          />
          {props.documents.length > 0 && (
            <fieldset>
              <legend>{t('disclosure.form.documents')}</legend>
              {props.documents.map((d) => (
                <div>
                  <a href={`${STAFF_BASE}/documents/${d.id}`}>{d.fileName}</a>{' '}
                  <span class="muted">
                    ({Math.ceil(d.sizeBytes / 1024)} KB{d.documentYear ? `, ${d.documentYear}` : ''}
                    )
                  </span>{' '}
                  <label>
                    <input type="checkbox" name="removeDocumentIds" value={d.id} />{' '}
                    {t('disclosure.form.removeDocument')}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          <FileField
            name="file"
            label="disclosure.form.files"
            multiple
            accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
            errors={props.errors}
            chosen={props.chosenFiles}
          />
          <TextField
            name="documentYear"
            label="disclosure.form.documentYear"
            inputmode="numeric"
            value={v.documentYear as string}
            errors={props.errors}
          />
          <button type="submit">{t('save')}</button>
        </PostForm>
      ) : (
        <p class="notice">{t('disclosure.form.readOnly')}</p>
      )}
      {e && props.canEdit && e.status === 'draft' && (
        <PostForm action={`${STAFF_BASE}/entries/${e.id}/submit`}>
          <button type="submit">{t('disclosure.form.submit')}</button>
        </PostForm>
      )}
      {e && props.canReview && e.status === 'in_review' && (
        <ReviewPanel
          current={e}
          published={e.published}
          documents={props.reviewDocuments}
          documentHref={(id) => `${STAFF_BASE}/documents/${id}`}
        />
      )}
      {e && props.canReview && e.status === 'in_review' && (
        <section class="card stack">
          <PostForm action={`${STAFF_BASE}/entries/${e.id}/approve`}>
            <button type="submit">{t('disclosure.form.approve')}</button>
          </PostForm>
          <PostForm action={`${STAFF_BASE}/entries/${e.id}/return`}>
            <TextArea
              name="comment"
              label="disclosure.form.comment"
              required
              value={props.values?.comment as string | undefined}
              errors={props.errors}
            />
            <button type="submit" class="secondary">
              {t('disclosure.form.returnWithComment')}
            </button>
          </PostForm>
        </section>
      )}
      <p>
        {e && <a href={`${STAFF_BASE}/entries/${e.id}/history`}>{t('disclosure.form.history')}</a>}{' '}
        <a href={`${STAFF_BASE}?year=${props.year}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}
