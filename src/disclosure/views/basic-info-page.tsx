import { formatThaiDate } from '../../core/i18n/thai-format.js';
import { Layout } from '../../core/http/layout.js';
import type { FormState } from '../../core/http/form.js';
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
import type { listExecutives, listLaws, listNews, listQuestions } from '../queries.js';
import type { BasicInfoKind } from '../manage-basic-info.js';

/** Where the basic-information pages are mounted. */
export const BASIC_BASE = '/staff/disclosure/basic';

/** The four lists the page shows, each with its add form. */
export type Lists = {
  news: Awaited<ReturnType<typeof listNews>>;
  questions: Awaited<ReturnType<typeof listQuestions>>;
  laws: Awaited<ReturnType<typeof listLaws>>;
  executives: Awaited<ReturnType<typeof listExecutives>>;
};

function DeleteButton(props: { kind: BasicInfoKind; id: string }) {
  const t = useT();
  return (
    <PostForm action={`${BASIC_BASE}/${props.kind}/${props.id}/delete`}>
      <button type="submit" class="danger">
        {t('delete')}
      </button>
    </PostForm>
  );
}

/** One field of an add form: a one-line text input unless `as` says otherwise. */
type AddField = {
  name: string;
  /** Catalog key of the label. */
  label: string;
  as?: 'area' | 'select' | 'file';
  type?: string;
  required?: boolean;
  /** An order number: numeric keyboard, 0 when nothing was typed. */
  numeric?: boolean;
  options?: { value: string; label: string }[];
  accept?: string;
};

/**
 * The add form of one kind of basic information, its fields listed as data; after a refusal it
 * comes back with what was typed, the messages next to the fields and the file to choose again.
 */
function AddForm(props: {
  kind: BasicInfoKind;
  fields: AddField[];
  form: FormState | undefined;
  multipart?: boolean;
}) {
  const t = useT();
  const form = props.form;
  return (
    <PostForm
      action={`${BASIC_BASE}/${props.kind}`}
      class="card"
      enctype={props.multipart ? 'multipart/form-data' : undefined}
    >
      {props.fields.map((field) => {
        const common = { name: field.name, label: field.label, errors: form?.errors };
        const typed = form?.values[field.name] as string | undefined;
        const value = typed ?? (field.numeric ? '0' : undefined);
        if (field.as === 'select')
          return <SelectField {...common} value={value} options={field.options ?? []} />;
        if (field.as === 'file')
          return (
            <FileField {...common} accept={field.accept} chosen={form?.chosenFiles[field.name]} />
          );
        if (field.as === 'area')
          return <TextArea {...common} required={field.required} value={value} />;
        return (
          <TextField
            {...common}
            type={field.type}
            required={field.required}
            inputmode={field.numeric ? 'numeric' : undefined}
            value={value}
          />
        );
      })}
      <button type="submit">{t('create')}</button>
    </PostForm>
  );
}

/**
 * The basic-information page (news, executives, Q&A, laws): each list with its add form; after
 * a refusal, the refused form filled in with its messages.
 */
