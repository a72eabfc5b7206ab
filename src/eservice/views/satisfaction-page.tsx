import { Layout } from '../../core/http/layout.js';
import type { FormState } from '../../core/http/form.js';
import {
  ErrorSummary,
  FieldError,
  PageHeader,
  PostForm,
  TextArea,
  useT,
  useVars,
} from '../../core/http/ui.js';
import { SATISFACTION_ASPECTS } from '../answer-satisfaction.js';

/** The 1–5 satisfaction form of a completed request (radio buttons: no JavaScript). */
export function SatisfactionPage(props: { trackingCode: string; form: FormState }) {
  const t = useT();
  const slug = useVars().publicAgency.slug;
  const { values, errors } = props.form;
  return (
    <Layout title={t('eservice.survey.title')}>
      <PageHeader title={t('eservice.survey.title')} lead={t('eservice.survey.lead')} />
      <ErrorSummary errors={errors} message={props.form.message} />
      <PostForm action={`/a/${slug}/track/${props.trackingCode}/survey`} class="stack">
        {SATISFACTION_ASPECTS.map((aspect) => (
          <fieldset id={`f-${aspect}`}>
            <legend>{t(`eservice.survey.${aspect}`)}</legend>
            <FieldError name={aspect} errors={errors} />
            {[1, 2, 3, 4, 5].map((score) => (
              <label>
                <input
                  type="radio"
                  name={aspect}
                  value={String(score)}
                  checked={values[aspect] === String(score)}
                />{' '}
                {score}
              </label>
            ))}
          </fieldset>
        ))}
        <TextArea
          name="comment"
          label="eservice.survey.comment"
          value={typeof values.comment === 'string' ? values.comment : ''}
          errors={errors}
        />
        <button type="submit">{t('eservice.survey.submit')}</button>
      </PostForm>
    </Layout>
  );
}
