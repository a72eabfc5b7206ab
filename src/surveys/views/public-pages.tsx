import { Layout } from '../../core/http/layout.js';
import { ErrorSummary, PostForm, TextField, useT, type FieldErrors } from '../../core/http/ui.js';
import { FRESH_FORM, type FormState } from '../../core/http/form.js';
import { formatThaiDate } from '../../core/i18n/thai-format.js';
import type { Draft } from '../answer-survey.js';
import type { Campaign } from '../campaigns.js';
import { fieldName, questionTextTh, type SurveyPage, type SurveyShape } from '../survey-pages.js';

/** A YYYY-MM-DD day as a Thai reader writes it (พ.ศ.). */
const thaiDay = (isoDate: string) =>
  formatThaiDate(new Date(`${isoDate}T12:00:00+07:00`), { style: 'medium' });

/**
 * What is kept and what is not (PDPA), in the words of surveys/CONTEXT.md "What is kept": the
 * IIT wording names the access code, the EIT wording the channel and the rotating client key.
 */
function PrivacyNotice({ tool }: { tool: 'IIT' | 'EIT' }) {
  const t = useT();
  const k = (key: string) => t(`surveys.public.privacy.${key}`);
  return (
    <section class="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{k('title')}</h2>
      <p>{k('purpose')}</p>
      <p>
        <strong>{k('keptLabel')}</strong> {tool === 'EIT' ? k('keptEit') : k('keptIit')}
      </p>
      <p>
        <strong>{k('notKeptLabel')}</strong> {tool === 'EIT' ? k('notKeptEit') : k('notKeptIit')}
      </p>
      {tool === 'EIT' && <p class="muted">{k('clientKey')}</p>}
      <p class="muted">{k('draftCookie')}</p>
    </section>
  );
}

/** A campaign's first page: the privacy notice, then resume, start (IIT: with the code) or closed. */
export function CampaignStartPage(props: {
  campaign: Campaign;
  isOpen: boolean;
  hasDraft: boolean;
  channel: string;
  base: string;
  /** A refused start (unknown or spent code, closed campaign): what was typed, and why. */
  form?: FormState;
}) {
  const t = useT();
  const { campaign, base } = props;
  const form = props.form ?? FRESH_FORM;
  return (
    <Layout title={campaign.titleTh}>
      <h1>{campaign.titleTh}</h1>
      <PrivacyNotice tool={campaign.tool} />
      {!props.isOpen ? (
        <p class="notice" role="status">
          {t('surveys.public.notOpen', {
            opens: thaiDay(campaign.opensOn),
            closes: thaiDay(campaign.closesOn),
          })}
        </p>
      ) : props.hasDraft ? (
        <p>
          <a class="button" href={`${base}/p/1`}>
            {t('surveys.public.resume')}
          </a>
        </p>
      ) : (
        <PostForm action={`${base}/start`} class="card">
          <ErrorSummary errors={form.errors} message={form.message} />
          <input type="hidden" name="ch" value={props.channel} />
          {campaign.tool === 'IIT' && (
            <TextField
              name="code"
              label="surveys.public.code"
              required
              autocomplete="off"
              maxlength={20}
              value={typeof form.values.code === 'string' ? form.values.code : ''}
              errors={form.errors}
            />
          )}
          <button type="submit">{t('surveys.public.start')}</button>
        </PostForm>
      )}
    </Layout>
  );
}