export function BasicInfoPage(props: {
  lists: Lists;
  /** The form of one kind that was refused: what was typed and why. */
  failed?: { kind: BasicInfoKind; form: FormState };
}) {
  const t = useT();
  const f = (kind: BasicInfoKind) => (props.failed?.kind === kind ? props.failed.form : undefined);
  const newsKinds = ['news', 'announcement'].map((k) => ({
    value: k,
    label: t(`disclosure.basic.newsKinds.${k}`),
  }));
  const branches = ['political', 'civil_service'].map((b) => ({
    value: b,
    label: t(`disclosure.basic.branches.${b}`),
  }));
  const { news, questions, laws, executives } = props.lists;
  return (
    <Layout title={t('disclosure.basic.title')}>
      <PageHeader title={t('disclosure.basic.title')} lead={t('disclosure.basic.lead')} />
      <Notice />
      <ErrorSummary errors={props.failed?.form.errors} message={props.failed?.form.message} />

      <h2>{t('disclosure.basic.news')}</h2>
      <ul>
        {news.map((n) => (
          <li>
            {formatThaiDate(new Date(`${n.publishedOn}T12:00:00+07:00`), { style: 'medium' })} ·{' '}
            {t(`disclosure.basic.newsKinds.${n.kind}`)} · {n.titleTh}
            <DeleteButton kind="news" id={n.id} />
          </li>
        ))}
      </ul>
      <AddForm
        kind="news"
        form={f('news')}
        fields={[
          { name: 'kind', label: 'disclosure.basic.kind', as: 'select', options: newsKinds },
          { name: 'titleTh', label: 'disclosure.basic.titleTh', required: true },
          { name: 'bodyHtml', label: 'disclosure.form.content', as: 'area' },
          { name: 'publishedOn', label: 'disclosure.basic.date', type: 'date', required: true },
        ]}
      />

      <h2>{t('disclosure.basic.executives')}</h2>
      <ul>
        {executives.map((e) => (
          <li>
            {e.photo && (
              <img
                src={`/staff/disclosure/documents/${e.photo.id}`}
                alt=""
                width={48}
                height={48}
              />
            )}{' '}
            {e.nameTh} · {e.positionTh} · {t(`disclosure.basic.branches.${e.branch}`)}
            <DeleteButton kind="executives" id={e.id} />
          </li>
        ))}
      </ul>
      <AddForm
        kind="executives"
        form={f('executives')}
        multipart
        fields={[
          { name: 'nameTh', label: 'disclosure.basic.nameTh', required: true },
          { name: 'positionTh', label: 'disclosure.basic.positionTh', required: true },
          { name: 'branch', label: 'disclosure.basic.branch', as: 'select', options: branches },
          { name: 'phone', label: 'disclosure.basic.phone' },
          { name: 'email', label: 'disclosure.basic.email', type: 'email' },
          { name: 'sortOrder', label: 'disclosure.basic.sortOrder', numeric: true },
          { name: 'photo', label: 'disclosure.basic.photo', as: 'file', accept: '.jpg,.jpeg,.png' },
        ]}
      />

      <h2>{t('disclosure.basic.questions')}</h2>
      <ul>
        {questions.map((q) => (
          <li>
            {formatThaiDate(new Date(`${q.askedOn}T12:00:00+07:00`), { style: 'medium' })} ·{' '}
            {q.questionTh}
            {q.answerTh && <div class="muted">{q.answerTh}</div>}
            <DeleteButton kind="questions" id={q.id} />
          </li>
        ))}
      </ul>
      <AddForm
        kind="questions"
        form={f('questions')}
        fields={[
          { name: 'questionTh', label: 'disclosure.basic.question', as: 'area', required: true },
          { name: 'answerTh', label: 'disclosure.basic.answer', as: 'area' },
          { name: 'askedOn', label: 'disclosure.basic.date', type: 'date', required: true },
          { name: 'answeredOn', label: 'disclosure.basic.answeredOn', type: 'date' },
        ]}
      />

      <h2>{t('disclosure.basic.laws')}</h2>
      <ul>
        {laws.map((l) => (
          <li>
            {l.titleTh} {l.categoryTh && <span class="muted">({l.categoryTh})</span>}
            <DeleteButton kind="laws" id={l.id} />
          </li>
        ))}
      </ul>
      <AddForm
        kind="laws"
        form={f('laws')}
        fields={[
          { name: 'titleTh', label: 'disclosure.basic.titleTh', required: true },
          { name: 'url', label: 'disclosure.basic.url', type: 'url' },
          { name: 'categoryTh', label: 'disclosure.basic.category' },
          { name: 'sortOrder', label: 'disclosure.basic.sortOrder', numeric: true },
        ]}
      />
    </Layout>
  );
}
