import { raw } from 'hono/html';
import { groupedBarChart, horizontalBarChart } from '../../core/documents/charts.js';
import { Layout } from '../../core/http/layout.js';
import { ErrorSummary, Notice, PageHeader, PostForm, useT } from '../../core/http/ui.js';
import type { FormState } from '../../core/http/form.js';
import type { ReportData } from '../gather-report-data.js';
import type { WeakQuestionRule } from '../flag-weak-questions.js';
import { presentLevel } from '../result-level.js';
import { explanationTh } from '../officer-text.js';
import { formatThaiDate } from '../../core/i18n/thai-format.js';

const fixed = (n: number) => n.toFixed(2);

function Change(props: { now: number; before: number | undefined }) {
  if (props.before === undefined) return <td class="num muted">—</td>;
  const delta = props.now - props.before;
  const cls = delta > 0 ? 'ok' : delta < 0 ? 'bad' : 'muted';
  return (
    <td class="num">
      <span class={`badge ${cls}`}>
        {delta > 0 ? '+' : ''}
        {fixed(delta)}
      </span>
    </td>
  );
}

export interface WeakSettingsView {
  rule: WeakQuestionRule;
  addedCodes: string[];
  removedCodes: string[];
}

/** Results of one year: indicators, tools, total, levels, target, year-over-year and weak questions. */
export function DashboardPage(props: {
  data: ReportData;
  years: number[];
  settings: WeakSettingsView;
  /** The weak-question form refused: what was typed and why. */
  weakForm?: FormState | undefined;
}) {
  const { rule } = props.settings;
  const t = useT();
  const typed = props.weakForm?.values ?? {};
  const errors = props.weakForm?.errors ?? {};
  /** What the person typed, else the stored setting. */
  const shown = (name: string, stored: string) =>
    typeof typed[name] === 'string' ? (typed[name] as string) : stored;
  const kind = shown('kind', rule.kind);
  const errorOf = (name: string) =>
    errors[name] && (
      <p class="error" id={`f-${name}-error`}>
        {t(errors[name])}
      </p>
    );
  const d = (key: string, params?: Record<string, unknown>) =>
    t(`assessment.dashboard.${key}`, params);
  const settingsText =
    rule.kind === 'below'
      ? d('ruleBelow', { threshold: rule.threshold })
      : d('ruleLowest', { n: rule.n });
  const { data } = props;
  const { framework, result, previous } = data;
  const y = data.fiscalYear;
  const base = `/staff/assessment/years/${y}`;
  const names = new Map(framework.indicators.map((i) => [i.no, i]));
  const before = (no: number) => previous?.indicatorScores.find((s) => s.no === no)?.score;
  const prevQ = new Map((previous?.questionScores ?? []).map((q) => [q.code, q.score]));
  return (
    <Layout title={d('title', { year: y })}>
      <PageHeader
        title={d('heading', { year: y })}
        lead={data.agency.nameTh}
        actions={
          <>
            <a class="button" href={`${base}/report.docx`}>
              {d('downloadDocx')}
            </a>{' '}
            <a class="button secondary" href={`${base}/report.pdf`}>
              {d('downloadPdf')}
            </a>{' '}
            <a class="button secondary" href={`${base}/report.pdf?digits=arabic`}>
              {d('pdfArabic')}
            </a>
          </>
        }
      />
      <Notice />
      <nav aria-label={d('fiscalYear')}>
        {d('year')}{' '}
        {props.years.map((year) => (
          <>
            {year === y ? (
              <strong>{year}</strong>
            ) : (
              <a href={`/staff/assessment/years/${year}`}>{year}</a>
            )}{' '}
          </>
        ))}
        · <a href="/staff/assessment/import">{d('import')}</a> ·{' '}
        <a href={`${base}/analysis`}>{d('editAnalysis')}</a> ·{' '}
        <a href={`/staff/assessment/frameworks/${y}`}>{d('framework', { year: y })}</a>
      </nav>
      {!result ? (
        <p class="card">{d('noResult', { year: y })}</p>
      ) : (
        <>
          <div class="cards">
            <div class="card">
              <h2>{d('total')}</h2>
              <p class="lead" data-testid="total">
                {fixed(result.total)}
              </p>
              <p>
                {result.total >= framework.target.value ? (
                  <span class="badge ok">{d('targetMet', { target: framework.target.value })}</span>
                ) : (
                  <span class="badge bad">
                    {d('targetMissed', { target: framework.target.value })}
                  </span>
                )}
              </p>
              {previous && (
                <p>
                  {d('versus', { year: previous.fiscalYear, total: fixed(previous.total) })}{' '}
                  {result.total - previous.total >= 0 ? '+' : ''}
                  {fixed(result.total - previous.total)}
                </p>
              )}
            </div>
            <div class="card">
              <h2>{d('level')}</h2>
              {result.statedLevelTh ? (
                <p>
                  {d('officialLevel')} <strong>{result.statedLevelTh}</strong>
                </p>
              ) : (
                <p class="muted">{d('noOfficialLevel')}</p>
              )}
              <p>
                {d('computedLevel', { year: y })}{' '}
                {presentLevel(framework, result.levelCode, null).labelTh}
              </p>
              {data.comparison && (
                <p class={data.comparison.agrees ? '' : 'notice'}>
                  {explanationTh(framework, data.comparison.explanationTh)}
                </p>
              )}
            </div>
            <div class="card">
              <h2>{d('byTool')}</h2>
              <ul>
                {framework.tools.map((tool) => (
                  <li>
                    {tool.code} ({Math.round(tool.weight * 100)}%):{' '}
                    {fixed(result.toolScores[tool.code])}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <p class="muted">
            {d('importedFrom', { file: result.sourceFileName, by: result.importedByLabel })}{' '}
            {formatThaiDate(result.importedAt, { style: 'medium' })}
            {result.isDemo ? ` · ${d('demo')}` : ''}
          </p>
          <h2>{d('byIndicator')}</h2>
          <div class="table-wrap">
            <table id="indicator-table">
              <thead>
                <tr>
                  <th scope="col">{d('indicatorNo')}</th>
                  <th scope="col">{d('indicatorName')}</th>
                  <th scope="col">{d('tool')}</th>
                  <th scope="col">{d('score')}</th>
                  <th scope="col">
                    {d('previousYear')}
                    {previous ? ` (${previous.fiscalYear})` : ''}
                  </th>
                  <th scope="col">{d('change')}</th>
                </tr>
              </thead>
              <tbody>
                {result.indicatorScores.map((i) => (
                  <tr>
                    <td class="num">{i.no}</td>
                    <td>{names.get(i.no)?.nameTh}</td>
                    <td>{names.get(i.no)?.tool}</td>
                    <td class="num">{fixed(i.score)}</td>
                    <td class="num">{before(i.no) === undefined ? '—' : fixed(before(i.no)!)}</td>
                    <Change now={i.score} before={before(i.no)} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <figure>
            {raw(
              horizontalBarChart({
                title: d('chartIndicators', { year: y }),
                bars: result.indicatorScores.map((i) => ({
                  label: `${i.no} ${names.get(i.no)?.nameTh ?? ''}`,
                  value: i.score,
                })),
              }),
            )}
          </figure>
          {data.history.length > 1 && (
            <figure>
              {raw(
                groupedBarChart({
                  title: d('chartYears'),
                  categories: framework.indicators.map((i) => String(i.no)),
                  series: data.history
                    .filter((h) => h.fiscalYear <= y)
                    .slice(-3)
                    .map((h) => ({
                      name: d('be', { year: h.fiscalYear }),
                      values: framework.indicators.map(
                        (i) => h.indicatorScores.find((s) => s.no === i.no)?.score ?? 0,
                      ),
                    })),
                }),
              )}
            </figure>
          )}
          {result.questionScores.length > 0 && (
            <details>
              <summary>{d('byQuestion', { n: result.questionScores.length })}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{d('question')}</th>
                    <th scope="col">{d('indicator')}</th>
                    <th scope="col">{d('score')}</th>
                    <th scope="col">{d('change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.questionScores.map((q) => (
                    <tr>
                      <td>{q.code}</td>
                      <td class="num">{q.indicatorNo}</td>
                      <td class="num">{fixed(q.score)}</td>
                      <Change now={q.score} before={prevQ.get(q.code)} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      <h2>{d('weakTitle')}</h2>
      <p class="muted">
        {settingsText}
        {props.settings.addedCodes.length > 0 &&
          ` · ${d('addedList', { codes: props.settings.addedCodes.join(', ') })}`}
        {props.settings.removedCodes.length > 0 &&
          ` · ${d('removedList', { codes: props.settings.removedCodes.join(', ') })}`}
      </p>
      <p class="muted">{d('weakHint')}</p>
      {data.weak.areas.map((area) => (
        <section>
          <h3>
            {d('area', { no: area.no })} {area.nameTh}
          </h3>
          {area.questions.length === 0 ? (
            <p class="muted">{d('none')}</p>
          ) : (
            <ul>
              {area.questions.map((q) => (
                <li>
                  {q.code} ({d('indicatorOf', { no: q.indicatorNo })}){' '}
                  {q.score === null ? '—' : fixed(q.score)}{' '}
                  {q.reason === 'manual' ? <span class="badge muted">{d('manual')}</span> : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {data.weak.unmapped.length > 0 && (
        <p>{d('unmapped', { codes: data.weak.unmapped.map((q) => q.code).join(', ') })}</p>
      )}
      <PostForm action={`${base}/weak-questions`} class="card" id="weak-questions">
        <h3>{d('ruleTitle')}</h3>
        {props.weakForm && (
          <ErrorSummary errors={props.weakForm.errors} message={props.weakForm.message} />
        )}
        {errorOf('threshold')}
        <label>
          <input type="radio" name="kind" value="below" checked={kind === 'below'} /> {d('below')}{' '}
          <input
            id="f-threshold"
            name="threshold"
            inputmode="decimal"
            value={shown('threshold', String(rule.kind === 'below' ? rule.threshold : 100))}
            aria-invalid={errors.threshold ? 'true' : undefined}
          />
        </label>
        {errorOf('n')}
        <label>
          <input type="radio" name="kind" value="lowestPerIndicator" checked={kind !== 'below'} />{' '}
          {d('lowest')}{' '}
          <input
            id="f-n"
            name="n"
            inputmode="numeric"
            value={shown('n', String(rule.kind === 'below' ? 2 : rule.n))}
            aria-invalid={errors.n ? 'true' : undefined}
          />{' '}
          {d('perIndicator')}
        </label>
        {errorOf('addedCodes')}
        <label>
          {d('addedLabel')}
          <input
            type="text"
            id="f-addedCodes"
            name="addedCodes"
            value={shown('addedCodes', props.settings.addedCodes.join(', '))}
            aria-invalid={errors.addedCodes ? 'true' : undefined}
          />
        </label>
        {errorOf('removedCodes')}
        <label>
          {d('removedLabel')}
          <input
            type="text"
            id="f-removedCodes"
            name="removedCodes"
            value={shown('removedCodes', props.settings.removedCodes.join(', '))}
            aria-invalid={errors.removedCodes ? 'true' : undefined}
          />
        </label>
        <button type="submit">{d('saveRule')}</button>
      </PostForm>
    </Layout>
  );
}
