import {
  assumptionTh,
  getFramework,
  RuleSourceDetails,
  type MinimumSample,
} from '../../assessment/index.js';
import { Layout } from '../../core/http/layout.js';
import { FRESH_FORM, type FormState } from '../../core/http/form.js';
import {
  ErrorSummary,
  FieldError,
  Notice,
  PageHeader,
  PostForm,
  useT,
} from '../../core/http/ui.js';
import type { Campaign } from '../campaigns.js';
import type { OfficialComparison } from '../compare-with-official.js';
import type { CampaignScore, campaignCounts } from '../score-campaign.js';
import type { SurveyShape } from '../survey-pages.js';
import { MinimumSampleProgress, PopulationSection } from './minimum-sample.js';
import { QuestionWordingSection } from './question-wording-section.js';
import { channelName, thaiDay } from './staff-parts.js';

function ScoreTable({ score, fiscalYear }: { score: CampaignScore; fiscalYear: number }) {
  const t = useT();
  return (
    <div class="table-wrap">
      <table id="score">
        <caption>
          {t('surveys.staff.score.caption', { tool: score.tool, n: score.respondents })}
        </caption>
        <tbody>
          <tr>
            <th>{score.tool}</th>
            <td class="num" data-score-tool>
              {score.toolScore.toFixed(2)}
            </td>
          </tr>
          {score.indicators.map((i) => (
            <tr>
              <th>{t('surveys.staff.score.indicator', { no: i.no })}</th>
              <td class="num" data-score-indicator={i.no}>
                {i.score.toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.unconfirmed.length > 0 && (
        <RuleSourceDetails
          summary={t('surveys.staff.score.source', { n: score.unconfirmed.length })}
          sources={score.unconfirmed.map((u) => assumptionTh(getFramework(fiscalYear), u))}
        />
      )}
    </div>
  );
}

/** The campaign's scores beside the imported official ones of the same year and tool. */
function OfficialComparisonTable(props: { comparison: OfficialComparison; isDemo: boolean }) {
  const t = useT();
  const k = (key: string) => t(`surveys.staff.official.${key}`);
  const { comparison: cmp } = props;
  const diff = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(2)}`);
  return (
    <div class="table-wrap">
      <table id="official" data-official-difference={cmp.difference.toFixed(2)}>
        <caption>
          {k('caption')}
          {props.isDemo ? ` ${k('demo')}` : ''} — {k('trendOnly')}
        </caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" class="num">
              {k('ours')}
            </th>
            <th scope="col" class="num">
              {k('official')}
            </th>
            <th scope="col" class="num">
              {k('difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{cmp.tool}</th>
            <td class="num">{cmp.ours.toFixed(2)}</td>
            <td class="num">{cmp.official.toFixed(2)}</td>
            <td class="num">{diff(cmp.difference)}</td>
          </tr>
          {cmp.indicators.map((i) => (
            <tr>
              <th scope="row">{t('surveys.staff.score.indicator', { no: i.no })}</th>
              <td class="num">{i.ours === null ? '—' : i.ours.toFixed(2)}</td>
              <td class="num">{i.official.toFixed(2)}</td>
              <td class="num">{diff(i.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Everything the campaign dashboard shows, gathered by the route. */
export interface CampaignPageData {
  campaign: Campaign;
  counts: Awaited<ReturnType<typeof campaignCounts>>;
  score: CampaignScore | null;
  /** The official result of the year, if imported: whether it is demo data. */
  official: { isDemo: boolean } | null;
  comparison: OfficialComparison | null;
  minimum: MinimumSample;
  shape: SurveyShape;
  canManage: boolean;
  canEditWording: boolean;
  /** The public link, and per EIT channel its own link. */
  links: { url: string; channels: { channel: string; url: string }[] };
  forms: { population?: FormState; codes?: FormState; emails?: FormState };
}

/** The campaign dashboard; also what a refused population, codes or e-mail form re-renders. */
export function CampaignPage(props: CampaignPageData) {
  const t = useT();
  const k = (key: string, params?: Record<string, unknown>) =>
    t(`surveys.staff.campaign.${key}`, params);
  const { campaign, counts, score, forms } = props;
  const self = `/staff/surveys/${campaign.id}`;
  const codes = forms.codes ?? FRESH_FORM;
  const emails = forms.emails ?? FRESH_FORM;
  const year = campaign.fiscalYear;
  return (
    <Layout title={campaign.titleTh}>
      <PageHeader
        title={campaign.titleTh}
        lead={k('lead', {
          tool: campaign.tool,
          year,
          opens: thaiDay(campaign.opensOn),
          closes: thaiDay(campaign.closesOn),
        })}
      />
      <Notice />
      <section class="cards">
        <div class="card">
          <h2>{k('answers')}</h2>
          <p class="num" style="font-size:2rem" data-total>
            {counts.total}
          </p>
          <MinimumSampleProgress
            minimum={props.minimum}
            total={counts.total}
            canManage={props.canManage}
          />
        </div>
        <div class="card">
          <h2>{k('perDay')}</h2>
          <ul>
            {counts.perDay.map((d) => (
              <li>
                {thaiDay(d.day)}: {d.count}
              </li>
            ))}
          </ul>
        </div>
        <div class="card">
          <h2>{k('perChannel')}</h2>
          <ul>
            {counts.perChannel.map((d) => (
              <li data-channel={d.channel}>
                {channelName(t, d.channel)}: {d.count}
              </li>
            ))}
          </ul>
        </div>
      </section>
      <PopulationSection
        campaign={campaign}
        canManage={props.canManage}
        errors={forms.population?.errors}
        values={forms.population?.values}
      />
      <QuestionWordingSection
        campaign={campaign}
        questions={props.shape.questions}
        framework={props.shape.framework}
        canEdit={props.canEditWording}
      />
      <h2>{k('scores')}</h2>
      {score ? <ScoreTable score={score} fiscalYear={year} /> : <p>{k('noAnswers')}</p>}
      <h2>{k('versusOfficial', { year })}</h2>
      {props.comparison && props.official ? (
        <OfficialComparisonTable comparison={props.comparison} isDemo={props.official.isDemo} />
      ) : (
        <p class="muted" data-official="none">
          {!props.official
            ? k('noOfficial', { year })
            : !score
              ? k('nothingToCompare')
              : k('officialWithoutTool', { tool: campaign.tool })}{' '}
          {!props.official && <a href="/staff/assessment/import">{k('importOfficial')}</a>}
        </p>
      )}
      <h2>{k('links')}</h2>
      <ul>
        <li>
          <a href={props.links.url}>{props.links.url}</a>
        </li>
        {props.links.channels.map((l) => (
          <li>
            {channelName(t, l.channel)}: <code>{l.url}</code>
          </li>
        ))}
      </ul>
      <p>
        {campaign.tool === 'EIT' && (
          <a class="button" href={`${self}/poster`}>
            {k('poster')}
          </a>
        )}{' '}
        <a class="button secondary" href={`${self}/answers.csv`}>
          {k('answersCsv')}
        </a>{' '}
        <a class="button secondary" href={`${self}/answers.xlsx`}>
          {k('answersXlsx')}
        </a>{' '}
        <a class="button secondary" href={`${self}/results.csv`}>
          {k('resultsCsv')}
        </a>{' '}
        <a class="button secondary" href={`${self}/results.xlsx`}>
          {k('resultsXlsx')}
        </a>
      </p>
      {campaign.tool === 'IIT' && (
        <section>
          <h2>{k('codes')}</h2>
          <p class="muted">{k('codesHint')}</p>
          <ErrorSummary errors={forms.codes?.errors} message={forms.codes?.message} />
          <PostForm action={`${self}/codes`} class="card">
            <div class="field">
              <label for="f-count">{k('codeCount')}</label>
              <FieldError name="count" errors={codes.errors} />
              <input
                id="f-count"
                name="count"
                inputmode="numeric"
                value={typeof codes.values.count === 'string' ? codes.values.count : '30'}
                aria-invalid={codes.errors.count ? 'true' : undefined}
              />
            </div>
            <button type="submit">{k('issueCodes')}</button>
          </PostForm>
          <ErrorSummary errors={forms.emails?.errors} message={forms.emails?.message} />
          <PostForm action={`${self}/codes/email`} class="card">
            <div class="field">
              <label for="f-emails">{k('emails')}</label>
              <FieldError name="emails" errors={emails.errors} />
              <textarea
                id="f-emails"
                name="emails"
                rows={4}
                aria-invalid={emails.errors.emails ? 'true' : undefined}
              >
                {typeof emails.values.emails === 'string' ? emails.values.emails : ''}
              </textarea>
            </div>
            <button type="submit">{k('sendCodes')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
