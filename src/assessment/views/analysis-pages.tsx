import { Layout } from '../../core/http/layout.js';
import { ErrorSummary, Notice, PageHeader, PostForm, useT } from '../../core/http/ui.js';
import type { FormState } from '../../core/http/form.js';
import type { Child } from 'hono/jsx';
import type { AnalysisAreaRow, AnalysisRow } from '../queries.js';

const BLANK_MEASURE_ROWS = 1;

/** The report's general texts, in the order the report prints them (the title a one-line input). */
const ANALYSIS_TEXTS = [
  'titleTh',
  'forewordTh',
  'resultSummaryTh',
  'overviewTh',
  'limitationsTh',
] as const;

/** The analysis of a year: its texts and options, and links to each issue area. */
export function AnalysisPage(props: {
  fiscalYear: number;
  analysis: AnalysisRow | null;
  areas: AnalysisAreaRow[];
  /** The form refused: the text as typed and why, instead of the stored text. */
  form?: FormState | undefined;
  /** The publication box (shown once the analysis exists). */
  publish?: Child;
}) {
  const t = useT();
  const y = props.fiscalYear;
  const base = `/staff/assessment/years/${y}/analysis`;
  const a = props.analysis;
  const form = props.form;
  const typed = (name: string, stored: string) =>
    form && typeof form.values[name] === 'string' ? (form.values[name] as string) : stored;
  return (
    <Layout title={t('assessment.analysisPage.title', { year: y })}>
      <PageHeader
        title={t('assessment.analysisPage.heading', { year: y })}
        lead={
          <a href={`/staff/assessment/years/${y}`}>{t('assessment.analysisPage.backToResults')}</a>
        }
      />
      <Notice />
      <ErrorSummary errors={form?.errors} message={form?.message} />
      {!a ? (
        <PostForm action={`${base}/start`} class="card">
          <p>{t('assessment.analysisPage.none')}</p>
          <button type="submit">{t('assessment.analysisPage.start')}</button>
        </PostForm>
      ) : (
        <>
          <h2>{t('assessment.analysisPage.areas')}</h2>
          <ol>
            {props.areas.map((area) => (
              <li>
                <a href={`${base}/areas/${area.areaCode}`}>{area.nameTh}</a> (
                {t('assessment.analysisPage.measureCount', { n: area.measures.length })})
              </li>
            ))}
          </ol>
          <PostForm action={base} class="card stack">
            <h2>{t('assessment.analysisPage.general')}</h2>
            {ANALYSIS_TEXTS.map((name) => (
              <Field
                name={name}
                label={t(`assessment.analysis.fields.${name}`)}
                value={typed(name, a[name])}
                error={form?.errors[name]}
                input={name === 'titleTh'}
              />
            ))}
            <label class="check">
              <input
                type="checkbox"
                name="useThaiDigits"
                value="1"
                checked={form ? form.values.useThaiDigits === '1' : a.useThaiDigits}
              />{' '}
              {t('assessment.analysisPage.thaiDigits')}
            </label>
            <button type="submit">{t('assessment.analysisPage.save')}</button>
          </PostForm>
          {props.publish}
        </>
      )}
    </Layout>
  );
}

function Field(props: {
  name: string;
  label: string;
  value: string;
  input?: boolean;
  error?: string | undefined;
}) {
  const t = useT();
  const id = `f-${props.name}`;
  const invalid = props.error ? 'true' : undefined;
  const describedBy = props.error ? `${id}-error` : undefined;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.error && (
        <p class="error" id={`${id}-error`}>
          {t(props.error)}
        </p>
      )}
      {props.input ? (
        <input
          id={id}
          name={props.name}
          type="text"
          value={props.value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      ) : (
        <textarea
          id={id}
          name={props.name}
          rows={6}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        >
          {props.value}
        </textarea>
      )}
    </div>
  );
}

type MeasureRow = AnalysisAreaRow['measures'][number];