/** One page of questions; on a refusal the answers sent are chosen again, else the draft's. */
export function QuestionPage(props: {
  campaign: Campaign;
  shape: SurveyShape;
  page: SurveyPage;
  draft: Draft;
  action: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown> | undefined;
}) {
  const t = useT();
  const { shape, page, draft } = props;
  const isLast = page.no === shape.pages.length;
  const current = (key: string, code: string, sub?: number): string | undefined => {
    const sent = props.values?.[key];
    if (typeof sent === 'string') return sent;
    const stored = draft.answers[code];
    if (sub === undefined) return typeof stored === 'string' ? stored : undefined;
    return Array.isArray(stored) ? stored[sub] : undefined;
  };
  const Choice = (p: {
    name: string;
    legend: string;
    code: string;
    sub?: number;
    options: { value: string; labelTh: string }[];
  }) => {
    const value = current(p.name, p.code, p.sub);
    const error = props.errors?.[p.name];
    return (
      <fieldset class={error ? 'field field-error' : 'field'} id={`f-${p.name}`}>
        <legend>{p.legend}</legend>
        {error && <p class="error">{t('surveys.errors.missing')}</p>}
        {p.options.map((o) => (
          <label class="choice">
            <input type="radio" name={p.name} value={o.value} checked={value === o.value} />{' '}
            {o.labelTh}
          </label>
        ))}
      </fieldset>
    );
  };
  const pageOf = { n: page.no, total: shape.pages.length };
  return (
    <Layout title={t('surveys.public.pageTitle', { title: props.campaign.titleTh, n: page.no })}>
      <style>
        {
          '.choice{display:block;padding:.4rem 0}.choice input{transform:scale(1.3);margin-right:.5rem}'
        }
      </style>
      <p class="muted" aria-live="polite">
        {t('surveys.public.pageOf', pageOf)}
      </p>
      <progress max={shape.pages.length} value={page.no} aria-hidden="true" />
      <h1>{page.titleTh}</h1>
      {props.errors && <ErrorSummary errors={props.errors} message="surveys.errors.incomplete" />}
      <PostForm action={props.action}>
        {isLast && <input type="hidden" name="submissionKey" value={draft.submissionKey} />}
        {page.questions.map((q) => {
          const scale = shape.scaleOf(q);
          const text = questionTextTh(q, props.campaign.questionWording);
          return q.subItems.length === 0 ? (
            <Choice
              name={fieldName(q.code)}
              legend={`${q.code.toUpperCase()}. ${text}`}
              code={q.code}
              options={scale.options}
            />
          ) : (
            <div class="card">
              <p>
                <strong>{q.code.toUpperCase()}.</strong> {text}
              </p>
              {q.subItems.map((s, i) => (
                <Choice
                  name={fieldName(q.code, i)}
                  legend={`${i + 1}) ${s.textTh}`}
                  code={q.code}
                  sub={i}
                  options={scale.options}
                />
              ))}
            </div>
          );
        })}
        {page.extra.map((e) =>
          e.kind === 'text' ? (
            <div class="field">
              <label for={`f-${fieldName(e.code)}`}>{e.textTh}</label>
              <textarea
                id={`f-${fieldName(e.code)}`}
                name={fieldName(e.code)}
                rows={3}
                maxlength={1000}
              >
                {draft.extraAnswers[e.code] ?? ''}
              </textarea>
            </div>
          ) : (
            <fieldset class="field">
              <legend>{e.textTh}</legend>
              {shape.fourLevel.options.map((o) => (
                <label class="choice">
                  <input
                    type="radio"
                    name={fieldName(e.code)}
                    value={o.value}
                    checked={draft.extraAnswers[e.code] === o.value}
                  />{' '}
                  {o.labelTh}
                </label>
              ))}
            </fieldset>
          ),
        )}
        <div class="page-actions">
          {page.no > 1 && (
            <button type="submit" name="action" value="back" class="secondary" formnovalidate>
              {t('surveys.public.back')}
            </button>
          )}
          <button type="submit" name="action" value="next">
            {isLast ? t('surveys.public.submit') : t('surveys.public.next')}
          </button>
        </div>
      </PostForm>
    </Layout>
  );
}

/** The thank-you page: the same for every respondent of a campaign but for the outcome. */
export function ThankYouPage(props: {
  campaign: Campaign;
  outcome: string;
  agency: { slug: string; nameTh: string; contact: { website?: string } };
}) {
  const t = useT();
  const { campaign, outcome, agency } = props;
  const website = /^https?:\/\//.test(agency.contact.website ?? '') ? agency.contact.website : null;
  return (
    <Layout title={t('surveys.public.thanksTitle')}>
      <h1>{t('surveys.public.thanksHeading')}</h1>
      <p role="status" data-outcome={outcome}>
        {t('surveys.public.thanksText', { title: campaign.titleTh })}
      </p>
      <p data-back-to-site>
        <a href={`/a/${agency.slug}`}>{t('surveys.public.backToSite', { name: agency.nameTh })}</a>
        {website && (
          <>
            {' '}
            · <a href={website}>{t('surveys.public.agencyWebsite')}</a>
          </>
        )}
      </p>
    </Layout>
  );
}
