import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { clearCookie, requestCookie } from '../core/http/cookies.js';
import type { AppEnv } from '../core/http/env.js';
import { Layout } from '../core/http/layout.js';
import { renderSameForAnyone } from '../core/http/render-page.js';
import { clientAddress } from '../core/http/client-address.js';
import { isCookieSecure } from '../core/http/https.js';
import { formFields, setLateHeader } from '../core/http/middleware.js';
import { uuidParam } from '../core/http/params.js';
import { formatThaiDate } from '../core/i18n/thai-format.js';
import { ErrorSummary, PostForm, type FieldErrors } from '../core/http/ui.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { abuseControl } from './abuse-control.js';
import {
  findDraft,
  saveDraftPage,
  startDraft,
  submitResponse,
  toChannel,
  type Draft,
} from './answer-survey.js';
import { getPublicCampaign, isCampaignOpen, listCampaigns, type Campaign } from './campaigns.js';
import { normaliseCode } from './access-codes.js';
import { DRAFT_COOKIE, isCompleteLastEitPage, submitLastEitPage } from './submit-last-eit-page.js';
import {
  fieldName,
  questionTextTh,
  readPageAnswers,
  surveyShape,
  type SurveyPage,
  type SurveyShape,
} from './survey-pages.js';

/** The IIT access code, kept by the respondent's browser from the start to the final POST. */
const IIT_CODE_COOKIE = 'prongsai_iit_code';

export const surveysPublicRoutes = new Hono<AppEnv>();

// Every survey page is per respondent (CSRF token, draft answers, submission key): never
// cached, by a browser, a proxy or the app's shared page cache.
surveysPublicRoutes.use('*', async (c, next) => {
  await next();
  setLateHeader(c, 'Cache-Control', 'no-store');
});

/** A YYYY-MM-DD day as a Thai reader writes it (พ.ศ.). */
const thaiDay = (isoDate: string) =>
  formatThaiDate(new Date(`${isoDate}T12:00:00+07:00`), { style: 'medium' });

const base = (c: Context<AppEnv>, campaign: Campaign) =>
  `/a/${c.get('publicAgency').slug}/surveys/${campaign.id}`;

async function loadCampaign(c: Context<AppEnv>): Promise<Campaign> {
  return getPublicCampaign(c.get('database').db, c.get('publicAgency').id, uuidParam(c, 'id'));
}

function PrivacyNotice({ tool }: { tool: 'IIT' | 'EIT' }) {
  return (
    <section class="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">ประกาศความเป็นส่วนตัว (PDPA)</h2>
      <p>
        แบบวัดนี้ใช้ข้อคำถามของการประเมินคุณธรรมและความโปร่งใส (ITA) ของสำนักงาน ป.ป.ช.
        เพื่อให้หน่วยงานทราบผลเบื้องต้นและนำไปปรับปรุงการทำงาน
      </p>
      <p>
        <strong>สิ่งที่เก็บ:</strong> คำตอบของท่าน วันที่ตอบ (ไม่เก็บเวลา)
        {tool === 'EIT' ? ' และช่องทางที่ท่านเข้ามาตอบ (เช่น เคาน์เตอร์ เว็บไซต์ เฟซบุ๊ก)' : ''} เท่านั้น
      </p>
      <p>
        <strong>สิ่งที่ไม่เก็บ:</strong> ชื่อ เลขประจำตัว ที่อยู่ IP อุปกรณ์ที่ใช้ และ
        {tool === 'IIT' ? ' รหัสเข้าตอบ (ระบบบันทึกเพียงว่ารหัสถูกใช้แล้ว แยกจากคำตอบ)' : ' เวลาที่ตอบ'}{' '}
        จึงไม่มีใคร รวมทั้งผู้ดูแลระบบ เชื่อมโยงคำตอบกับตัวท่านได้
      </p>
      {tool === 'EIT' && (
        <p class="muted">
          เพื่อป้องกันการส่งซ้ำ ระบบแปลงที่อยู่ IP เป็นรหัสลับที่เปลี่ยนทุกวัน ไม่บันทึกที่อยู่ IP
          และเก็บรหัสนี้ในตารางชั่วคราวที่ลบทิ้งเมื่อพ้นชั่วโมง ไม่อยู่ในข้อมูลสำรอง
        </p>
      )}
      <p class="muted">
        ระหว่างตอบ ระบบเก็บคำตอบชั่วคราวด้วยคุกกี้สุ่มบนอุปกรณ์นี้ เพื่อให้กลับมาตอบต่อได้ และลบทิ้งเมื่อส่งคำตอบ
      </p>
    </section>
  );
}

