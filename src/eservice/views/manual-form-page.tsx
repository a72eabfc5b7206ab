import { Layout } from '../../core/http/layout.js';
import type { FormState } from '../../core/http/form.js';
import {
  ErrorSummary,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
} from '../../core/http/ui.js';
import { DURATION_UNITS } from '../manual.js';
import { BLANK_STEP_ROWS } from '../manual-form.js';

interface Unit {
  id: string;
  nameTh: string;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];

/** The manual editor: every field of the manual, steps as rows; saving writes a new revision. */
export function ManualFormPage(props: {
  action: string;
  isNew: boolean;
  units: Unit[];
  form: FormState;
}) {
  const t = useT();
  const { values, errors } = props.form;
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const titles = list(values.stepTitle);
  const rows = titles.length + BLANK_STEP_ROWS;
  const unitOptions = (selected: string) => [
    <option value="">{t('eservice.manualForm.noUnit')}</option>,
    ...props.units.map((u) => (
      <option value={u.id} selected={u.id === selected}>
        {u.nameTh}
      </option>
    )),
  ];
  return (
    <Layout title={t('eservice.manualForm.title')}>
      <PageHeader title={t('eservice.manualForm.title')} />
      <ErrorSummary errors={errors} message={props.form.message} />
      <PostForm action={props.action} class="stack">
        {props.isNew && (
          <TextField
            name="code"
            label="eservice.manualForm.code"
            value={str('code')}
            errors={errors}
            required
            maxlength={49}
          />
        )}
        <TextField
          name="name"
          label="eservice.manualForm.name"
          value={str('name')}
          errors={errors}
          required
          maxlength={300}
        />
        <div class="field">
          <label for="f-unitId">{t('eservice.manualForm.unitId')}</label>
          <select id="f-unitId" name="unitId">
            {unitOptions(str('unitId'))}
          </select>
        </div>
        <TextField
          name="category"
          label="eservice.manualForm.category"
          value={str('category')}
          errors={errors}
        />
        <TextArea
          name="legalBasis"
          label="eservice.manualForm.legalBasis"
          value={str('legalBasis')}
          errors={errors}
        />
        <TextField
          name="servicePlace"
          label="eservice.manualForm.servicePlace"
          value={str('servicePlace')}
          errors={errors}
        />
        <TextField
          name="serviceHours"
          label="eservice.manualForm.serviceHours"
          value={str('serviceHours')}
          errors={errors}
        />
        <label>
          <input
            type="checkbox"
            name="isOnline"
            value="on"
            checked={props.isNew || values.isOnline === 'on'}
          />{' '}
          {t('eservice.manualForm.isOnline')}
        </label>
        <TextArea
          name="conditions"
          label="eservice.manualForm.conditions"
          value={str('conditions')}
          errors={errors}
        />
        <fieldset id="f-stepTitle">
          <legend>{t('eservice.manualForm.stepsLegend')}</legend>
          {errors.stepTitle && <p class="error">{t(errors.stepTitle)}</p>}
          {Array.from({ length: rows }, (_, i) => (
            <div class="step-row">
              <label>
                {t('eservice.manualForm.stepTitle')} {i + 1}
                <input name="stepTitle" value={titles[i] ?? ''} maxlength={200} />
              </label>
              <label>
                {t('eservice.manualForm.stepDuration')}
                <input
                  name="stepDuration"
                  value={list(values.stepDuration)[i] ?? ''}
                  inputmode="numeric"
                  size={5}
                />
              </label>
              <label>
                {t('eservice.manualForm.stepUnit')}
                <select name="stepUnit">
                  {DURATION_UNITS.map((u) => (
                    <option value={u} selected={(list(values.stepUnit)[i] ?? 'days') === u}>
                      {t(`eservice.unit.${u}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('eservice.manualForm.stepUnitId')}
                <select name="stepUnitId">{unitOptions(list(values.stepUnitId)[i] ?? '')}</select>
              </label>
            </div>
          ))}
        </fieldset>
        <TextArea
          name="documents"
          label="eservice.manualForm.documents"
          value={str('documents')}
          errors={errors}
          rows={6}
        />
        <TextArea
          name="fees"
          label="eservice.manualForm.fees"
          value={str('fees')}
          errors={errors}
        />
        <TextArea
          name="complaintChannels"
          label="eservice.manualForm.complaintChannels"
          value={str('complaintChannels')}
          errors={errors}
        />
        <TextArea
          name="forms"
          label="eservice.manualForm.forms"
          value={str('forms')}
          errors={errors}
        />
        {!props.isNew && (
          <TextField
            name="changeNote"
            label="eservice.manualForm.changeNote"
            value={str('changeNote')}
            errors={errors}
          />
        )}
        <button type="submit">{t('eservice.manualForm.save')}</button>
      </PostForm>
    </Layout>
  );
}
