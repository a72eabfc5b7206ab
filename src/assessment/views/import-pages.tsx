import { Layout } from '../../core/http/layout.js';
import { PageHeader, PostForm, useT } from '../../core/http/ui.js';
import type { ScoreFileError } from '../parse-score-file.js';
import type { ResultsPreview } from '../import-official-results.js';
import { getFramework } from '../frameworks/load-frameworks.js';
import { assumptionTh, explanationTh } from '../officer-text.js';
import { RuleSourceDetails } from './rule-source.js';

export interface ImportFormValues {
  fiscalYear: number;
  statedLevelTh: string;
}

/** Upload form; with `errors` it also lists every problem of the refused file. */
export function ImportPage(props: {
  years: number[];
  values: ImportFormValues;
  errors?: ScoreFileError[];
  fileName?: string;
}) {
  const t = useT();
  return (
    <Layout title={t('assessment.import.title')}>
      <PageHeader title={t('assessment.import.title')} lead={t('assessment.import.lead')} />
      {props.errors && (
        <div class="error-summary" role="alert" id="error-summary" tabindex={-1}>
          <p>
            <strong>{t('assessment.import.refused')}</strong>
            {props.fileName ? ` (${props.fileName})` : ''}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('assessment.importPage.row')}</th>
                <th scope="col">{t('assessment.importPage.column')}</th>
                <th scope="col">{t('assessment.importPage.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {props.errors.map((e) => (
                <tr>
                  <td class="num">{e.row ?? t('assessment.importPage.wholeFile')}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>{e.messageTh}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PostForm
        action="/staff/assessment/import/preview"
        enctype="multipart/form-data"
        class="card"
      >
        <div class="field">
          <label for="f-fiscalYear">{t('assessment.import.year')}</label>
          <select id="f-fiscalYear" name="fiscalYear">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === props.values.fiscalYear}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-statedLevelTh">{t('assessment.import.statedLevel')}</label>
          <input
            id="f-statedLevelTh"
            name="statedLevelTh"
            type="text"
            maxlength={100}
            value={props.values.statedLevelTh}
          />
        </div>
        <div class="field">
          <label for="f-file">{t('assessment.import.file')}</label>
          <input id="f-file" name="file" type="file" accept=".csv,.xlsx" required />
        </div>
        <button type="submit">{t('assessment.import.preview')}</button>
      </PostForm>
    </Layout>
  );
}

/**
 * What will be stored. Confirming posts only the staged file's id: the file itself stays in
 * the database and is checked again from there.
 */
export function ImportPreviewPage(props: {
  preview: Extract<ResultsPreview, { ok: true }>;
  values: ImportFormValues;
  fileName: string;
  stagedId: string;
}) {
  const t = useT();
  const { result, comparison } = props.preview;
  const framework = getFramework(props.values.fiscalYear);
  return (
    <Layout title={t('assessment.import.title')}>
      <PageHeader
        title={t('assessment.importPage.previewTitle', { year: props.values.fiscalYear })}
        lead={`${props.fileName} (${t(
          props.preview.kind === 'indicators'
            ? 'assessment.importPage.byIndicator'
            : 'assessment.importPage.byQuestion',
        )})`}
      />
      <div class="table-wrap">
        <table id="preview-table">
          <thead>
            <tr>
              <th scope="col">{t('assessment.importPage.indicatorNo')}</th>
              <th scope="col">{t('assessment.importPage.score')}</th>
            </tr>
          </thead>
          <tbody>
            {result.indicators.map((i) => (
              <tr>
                <td class="num">{i.no}</td>
                <td class="num">{i.score.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        IIT {result.tools.IIT.toFixed(2)} · EIT {result.tools.EIT.toFixed(2)} · OIT{' '}
        {result.tools.OIT.toFixed(2)} · {t('assessment.importPage.total')}{' '}
        <strong>{result.total.toFixed(2)}</strong> · {t('assessment.importPage.level')}{' '}
        {props.values.statedLevelTh.trim() || result.levelEstimate.wordingTh} ·{' '}
        {t(
          result.passed ? 'assessment.importPage.targetMet' : 'assessment.importPage.targetMissed',
        )}
      </p>
      {comparison && <p class="notice">{explanationTh(framework, comparison.explanationTh)}</p>}
      {result.unconfirmed.length > 0 && (
        <RuleSourceDetails
          summary={t('assessment.importPage.scoreSource', { n: result.unconfirmed.length })}
          sources={result.unconfirmed.map((u) => assumptionTh(framework, u))}
        />
      )}
      <PostForm action="/staff/assessment/import/confirm" class="card">
        <input type="hidden" name="stagedId" value={props.stagedId} />
        <button type="submit">{t('assessment.import.confirm')}</button>{' '}
        <a href="/staff/assessment/import">{t('assessment.importPage.cancel')}</a>
      </PostForm>
    </Layout>
  );
}