/**
 * The short link printed on code slips and posters (`…/surveys/<first 8 characters of the
 * campaign id>`), easy to type from paper: it sends the visitor on to the campaign.
 */
surveysPublicRoutes.get('/:short{[0-9a-f]{8}}', async (c) => {
  const agency = c.get('publicAgency');
  const short = c.req.param('short');
  const found = (await listCampaigns(c.get('database').db, agency.id)).filter((x) =>
    x.id.startsWith(short),
  );
  if (found.length !== 1) throw new NotFoundError();
  return c.redirect(base(c, found[0]!), 302);
});

surveysPublicRoutes.get('/:id', async (c) => {
  const campaign = await loadCampaign(c);
  const open = isCampaignOpen(campaign, new Date());
  const draft = await findDraft(c.get('database').db, campaign, requestCookie(c, DRAFT_COOKIE));
  const channel = toChannel(c.req.query('ch'), campaign.tool);
  return c.render(
    <Layout title={campaign.titleTh}>
      <h1>{campaign.titleTh}</h1>
      <PrivacyNotice tool={campaign.tool} />
      {!open ? (
        <p class="notice" role="status">
          แบบวัดนี้ไม่ได้เปิดรับคำตอบในขณะนี้ (เปิด {thaiDay(campaign.opensOn)} ถึง{' '}
          {thaiDay(campaign.closesOn)})
        </p>
      ) : draft ? (
        <p>
          <a class="button" href={`${base(c, campaign)}/p/1`}>
            ตอบต่อจากที่ค้างไว้
          </a>
        </p>
      ) : (
        <PostForm action={`${base(c, campaign)}/start`} class="card">
          <input type="hidden" name="ch" value={channel} />
          {campaign.tool === 'IIT' && (
            <div class="field">
              <label for="f-code">รหัสเข้าตอบ (ได้รับจากกระดาษหรืออีเมล)</label>
              <input id="f-code" name="code" required autocomplete="off" maxlength={20} />
            </div>
          )}
          <button type="submit">รับทราบและเริ่มตอบ</button>
        </PostForm>
      )}
    </Layout>,
  );
});

surveysPublicRoutes.post('/:id/start', async (c) => {
  const campaign = await loadCampaign(c);
  const now = new Date();
  // The address only ever goes into abuse control's rotating keyed hash.
  await abuseControl.hit(c.get('database'), clientAddress(c), now);
  const body = await formFields(c, { all: true });
  const code = typeof body.code === 'string' ? body.code.slice(0, 40) : undefined;
  const ch = typeof body.ch === 'string' ? body.ch : undefined;
  const { token } = await startDraft(c.get('database').db, campaign, {
    channel: toChannel(ch, campaign.tool),
    code,
    now,
  });
  const cookie = {
    path: base(c, campaign),
    httpOnly: true,
    sameSite: 'Lax',
    secure: isCookieSecure(c),
    maxAge: 14 * 86_400,
  } as const;
  setCookie(c, DRAFT_COOKIE, token, cookie);
  // The IIT code stays with the respondent until the final POST spends it: the draft in the
  // database never holds it (docs/decisions/0005).
  if (campaign.tool === 'IIT' && code) setCookie(c, IIT_CODE_COOKIE, normaliseCode(code), cookie);
  return c.redirect(`${base(c, campaign)}/p/1`, 303);
});

