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
} from '../../core/http/ui.js';
import type { FormState } from '../../core/http/form.js';
import {
  OFFICIAL_DIGITS,
  orderNumberText,
  thaiLongDate,
  type OfficialDocumentRow,
} from '../../core/official/index.js';
import type { OfficialTemplate } from '../templates.js';

const BASE = '/staff/integrity/documents';

function DigitsField(props: { form: FormState }) {
  const t = useT();
  return (
    <SelectField
      name="digits"
      label="integrity.form.digits"
      value={String(props.form.values.digits ?? 'thai')}
      errors={props.form.errors}
      options={OFFICIAL_DIGITS.map((d) => ({ value: d, label: t(`integrity.digits.${d}`) }))}
    />
  );
}

function SignerFields(props: { form: FormState }) {
  const v = props.form.values;
  return (
    <>
      <TextField
        name="fiscalYear"
        label="integrity.form.fiscalYear"
        value={v.fiscalYear as string}
        errors={props.form.errors}
        inputmode="numeric"
        required
      />
      <TextField
        name="signerName"
        label="integrity.form.signerName"
        hint="integrity.form.signerNameHint"
        value={v.signerName as string}
        errors={props.form.errors}
        required
      />
      <TextArea
        name="signerPosition"
        label="integrity.form.signerPosition"
        value={v.signerPosition as string}
        errors={props.form.errors}
        rows={2}
        required
      />
      <DigitsField form={props.form} />
    </>
  );
}

