import { Layout } from '../../core/http/layout.js';
import { FRESH_FORM, type FormState } from '../../core/http/form.js';
import { ErrorSummary, Notice, PageHeader, PostForm, useT } from '../../core/http/ui.js';
import type { MeasureView } from '../queries.js';
import { ActionTable, BASE, StepFields, type StepChoices } from './action-parts.js';

/** The form that adds a step to a measure; refused, it comes back filled in. */
function AddStepForm(props: StepChoices & { measureId: string; form: FormState }) {
  const t = useT();
  const { errors, values, message } = props.form;
  return (
    <PostForm action={`${BASE}/${props.measureId}/actions`} class="card" id="add-action">
      <ErrorSummary errors={errors} message={message} />
      <StepFields units={props.units} people={props.people} values={values} errors={errors} />
      <button type="submit">{t('measures.measure.addAction')}</button>
    </PostForm>
  );
}

export function MeasurePage(props: {
  measure: MeasureView;
  canManage: boolean;
  units: { value: string; label: string }[];
  people: { value: string; label: string }[];
  actionForm?: FormState;
}) {
  const t = useT();
  const m = props.measure;
  return (
    <Layout title={m.title}>
      <PageHeader title={m.title} lead={`${t('measures.board.year')} ${m.fiscalYear}`} />
      <Notice />
      <dl>
        <dt>{t('measures.measure.method')}</dt>
        <dd>
          {m.methodText.split('\n').map((l) => (
            <div>{l}</div>
          ))}
        </dd>
        <dt>{t('measures.measure.monitoring')}</dt>
        <dd>{m.monitoringText}</dd>
        <dt>{t('measures.measure.source')}</dt>
        <dd>
          {m.source === 'analysis'
            ? t('measures.measure.sourceAnalysis')
            : t('measures.measure.sourceManual')}
        </dd>
      </dl>
      <h2>{t('measures.measure.actions')}</h2>
      <ActionTable list={m.actions} />
      {props.canManage && (
        <>
          <h2>{t('measures.measure.addAction')}</h2>
          <AddStepForm
            measureId={m.id}
            units={props.units}
            people={props.people}
            form={props.actionForm ?? FRESH_FORM}
          />
        </>
      )}
      <p>
        <a href={`${BASE}?year=${m.fiscalYear}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}