async function requireDraft(c: Context<AppEnv>, campaign: Campaign): Promise<Draft | null> {
  return findDraft(c.get('database').db, campaign, requestCookie(c, DRAFT_COOKIE));
}

function pageNo(c: Context<AppEnv>, shape: SurveyShape): SurveyPage {
  const n = Number(c.req.param('n'));
  const page = Number.isInteger(n) ? shape.pages[n - 1] : undefined;
  if (!page) throw new NotFoundError();
  return page;
}

function QuestionPage(props: {
  campaign: Campaign;
  shape: SurveyShape;
  page: SurveyPage;
  draft: Draft;
  action: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown> | undefined;
}) {
  const { shape, page, draft } = props;
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
        {error && <p class="error">กรุณาเลือกคำตอบ</p>}
        {p.options.map((o) => (
          <label class="choice">
            <input type="radio" name={p.name} value={o.value} checked={value === o.value} />{' '}
            {o.labelTh}
          </label>
        ))}
      </fieldset>
    );
  };
  return (
    <Layout title={`${props.campaign.titleTh} หน้า ${page.no}`}>
      <style>
        {
          '.choice{display:block;padding:.4rem 0}.choice input{transform:scale(1.3);margin-right:.5rem}'
        }
      </style>
      <p class="muted" aria-live="polite">
        หน้า {page.no} จาก {shape.pages.length}
      </p>
      <progress max={shape.pages.length} value={page.no} aria-hidden="true" />
      <h1>{page.titleTh}</h1>
      {props.errors && <ErrorSummary errors={props.errors} message="surveys.errors.incomplete" />}
      <PostForm action={props.action}>
        {page.no === shape.pages.length && (
          <input type="hidden" name="submissionKey" value={draft.submissionKey} />
        )}
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
              ย้อนกลับ
            </button>
          )}
          <button type="submit" name="action" value="next">
            {page.no === shape.pages.length ? 'ส่งคำตอบ' : 'ถัดไป'}
          </button>
        </div>
      </PostForm>
    </Layout>
  );
}

surveysPublicRoutes.get('/:id/p/:n', async (c) => {
  const campaign = await loadCampaign(c);
  const draft = await requireDraft(c, campaign);
  if (!draft) return c.redirect(base(c, campaign), 303);
  const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
  const page = pageNo(c, shape);
  return c.render(
    <QuestionPage
      campaign={campaign}
      shape={shape}
      page={page}
      draft={draft}
      action={`${base(c, campaign)}/p/${page.no}`}
    />,
  );
});

function ThankYou(props: {
  campaign: Campaign;
  outcome: string;
  agency: { slug: string; nameTh: string; contact: { website?: string } };
}) {
  const { campaign, outcome, agency } = props;
  const website = /^https?:\/\//.test(agency.contact.website ?? '') ? agency.contact.website : null;
  return (
    <Layout title="ขอบคุณ">
      <h1>ขอบคุณที่ตอบแบบวัด</h1>
      <p role="status" data-outcome={outcome}>
        บันทึกคำตอบของท่านแล้ว (แบบวัด: {campaign.titleTh}) คำตอบไม่ระบุตัวผู้ตอบ
      </p>
      <p data-back-to-site>
        <a href={`/a/${agency.slug}`}>กลับสู่เว็บไซต์{agency.nameTh}</a>
        {website && (
          <>
            {' '}
            · <a href={website}>เว็บไซต์หลักของหน่วยงาน</a>
          </>
        )}
      </p>
    </Layout>
  );
}

/** What a final POST may thank for; the Node lane sends these pages as the route rendered them. */
export const THANK_YOU_OUTCOMES = ['recorded', 'already-recorded', 'duplicate-ignored'] as const;

/** Only the outcome differs between respondents' thank-you pages; the campaign is in the URL. */
const thankYou = (c: Context<AppEnv>, campaign: Campaign, outcome: string) =>
  renderSameForAnyone(
    c,
    outcome,
    Object.fromEntries(
      THANK_YOU_OUTCOMES.map((o) => [
        o,
        () => <ThankYou campaign={campaign} outcome={o} agency={c.get('publicAgency')} />,
      ]),
    ),
  );

