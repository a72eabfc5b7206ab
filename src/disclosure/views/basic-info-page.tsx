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
  const v = (kind: BasicInfoKind, name: string) => f(kind)?.values[name] as string | undefined;
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
      <PostForm action={`${BASIC_BASE}/news`} class="card">
        <SelectField
          name="kind"
          label="disclosure.basic.kind"
          value={v('news', 'kind')}
          options={['news', 'announcement'].map((k) => ({
            value: k,
            label: t(`disclosure.basic.newsKinds.${k}`),
          }))}
        />
        <TextField
          name="titleTh"
          label="disclosure.basic.titleTh"
          required
          value={v('news', 'titleTh')}
          errors={f('news')?.errors}
        />
        <TextArea
          name="bodyHtml"
          label="disclosure.form.content"
          value={v('news', 'bodyHtml')}
          errors={f('news')?.errors}
        />
        <TextField
          name="publishedOn"
          label="disclosure.basic.date"
          type="date"
          required
          value={v('news', 'publishedOn')}
          errors={f('news')?.errors}
        />
        <button type="submit">{t('create')}</button>
      </PostForm>

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
      <PostForm action={`${BASIC_BASE}/executives`} class="card" enctype="multipart/form-data">
        <TextField
          name="nameTh"
          label="disclosure.basic.nameTh"
          required
          value={v('executives', 'nameTh')}
          errors={f('executives')?.errors}
        />
        <TextField
          name="positionTh"
          label="disclosure.basic.positionTh"
          required
          value={v('executives', 'positionTh')}
          errors={f('executives')?.errors}
        />
        <SelectField
          name="branch"
          label="disclosure.basic.branch"
          value={v('executives', 'branch')}
          options={['political', 'civil_service'].map((b) => ({
            value: b,
            label: t(`disclosure.basic.branches.${b}`),
          }))}
        />
        <TextField
          name="phone"
          label="disclosure.basic.phone"
          value={v('executives', 'phone')}
          errors={f('executives')?.errors}
        />
        <TextField
          name="email"
          label="disclosure.basic.email"
          type="email"
          value={v('executives', 'email')}
          errors={f('executives')?.errors}
        />
        <TextField
          name="sortOrder"
          label="disclosure.basic.sortOrder"
          inputmode="numeric"
          value={v('executives', 'sortOrder') ?? '0'}
          errors={f('executives')?.errors}
        />
        <FileField
          name="photo"
          label="disclosure.basic.photo"
          accept=".jpg,.jpeg,.png"
          errors={f('executives')?.errors}
          chosen={f('executives')?.chosenFiles.photo}
        />
        <button type="submit">{t('create')}</button>
      </PostForm>

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
      <PostForm action={`${BASIC_BASE}/questions`} class="card">
        <TextArea
          name="questionTh"
          label="disclosure.basic.question"
          required
          value={v('questions', 'questionTh')}
          errors={f('questions')?.errors}
        />
        <TextArea
          name="answerTh"
          label="disclosure.basic.answer"
          value={v('questions', 'answerTh')}
          errors={f('questions')?.errors}
        />
        <TextField
          name="askedOn"
          label="disclosure.basic.date"
          type="date"
          required
          value={v('questions', 'askedOn')}
          errors={f('questions')?.errors}
        />
        <TextField
          name="answeredOn"
          label="disclosure.basic.answeredOn"
          type="date"
          value={v('questions', 'answeredOn')}
          errors={f('questions')?.errors}
        />
        <button type="submit">{t('create')}</button>
      </PostForm>

      <h2>{t('disclosure.basic.laws')}</h2>
      <ul>
        {laws.map((l) => (
          <li>
            {l.titleTh} {l.categoryTh && <span class="muted">({l.categoryTh})</span>}
            <DeleteButton kind="laws" id={l.id} />
          </li>
        ))}
      </ul>
      <PostForm action={`${BASIC_BASE}/laws`} class="card">
        <TextField
          name="titleTh"
          label="disclosure.basic.titleTh"
          required
          value={v('laws', 'titleTh')}
          errors={f('laws')?.errors}
        />
        <TextField
          name="url"
          label="disclosure.basic.url"
          type="url"
          value={v('laws', 'url')}
          errors={f('laws')?.errors}
        />
        <TextField
          name="categoryTh"
          label="disclosure.basic.category"
          value={v('laws', 'categoryTh')}
          errors={f('laws')?.errors}
        />
        <TextField
          name="sortOrder"
          label="disclosure.basic.sortOrder"
          inputmode="numeric"
          value={v('laws', 'sortOrder') ?? '0'}
          errors={f('laws')?.errors}
        />
        <button type="submit">{t('create')}</button>
      </PostForm>
    </Layout>
  );
}