/** The measure rows as the person typed them (`measures.<i>.<field>`), for a refused form. */
function typedMeasureRows(values: Record<string, unknown>): MeasureRow[] {
  const rows: MeasureRow[] = [];
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const lines = (name: string) => text(name).split(/\r?\n/);
  for (let i = 0; i < 40 && `measures.${i}.measureTh` in values; i++) {
    rows.push({
      measureTh: text(`measures.${i}.measureTh`),
      methodsTh: lines(`measures.${i}.methodsTh`),
      stepsTh: lines(`measures.${i}.stepsTh`),
      responsibleUnitTh: text(`measures.${i}.responsibleUnitTh`),
      timelineTh: text(`measures.${i}.timelineTh`),
    } as MeasureRow);
  }
  return rows;
}

/** One issue area: findings, improvements and its rows of the measures table. */
export function AnalysisAreaPage(props: {
  fiscalYear: number;
  area: AnalysisAreaRow;
  /** The form refused: the rows and text as typed and why, instead of the stored ones. */
  form?: FormState | undefined;
}) {
  const { area, form } = props;
  const t = useT();
  const action = `/staff/assessment/years/${props.fiscalYear}/analysis/areas/${area.areaCode}`;
  const typed = (name: string, stored: string) =>
    form && typeof form.values[name] === 'string' ? (form.values[name] as string) : stored;
  const rows = [
    ...(form ? typedMeasureRows(form.values) : area.measures),
    ...Array.from({ length: BLANK_MEASURE_ROWS }, () => ({
      measureTh: '',
      methodsTh: [] as string[],
      stepsTh: [] as string[],
      responsibleUnitTh: '',
      timelineTh: '',
    })),
  ];
  return (
    <Layout title={t('assessment.analysisPage.areaTitle', { no: area.no, name: area.nameTh })}>
      <PageHeader
        title={t('assessment.analysisPage.areaTitle', { no: area.no, name: area.nameTh })}
        lead={
          <a href={`/staff/assessment/years/${props.fiscalYear}/analysis`}>
            {t('assessment.analysisPage.backToAnalysis')}
          </a>
        }
      />
      <ErrorSummary errors={form?.errors} message={form?.message} />
      <PostForm action={action} class="stack">
        <Field
          name="findingsTh"
          label={t('assessment.analysisPage.findings')}
          value={typed('findingsTh', area.findingsTh.join('\n'))}
          error={form?.errors.findingsTh}
        />
        <Field
          name="improvementsTh"
          label={t('assessment.analysisPage.improvements')}
          value={typed('improvementsTh', area.improvementsTh.join('\n'))}
          error={form?.errors.improvementsTh}
        />
        <h2>{t('assessment.analysisPage.measures')}</h2>
        <p class="muted">{t('assessment.analysisPage.measuresHint')}</p>
        {rows.map((m, i) => (
          <fieldset class="card">
            <legend>{t('assessment.analysisPage.measureNo', { n: i + 1 })}</legend>
            <Field
              name={`measures.${i}.measureTh`}
              label={t('assessment.analysisPage.measure')}
              value={m.measureTh}
              error={form?.errors[`measures.${i}.measureTh`]}
              input
            />
            <Field
              name={`measures.${i}.methodsTh`}
              error={form?.errors[`measures.${i}.methodsTh`]}
              label={t('assessment.analysisPage.methods')}
              value={m.methodsTh.join('\n')}
            />
            <Field
              name={`measures.${i}.stepsTh`}
              error={form?.errors[`measures.${i}.stepsTh`]}
              label={t('assessment.analysisPage.steps')}
              value={m.stepsTh.join('\n')}
            />
            <Field
              name={`measures.${i}.responsibleUnitTh`}
              error={form?.errors[`measures.${i}.responsibleUnitTh`]}
              label={t('assessment.analysisPage.responsible')}
              value={m.responsibleUnitTh}
              input
            />
            <Field
              name={`measures.${i}.timelineTh`}
              error={form?.errors[`measures.${i}.timelineTh`]}
              label={t('assessment.analysisPage.timeline')}
              value={m.timelineTh}
            />
          </fieldset>
        ))}
        <button type="submit">{t('assessment.analysisPage.saveArea')}</button>
      </PostForm>
    </Layout>
  );
}