/** The last page's POST submits: validate → one transaction → "thank you" only after commit. */
surveysPublicRoutes.post('/:id/p/:n', async (c) => {
  const campaign = await loadCampaign(c);
  const now = new Date();
  const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
  const page = pageNo(c, shape);
  const body = await formFields(c, { all: true });
  const read = readPageAnswers(shape, page, body);
  const isLast = page.no === shape.pages.length;
  const post = { campaign, shape, page, body, read, token: requestCookie(c, DRAFT_COOKIE), now };
  // Closing-day hot path (also answered before Hono by node-lane.ts): a complete last EIT
  // page goes through the group-commit batch without reading its draft first; anything
  // unusual falls through to the path below.
  if (isCompleteLastEitPage(post)) {
    const outcome = await submitLastEitPage(c.get('database'), post, clientAddress(c));
    if (outcome === 'incomplete') return c.redirect(`${base(c, campaign)}/p/1`, 303);
    if (outcome !== 'no-draft') {
      clearCookie(c, DRAFT_COOKIE, { path: base(c, campaign) });
      return thankYou(c, campaign, outcome);
    }
  }
  const draft = await requireDraft(c, campaign);
  if (!draft) {
    // A retried final POST whose draft was already consumed: acknowledge, never count twice.
    if (isLast && typeof body.submissionKey === 'string') {
      const outcome = await submitResponse(c.get('database').db, campaign, {
        token: requestCookie(c, DRAFT_COOKIE),
        submissionKey: body.submissionKey,
        now,
      });
      clearCookie(c, IIT_CODE_COOKIE, { path: base(c, campaign) });
      return thankYou(c, campaign, outcome);
    }
    return c.redirect(base(c, campaign), 303);
  }
  if (body.action === 'back') {
    await saveDraftPage(c.get('database').db, campaign, draft, read, now);
    return c.redirect(`${base(c, campaign)}/p/${Math.max(1, page.no - 1)}`, 303);
  }
  if (read.missing.length > 0) {
    const errors = Object.fromEntries(read.missing.map((k) => [k, 'surveys.errors.missing']));
    c.status(422);
    return c.render(
      <QuestionPage
        campaign={campaign}
        shape={shape}
        page={page}
        draft={draft}
        action={`${base(c, campaign)}/p/${page.no}`}
        errors={errors}
        values={body}
      />,
    );
  }
  if (!isLast) {
    await saveDraftPage(c.get('database').db, campaign, draft, read, now);
    return c.redirect(`${base(c, campaign)}/p/${page.no + 1}`, 303);
  }
  const key = await abuseControl.hit(c.get('database'), clientAddress(c), now);
  let fingerprinted: unknown = null;
  let outcome;
  try {
    outcome = await submitResponse(c.get('database').db, campaign, {
      token: requestCookie(c, DRAFT_COOKIE),
      submissionKey: draft.submissionKey,
      code: requestCookie(c, IIT_CODE_COOKIE),
      lastPage: read,
      draft,
      now,
      isDuplicate: (answers) => {
        fingerprinted = answers;
        return abuseControl.isDuplicate(c.get('database'), key, campaign.id, answers, now);
      },
    });
  } catch (error) {
    // The submission was not stored: let the same answers through on a retry.
    if (fingerprinted)
      await abuseControl.forget(c.get('database'), key, campaign.id, fingerprinted);
    if (error instanceof ValidationError && error.messageKey === 'surveys.errors.incomplete') {
      return c.redirect(`${base(c, campaign)}/p/1`, 303);
    }
    throw error;
  }
  clearCookie(c, DRAFT_COOKIE, { path: base(c, campaign) });
  clearCookie(c, IIT_CODE_COOKIE, { path: base(c, campaign) });
  return thankYou(c, campaign, outcome);
});
