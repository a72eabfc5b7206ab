import {
  describeMinimumSampleRule,
  getFramework,
  RuleSourceDetails,
  sourceTh,
  type MinimumSample,
} from '../../assessment/index.js';
import { ErrorSummary, PostForm, useT, type FieldErrors } from '../../core/http/ui.js';
import { formatNumberTh } from '../../core/i18n/thai-format.js';
import type { Campaign } from '../campaigns.js';
import { people, whoCounts } from './staff-parts.js';

const CONFIDENCE_BADGE = { confirmed: 'ok', likely: 'warn', unconfirmed: 'warn' } as const;

/**
 * กลุ่มตัวอย่างขั้นต่ำ against the answers so far. The rule's confidence and source are always
 * shown: the NACC's own formula is not known, so nobody should take the number as official.
 */
export function MinimumSampleProgress(props: {
  minimum: MinimumSample;
  total: number;
  canManage: boolean;
}) {
  const t = useT();
  const k = (key: string, params?: Record<string, unknown>) =>
    t(`surveys.staff.minimum.${key}`, params);
  const { minimum, total } = props;
  const badge = CONFIDENCE_BADGE[minimum.confidence];
  const who = whoCounts(t, minimum.tool);
  const isEstimate = minimum.basis === 'no-population';
  const missing = Math.max(0, minimum.sample - total);
  const sample = people(t, minimum.sample);
  return (
    <div data-minimum-sample={minimum.sample} data-minimum-basis={minimum.basis}>
      <p>
        {k('label')} <strong>{isEstimate ? k('atLeast', { sample }) : sample}</strong>{' '}
        {badge === 'ok' ? null : (
          <span class={`badge ${badge}`}>{t(`surveys.confidence.${minimum.confidence}`)}</span>
        )}
      </p>
      {isEstimate ? (
        <p class="notice" data-no-population>
          {k('noPopulation', { who, sample })}{' '}
          {props.canManage ? (
            <>
              {k('enterHere')} <a href="#population">{t('surveys.staff.population.title')}</a>{' '}
              {k('below')}
            </>
          ) : (
            k('adminEnters')
          )}{' '}
          {k('thenComputed')}
        </p>
      ) : (
        <p>
          {k('computedFrom', { who, count: people(t, minimum.population!) })}
          {minimum.basis === 'everyone' && ` ${k('everyone')}`}
        </p>
      )}
      <p data-progress>
        {k('progress', { total: formatNumberTh(total), sample: formatNumberTh(minimum.sample) })}{' '}
        {missing === 0 ? k('reached') : k('missing', { n: formatNumberTh(missing) })}
      </p>
      <progress max={minimum.sample} value={Math.min(total, minimum.sample)} />
      <p class="muted">
        {k('rule', { year: minimum.fiscalYear })} {describeMinimumSampleRule(minimum.rule)}
      </p>
      <div class="muted" data-minimum-source>
        <RuleSourceDetails
          sources={[
            sourceTh(getFramework(minimum.fiscalYear), minimum.source.key),
            ...(minimum.confidence !== 'confirmed' ? [k('officialFigure')] : []),
          ]}
          confidence={minimum.confidence}
          url={minimum.source.url}
        />
      </div>
    </div>
  );
}

/** จำนวนผู้มีส่วนได้ส่วนเสีย: the agency admin enters or corrects it; others only read it. */
export function PopulationSection(props: {
  campaign: Campaign;
  canManage: boolean;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown> | undefined;
}) {
  const t = useT();
  const k = (key: string, params?: Record<string, unknown>) =>
    t(`surveys.staff.population.${key}`, params);
  const { campaign } = props;
  const stored = campaign.stakeholderPopulation;
  const typed = props.values?.stakeholderPopulation;
  const value = typeof typed === 'string' ? typed : stored === null ? '' : String(stored);
  const error = props.errors?.stakeholderPopulation;
  const who = whoCounts(t, campaign.tool);
  return (
    <section id="population">
      <h2>{k('title')}</h2>
      {!props.canManage ? (
        <p data-population>
          {who}: {stored === null ? k('notEntered') : people(t, stored)}
        </p>
      ) : (
        <>
          <ErrorSummary errors={props.errors} />
          <PostForm action={`/staff/surveys/${campaign.id}/population`} class="card">
            <div class={error ? 'field field-error' : 'field'}>
              <label for="f-stakeholderPopulation">{k('label', { who })}</label>
              <p class="hint" id="f-stakeholderPopulation-hint">
                {k('hint')}
              </p>
              {error && (
                <p class="error" id="f-stakeholderPopulation-error">
                  {t(error)}
                </p>
              )}
              <input
                id="f-stakeholderPopulation"
                name="stakeholderPopulation"
                inputmode="numeric"
                value={value}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={`f-stakeholderPopulation-hint${error ? ' f-stakeholderPopulation-error' : ''}`}
              />
            </div>
            <button type="submit">{k('save')}</button>
          </PostForm>
        </>
      )}
    </section>
  );
}