/** ทะเบียน: the year's documents, the templates to draft from, and the emblem's state. */
export function RegisterPage(props: {
  year: number;
  docs: OfficialDocumentRow[];
  templates: OfficialTemplate[];
  canDraft: boolean;
  hasEmblem: boolean;
}) {
  const t = useT();
  const groups = ['personnel', 'integrity'] as const;
  return (
    <Layout title={t('integrity.register.title', { year: props.year })}>
      <PageHeader
        title={t('integrity.register.title', { year: props.year })}
        lead={t('integrity.register.lead')}
      />
      <Notice />
      <form method="get" action={BASE} class="inline">
        <label for="year">{t('integrity.register.otherYear')}</label>{' '}
        <input id="year" name="year" inputmode="numeric" value={String(props.year)} size={6} />{' '}
        <button type="submit" class="secondary">
          {t('integrity.register.show')}
        </button>
      </form>
      {props.docs.length === 0 ? (
        <p class="card">{t('integrity.register.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('integrity.register.kind')}</th>
              <th scope="col">{t('integrity.register.number')}</th>
              <th scope="col">{t('integrity.register.subject')}</th>
              <th scope="col">{t('integrity.register.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.docs.map((d) => (
              <tr>
                <td>{t(`integrity.kinds.${d.kind}`)}</td>
                <td>{d.number === null ? '—' : `${d.number}/${d.numberYear}`}</td>
                <td>
                  <a href={`${BASE}/${d.id}`}>{d.subject}</a>
                </td>
                <td>{t(`integrity.statuses.${d.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canDraft &&
        groups.map((g) => (
          <section>
            <h2>
              {t('integrity.register.templates')}: {t(`integrity.groups.${g}`)}
            </h2>
            <ul>
              {props.templates
                .filter((tp) => tp.group === g)
                .map((tp) => (
                  <li>
                    <a href={`${BASE}/new/${tp.key}?year=${props.year}`}>{tp.title}</a>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      <p>
        {!props.hasEmblem && <span class="muted">{t('integrity.register.noEmblem')} </span>}
        <a href="/staff/integrity/emblem">{t('integrity.register.emblem')}</a>
      </p>
    </Layout>
  );
}

/** The form of one template: the shared fields, then the template's own. */
export function TemplateFormPage(props: { template: OfficialTemplate; form: FormState }) {
  const t = useT();
  const title = t('integrity.form.newTitle', { title: props.template.title });
  return (
    <Layout title={title}>
      <PageHeader title={title} />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <PostForm action={`${BASE}/new/${props.template.key}`} class="card stack">
        <SignerFields form={props.form} />
        {props.template.fields.map((f) => {
          const name = `f_${f.name}`;
          const value = (props.form.values[name] as string | undefined) ?? f.default;
          // Labels of a template's fields are data (the template file), shown as written.
          return f.multiline ? (
            <TextArea
              name={name}
              label={f.label}
              value={value}
              errors={props.form.errors}
              rows={6}
            />
          ) : (
            <TextField name={name} label={f.label} value={value} errors={props.form.errors} />
          );
        })}
        <button type="submit">{t('integrity.form.draft')}</button>
      </PostForm>
    </Layout>
  );
}

/** The edit form of a draft. */
export function EditPage(props: { doc: OfficialDocumentRow; form: FormState }) {
  const t = useT();
  const v = props.form.values;
  return (
    <Layout title={props.doc.subject}>
      <PageHeader title={t('integrity.document.edit')} />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <PostForm action={`${BASE}/${props.doc.id}/edit`} class="card stack">
        <TextField
          name="subject"
          label="integrity.form.subject"
          value={v.subject as string}
          errors={props.form.errors}
          required
        />
        <TextArea
          name="preamble"
          label="integrity.form.preamble"
          value={v.preamble as string}
          errors={props.form.errors}
          rows={4}
        />
        <TextArea
          name="clauses"
          label="integrity.form.clauses"
          hint="integrity.form.clausesHint"
          value={v.clauses as string}
          errors={props.form.errors}
          rows={12}
        />
        <TextArea
          name="closing"
          label="integrity.form.closing"
          value={v.closing as string}
          errors={props.form.errors}
          rows={2}
        />
        <SignerFields form={props.form} />
        <button type="submit">{t('integrity.form.save')}</button>
      </PostForm>
    </Layout>
  );
}

/** What may be done with the document by this person now. */
export interface DocumentActions {
  edit: boolean;
  submit: boolean;
  sign: boolean;
  publish: boolean;
  replace: boolean;
}

/** One document: its text as it will print, where it stands, and the next step. */
export function DocumentPage(props: {
  doc: OfficialDocumentRow;
  agencyName: string;
  agencySlug: string;
  replaces: OfficialDocumentRow | null;
  replacedBy: OfficialDocumentRow | null;
  actions: DocumentActions;
  form: FormState;
}) {
  const t = useT();
  const d = props.doc;
  const kind = t(`integrity.kinds.${d.kind}`);
  return (
    <Layout title={d.subject}>
      <PageHeader title={`${kind}${props.agencyName}`} lead={d.subject} />
      <Notice />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <dl class="card">
        <dt>{t('integrity.document.status')}</dt>
        <dd data-status={d.status}>{t(`integrity.statuses.${d.status}`)}</dd>
        {d.kind === 'order' && d.number !== null && (
          <>
            <dt>{t('integrity.document.number')}</dt>
            <dd data-number>{orderNumberText(d.number, d.numberYear)}</dd>
          </>
        )}
        {d.issuedOn && (
          <>
            <dt>{t('integrity.document.issuedOn')}</dt>
            <dd>{thaiLongDate(d.issuedOn)}</dd>
            <dt>{t('integrity.document.signedBy')}</dt>
            <dd>{d.signedByLabel}</dd>
          </>
        )}
        {props.replaces && (
          <>
            <dt>{t('integrity.document.replaces')}</dt>
            <dd>
              <a href={`${BASE}/${props.replaces.id}`}>{props.replaces.subject}</a>
            </dd>
          </>
        )}
        {props.replacedBy && (
          <>
            <dt>{t('integrity.document.replacedBy')}</dt>
            <dd>
              <a href={`${BASE}/${props.replacedBy.id}`}>{props.replacedBy.subject}</a>
            </dd>
          </>
        )}
      </dl>
      {(d.feed === 'integrity.declaration' || d.feed === 'integrity.no-gift') && (
        <p>
          {/* The announcement and the event it was declared at go on the same OIT item. */}
          <a
            href={`/staff/integrity/activities?year=${d.fiscalYear}&kind=${d.feed === 'integrity.declaration' ? 'declaration' : 'no-gift'}`}
          >
            {t('integrity.activities.recordBeside')}
          </a>
        </p>
      )}
      <article class="card official-preview">
        {d.preamble.split(/\n+/).map((p) => (
          <p>{p}</p>
        ))}
        <ol>
          {d.clauses.map((c) => (
            <li>{c}</li>
          ))}
        </ol>
        <p>{d.closing}</p>
        <p>
          ({d.signerName})<br />
          {d.signerPosition}
        </p>
      </article>
      <p>
        <a class="button secondary" href={`${BASE}/${d.id}/preview.pdf`}>
          {t('integrity.document.previewPdf')}
        </a>{' '}
        <a class="button secondary" href={`${BASE}/${d.id}/preview.docx`}>
          {t('integrity.document.previewDocx')}
        </a>{' '}
        {d.status === 'published' && (
          <a class="button" href={`/a/${props.agencySlug}/integrity/documents/${d.id}.pdf`}>
            {t('integrity.document.publicPdf')}
          </a>
        )}
      </p>
      {d.status !== 'draft' && d.status !== 'review' && (
        <p class="muted">{t('integrity.document.frozen')}</p>
      )}
      <div class="page-actions">
        {props.actions.edit && (
          <a class="button secondary" href={`${BASE}/${d.id}/edit`}>
            {t('integrity.document.edit')}
          </a>
        )}
        {props.actions.submit && (
          <PostForm action={`${BASE}/${d.id}/submit`}>
            <button type="submit">{t('integrity.document.submit')}</button>
          </PostForm>
        )}
        {props.actions.sign && (
          <PostForm action={`${BASE}/${d.id}/sign`} class="card stack">
            {d.kind === 'order' && (
              <TextField
                name="number"
                label="integrity.document.manualNumber"
                hint="integrity.document.signHint"
                value={props.form.values.number as string}
                errors={props.form.errors}
                inputmode="numeric"
              />
            )}
            <button type="submit">{t('integrity.document.sign')}</button>
          </PostForm>
        )}
        {props.actions.publish && (
          <PostForm action={`${BASE}/${d.id}/publish`}>
            <button type="submit">{t('integrity.document.publish')}</button>
          </PostForm>
        )}
        {props.actions.replace && (
          <PostForm action={`${BASE}/${d.id}/replace`}>
            <button type="submit" class="secondary">
              {t('integrity.document.replace')}
            </button>
          </PostForm>
        )}
      </div>
    </Layout>
  );
}

/** Upload of the agency's emblem. */
export function EmblemPage(props: { hasEmblem: boolean; form: FormState }) {
  const t = useT();
  return (
    <Layout title={t('integrity.emblemPage.title')}>
      <PageHeader title={t('integrity.emblemPage.title')} lead={t('integrity.emblemPage.lead')} />
      <Notice />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      {props.hasEmblem && <p class="card">{t('integrity.emblemPage.current')}</p>}
      <PostForm action="/staff/integrity/emblem" enctype="multipart/form-data" class="card stack">
        <FileField
          name="emblem"
          label="integrity.emblemPage.file"
          accept="image/png"
          errors={props.form.errors}
          chosen={props.form.chosenFiles.emblem}
        />
        <button type="submit">{t('integrity.emblemPage.upload')}</button>
      </PostForm>
    </Layout>
  );
}
