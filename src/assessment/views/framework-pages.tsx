import type { ItaFramework } from '../frameworks/framework-schema.js';
import { diffRows, type FrameworkDiff } from '../diff-frameworks.js';
import { Layout } from '../../core/http/layout.js';
import { PageHeader, useT } from '../../core/http/ui.js';
import { describeMinimumSampleRule } from '../minimum-sample.js';
import { confidenceTh, sourceTh, withoutDeveloperNotes } from '../officer-text.js';

/** ความเชื่อมั่น badge: anything not confirmed is marked so nobody takes it as official. */
export function ConfidenceBadge(props: { confidence: string; note?: string | undefined }) {
  const t = useT();
  // The data's `note` is written for developers; an officer gets the meaning of the level.
  const cls =
    props.confidence === 'confirmed' ? 'ok' : props.confidence === 'likely' ? 'warn' : 'bad';
  const label =
    props.confidence === 'confirmed'
      ? t('assessment.frameworkPage.confirmed')
      : props.confidence === 'likely'
        ? t('assessment.frameworkPage.likely')
        : t('assessment.frameworkPage.unconfirmed');
  return (
    <span class={`badge ${cls}`} title={confidenceTh(props.confidence)}>
      {label}
    </span>
  );
}

/** Every indicator, question and OIT item of one year, with its source and confidence. */
export function FrameworkPage(props: { framework: ItaFramework; years: number[] }) {
  const t = useT();
  const f = props.framework;
  const src = (key: string) => sourceTh(f, key);
  const questions = [...f.iitQuestions, ...f.eitQuestions];
  return (
    <Layout title={t('assessment.frameworkPage.title', { year: f.fiscalYear })}>
      <PageHeader
        title={t('assessment.frameworkPage.heading', { year: f.fiscalYear })}
        lead={t('assessment.frameworkPage.lead')}
      />
      <p>
        {t('assessment.frameworkPage.otherYears')}{' '}
        {props.years.map((y) => (
          <>
            <a href={`/staff/assessment/frameworks/${y}`}>{y}</a>{' '}
          </>
        ))}
        ·{' '}
        <a href={`/staff/assessment/diff?from=${f.fiscalYear}&to=${f.fiscalYear + 1}`}>
          {t('assessment.frameworkPage.compareNext')}
        </a>
      </p>
      {f.notes.length > 0 && (
        <ul>
          {f.notes.map((n) => (
            <li>{withoutDeveloperNotes(n)}</li>
          ))}
        </ul>
      )}
      <h2>{t('assessment.frameworkPage.toolsAndIndicators')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('assessment.frameworkPage.indicatorNo')}</th>
              <th scope="col">{t('assessment.frameworkPage.name')}</th>
              <th scope="col">{t('assessment.frameworkPage.tool')}</th>
              <th scope="col">{t('assessment.frameworkPage.source')}</th>
              <th scope="col">{t('assessment.frameworkPage.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {f.indicators.map((i) => (
              <tr>
                <td class="num">{i.no}</td>
                <td>{i.nameTh}</td>
                <td>{i.tool}</td>
                <td>{src(i.source)}</td>
                <td>
                  <ConfidenceBadge confidence={i.confidence} note={i.note} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {t('assessment.frameworkPage.weights', {
          weights: f.tools
            .map((tool) => `${tool.code} ${Math.round(tool.weight * 100)}%`)
            .join(' · '),
          target: f.target.value,
        })}{' '}
        <ConfidenceBadge confidence={f.target.confidence} />
      </p>
      <h2>{t('assessment.frameworkPage.minimumSample')}</h2>
      <ul>
        {f.tools.flatMap((t) =>
          t.minimumSample
            ? [
                <li data-minimum-sample-rule={t.code}>
                  {t.code}: {describeMinimumSampleRule(t.minimumSample)} (
                  {src(t.minimumSample.source)}){' '}
                  <ConfidenceBadge
                    confidence={t.minimumSample.confidence}
                    note={t.minimumSample.note}
                  />
                </li>,
              ]
            : [],
        )}
      </ul>
      <h2>{t('assessment.frameworkPage.levels')}</h2>
      <ul>
        {f.resultLevels.levels.map((l) => (
          <li>
            {t('assessment.frameworkPage.levelTotal', { label: l.labelTh, min: l.minTotal })}
            {l.minEachTool !== null
              ? t('assessment.frameworkPage.levelEachTool', { min: l.minEachTool })
              : ''}{' '}
            ({src(l.source)}) <ConfidenceBadge confidence={l.confidence} note={l.note} />
          </li>
        ))}
      </ul>
      <h2>{t('assessment.frameworkPage.questions', { n: questions.length })}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('assessment.frameworkPage.code')}</th>
              <th scope="col">{t('assessment.frameworkPage.indicator')}</th>
              <th scope="col">{t('assessment.frameworkPage.question')}</th>
              <th scope="col">{t('assessment.frameworkPage.source')}</th>
              <th scope="col">{t('assessment.frameworkPage.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr>
                <td>{q.code}</td>
                <td class="num">{q.indicatorNo}</td>
                <td>
                  {q.textTh ?? <em>{t('assessment.frameworkPage.unknownWording')}</em>}
                  {q.isReverseScored ? t('assessment.frameworkPage.reverseScored') : ''}
                </td>
                <td>{src(q.source)}</td>
                <td>
                  <ConfidenceBadge confidence={q.confidence} note={q.note} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('assessment.frameworkPage.oitItems', { n: f.oitItems.length })}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('assessment.frameworkPage.code')}</th>
              <th scope="col">{t('assessment.frameworkPage.subIndicator')}</th>
              <th scope="col">{t('assessment.frameworkPage.item')}</th>
              <th scope="col">{t('assessment.frameworkPage.source')}</th>
              <th scope="col">{t('assessment.frameworkPage.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {f.oitItems.map((o) => (
              <tr>
                <td>{o.code}</td>
                <td>{o.subIndicator}</td>
                <td>{o.nameTh}</td>
                <td>{src(o.source)}</td>
                <td>
                  <ConfidenceBadge confidence={o.confidence} note={o.note} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** The same comparison as `ita diff`, as a page. */
export function DiffPage(props: { diff: FrameworkDiff; years: number[] }) {
  const t = useT();
  const d = props.diff;
  const rows = diffRows(d);
  return (
    <Layout title={t('assessment.frameworkPage.diffTitle', { from: d.from, to: d.to })}>
      <PageHeader
        title={t('assessment.frameworkPage.diffHeading', { from: d.from, to: d.to })}
        lead={t('assessment.frameworkPage.diffLead')}
      />
      <form method="get" action="/staff/assessment/diff" class="card">
        <label>
          {t('assessment.frameworkPage.fromYear')}{' '}
          <select name="from">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === d.from}>
                {y}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('assessment.frameworkPage.toYear')}{' '}
          <select name="to">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === d.to}>
                {y}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t('assessment.frameworkPage.compare')}</button>
      </form>
      <DiffTable rows={rows} />
    </Layout>
  );
}

/** The rows of `diffRows` as a table; also the import review page's diff. */
export function DiffTable(props: { rows: [string, string, string, string][] }) {
  const t = useT();
  if (props.rows.length === 0) return <p>{t('assessment.frameworkPage.noDifference')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('assessment.frameworkPage.section')}</th>
            <th scope="col">{t('assessment.frameworkPage.code')}</th>
            <th scope="col">{t('assessment.frameworkPage.from')}</th>
            <th scope="col">{t('assessment.frameworkPage.to')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              {r.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
