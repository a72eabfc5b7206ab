import { Hono, type Context } from 'hono';
import { can } from '../core/auth/permissions.js';
import type { AppEnv } from '../core/http/env.js';
import { Layout } from '../core/http/layout.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { typedInteger } from '../core/validation/typed-number.js';
import { formFields, requirePermission } from '../core/http/middleware.js';
import { uuidParam } from '../core/http/params.js';
import {
  ErrorSummary,
  FieldError,
  Notice,
  PageHeader,
  PostForm,
  useT,
  type FieldErrors,
} from '../core/http/ui.js';
import { formatNumberTh, formatThaiDate } from '../core/i18n/thai-format.js';
import { raw } from 'hono/html';
import { z } from 'zod';
import {
  assumptionTh,
  describeMinimumSampleRule,
  findOfficialResultForYear,
  getFramework,
  minimumSample,
  RuleSourceDetails,
  sourceTh,
  type MinimumSample,
} from '../assessment/index.js';
import {
  compareWithOfficial,
  officialToolResult,
  type OfficialComparison,
} from './compare-with-official.js';
import {
  createCampaign,
  CreateCampaignInput,
  getCampaign,
  isCampaignOpen,
  listCampaigns,
  updateCampaignPopulation,
  UpdateCampaignPopulationInput,
  type Campaign,
} from './campaigns.js';
import { issueAccessCodes } from './access-codes.js';
import { sendAccessCodes } from './send-access-codes.js';
import { campaignCounts, scoreCampaign, type CampaignScore } from './score-campaign.js';
import { responseTable, scoreTable, toCsv, toXlsx } from './export-responses.js';
import { qrSvg } from './render-qr-code.js';
import { CHANNELS, purgeExpiredDrafts } from './answer-survey.js';
import { defaultCampaignYear, surveyShape } from './survey-pages.js';
import { canEditWording, updateQuestionWording } from './update-question-wording.js';
import { QuestionWordingSection } from './views/question-wording-section.js';

export const surveysStaffRoutes = new Hono<AppEnv>();
surveysStaffRoutes.use('*', requirePermission('surveys.view'));

const CHANNEL_TH: Record<string, string> = {
  counter: 'เคาน์เตอร์บริการ',
  website: 'เว็บไซต์',
  facebook: 'เฟซบุ๊ก',
  line: 'LINE',
  qr: 'QR code',
  other: 'อื่น ๆ',
};

/** Who counts in จำนวนผู้มีส่วนได้ส่วนเสีย, in ITAS's words, per tool. */
const POPULATION_TH: Record<Campaign['tool'], string> = {
  IIT: 'บุคลากรที่ปฏิบัติงานมาไม่น้อยกว่า 1 ปี',
  EIT: 'ผู้รับบริการ/ผู้มาติดต่อ โดยประมาณ',
};

const CONFIDENCE_TH = {
  confirmed: { label: 'ยืนยันแล้ว', badge: 'ok' },
  likely: { label: 'น่าจะถูกต้อง', badge: 'warn' },
  unconfirmed: { label: 'ยังไม่ยืนยัน', badge: 'warn' },
} as const;

const people = (n: number) => `${formatNumberTh(n)} คน`;

/** A YYYY-MM-DD day as staff read it: 6 ธ.ค. 2569 (พ.ศ.), never ISO. */
const thaiDay = (isoDate: string) =>
  formatThaiDate(new Date(`${isoDate}T12:00:00+07:00`), { style: 'medium' });

/** Absolute public URL of a campaign (what the QR code and e-mails carry). */
export function publicSurveyUrl(c: Context<AppEnv>, campaign: Campaign, channel?: string): string {
  const origin = c.get('config').baseUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
  const slug = c.get('agency')!.slug;
  return `${origin}/a/${slug}/surveys/${campaign.id}${channel ? `?ch=${channel}` : ''}`;
}

/** The short address printed on slips: the campaign's first 8 id characters (a redirect). */
export function shortSurveyUrl(c: Context<AppEnv>, campaign: Campaign): string {
  return publicSurveyUrl(c, { ...campaign, id: campaign.id.slice(0, 8) });
}

function CampaignsPage(props: {
  list: Campaign[];
  defaultYear: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  message?: string | undefined;
}) {
  const v = (k: string) => (props.values?.[k] as string | undefined) ?? '';
  return (
    <Layout title="แบบวัด IIT/EIT">
      <PageHeader
        title="แบบวัด IIT/EIT ล่วงหน้า"
        lead="เปิดแบบวัดด้วยข้อคำถามของเกณฑ์ ITA ปีนั้น เพื่อทราบผลก่อนการประเมินจริง"
      />
      <Notice />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>ปีงบประมาณ</th>
              <th>เครื่องมือ</th>
              <th>ชื่อ</th>
              <th>ช่วงเวลา</th>
              <th>สถานะ</th>
            </tr>
          </thead>
          <tbody>
            {props.list.map((c) => (
              <tr>
                <td class="num">{c.fiscalYear}</td>
                <td>{c.tool}</td>
                <td>
                  <a href={`/staff/surveys/${c.id}`}>{c.titleTh}</a>
                </td>
                <td>
                  {thaiDay(c.opensOn)} – {thaiDay(c.closesOn)}
                </td>
                <td>
                  {isCampaignOpen(c, new Date()) ? (
                    <span class="badge ok">เปิด</span>
                  ) : (
                    <span class="badge muted">ปิด</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>เปิดแบบวัดใหม่</h2>
      <ErrorSummary errors={props.errors} message={props.message} />
      <PostForm action="/staff/surveys" class="card">
        <div class="field">
          <label for="f-fiscalYear">ปีงบประมาณ (พ.ศ.)</label>
          <FieldError name="fiscalYear" errors={props.errors} />
          <input
            id="f-fiscalYear"
            name="fiscalYear"
            inputmode="numeric"
            required
            value={v('fiscalYear') || String(props.defaultYear)}
          />
        </div>
        <div class="field">
          <label for="f-tool">เครื่องมือ</label>
          <FieldError name="tool" errors={props.errors} />
          <select id="f-tool" name="tool">
            <option value="EIT" selected={v('tool') !== 'IIT'}>
              EIT ผู้รับบริการ
            </option>
            <option value="IIT" selected={v('tool') === 'IIT'}>
              IIT บุคลากรภายใน
            </option>
          </select>
        </div>
        <div class="field">
          <label for="f-titleTh">ชื่อแบบวัด</label>
          <FieldError name="titleTh" errors={props.errors} />
          <input id="f-titleTh" name="titleTh" required maxlength={200} value={v('titleTh')} />
        </div>
        <div class="field">
          <label for="f-opensOn">วันเปิด</label>
          <FieldError name="opensOn" errors={props.errors} />
          <input id="f-opensOn" name="opensOn" type="date" required value={v('opensOn')} />
        </div>
        <div class="field">
          <label for="f-closesOn">วันปิด</label>
          <FieldError name="closesOn" errors={props.errors} />
          <input id="f-closesOn" name="closesOn" type="date" required value={v('closesOn')} />
        </div>
        <div class="field">
          <label for="f-stakeholderPopulation">จำนวนผู้มีส่วนได้ส่วนเสีย (คน, ไม่บังคับ)</label>
          <p class="hint" id="f-stakeholderPopulation-hint">
            IIT: {POPULATION_TH.IIT} · EIT: {POPULATION_TH.EIT} · ไม่ต้องใส่รายชื่อ
            ระบบใช้จำนวนนี้คำนวณกลุ่มตัวอย่างขั้นต่ำ กรอกหรือแก้ภายหลังได้
          </p>
          <FieldError name="stakeholderPopulation" errors={props.errors} />
          <input
            id="f-stakeholderPopulation"
            name="stakeholderPopulation"
            inputmode="numeric"
            aria-describedby="f-stakeholderPopulation-hint"
            aria-invalid={props.errors?.stakeholderPopulation ? 'true' : undefined}
            value={v('stakeholderPopulation')}
          />
        </div>
        <div class="field">
          <label for="f-extraQuestions">
            คำถามเพิ่มเติม (บรรทัดละข้อ; ขึ้นต้นด้วย * = ความคิดเห็นแบบเขียน) ไม่นำไปคิดคะแนน ITA
          </label>
          <FieldError name="extraQuestions" errors={props.errors} />
          <textarea id="f-extraQuestions" name="extraQuestions" rows={3}>
            {v('extraQuestions')}
          </textarea>
        </div>
        <button type="submit">เปิดแบบวัด</button>
      </PostForm>
    </Layout>
  );
}

/** The campaign list and its new-campaign form, filled in after a refusal. */
async function campaignsPage(c: Context<AppEnv>, form: FormState = FRESH_FORM) {
  const list = await listCampaigns(c.get('ctx').db, c.get('ctx').agencyId);
  const defaultYear = defaultCampaignYear(
    list.map((x) => x.fiscalYear),
    c.get('ctx').now(),
  );
  return (
    <CampaignsPage
      list={list}
      defaultYear={defaultYear}
      errors={form.errors}
      values={form.values}
      message={form.message}
    />
  );
}

surveysStaffRoutes.get('/', async (c) => c.render(await campaignsPage(c)));

surveysStaffRoutes.post('/', requirePermission('surveys.manage'), async (c) =>
  submitForm(c, {
    schema: CreateCampaignInput,
    run: (_, sent) => createCampaign(c.get('ctx'), sent.values as CreateCampaignInput),
    redirect: (campaign) => `/staff/surveys/${campaign.id}?notice=surveys.created`,
    page: (form) => campaignsPage(c, form),
  }),
);

function ScoreTable({ score, fiscalYear }: { score: CampaignScore; fiscalYear: number }) {
  return (
    <div class="table-wrap">
      <table id="score">
        <caption>
          คะแนน {score.tool} จากคำตอบ {score.respondents} ชุด (คำนวณด้วยเครื่องคิดคะแนนเดียวกับเกณฑ์ทางการ)
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
              <th>ตัวชี้วัดที่ {i.no}</th>
              <td class="num" data-score-indicator={i.no}>
                {i.score.toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.unconfirmed.length > 0 && (
        <RuleSourceDetails
          summary={`ที่มาของวิธีคิดคะแนนนี้ (${score.unconfirmed.length} ข้อที่ยังไม่ได้ตรวจกับคู่มือ ป.ป.ช.)`}
          sources={score.unconfirmed.map((u) => assumptionTh(getFramework(fiscalYear), u))}
        />
      )}
    </div>
  );
}

/** The campaign's scores beside the imported official ones of the same year and tool. */
function OfficialComparisonTable(props: { comparison: OfficialComparison; isDemo: boolean }) {
  const { comparison: cmp } = props;
  const diff = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(2)}`);
  return (
    <div class="table-wrap">
      <table id="official" data-official-difference={cmp.difference.toFixed(2)}>
        <caption>
          คะแนนจากแบบวัดนี้เทียบกับผลทางการที่นำเข้า
          {props.isDemo ? ' (ผลทางการเป็นข้อมูลตัวอย่างของหน่วยงานสาธิต)' : ''} —
          แบบวัดล่วงหน้ามีผู้ตอบต่างกลุ่มและต่างเวลากับการประเมินจริง ใช้ดูแนวโน้ม ไม่ใช่คาดการณ์ผล
        </caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col" class="num">
              แบบวัดนี้
            </th>
            <th scope="col" class="num">
              ผลทางการ
            </th>
            <th scope="col" class="num">
              ผลต่าง
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
              <th scope="row">ตัวชี้วัดที่ {i.no}</th>
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

/**
 * กลุ่มตัวอย่างขั้นต่ำ against the answers so far. The rule's confidence and source are always
 * shown: the NACC's own formula is not known, so nobody should take the number as official.
 */
function MinimumSampleProgress(props: {
  minimum: MinimumSample;
  total: number;
  canManage: boolean;
}) {
  const { minimum, total } = props;
  const confidence = CONFIDENCE_TH[minimum.confidence];
  const whoCounts = POPULATION_TH[minimum.tool];
  const isEstimate = minimum.basis === 'no-population';
  const missing = Math.max(0, minimum.sample - total);
  return (
    <div data-minimum-sample={minimum.sample} data-minimum-basis={minimum.basis}>
      <p>
        กลุ่มตัวอย่างขั้นต่ำ{' '}
        <strong>{isEstimate ? `อย่างน้อย ${people(minimum.sample)}` : people(minimum.sample)}</strong>{' '}
        {confidence.badge === 'ok' ? null : (
          <span class={`badge ${confidence.badge}`}>{confidence.label}</span>
        )}
      </p>
      {isEstimate ? (
        <p class="notice" data-no-population>
          ยังไม่ได้กรอกจำนวน{whoCounts} จึงแสดงค่าขั้นต่ำของเกณฑ์ ({people(minimum.sample)}) ไว้ก่อน
          ไม่ใช่ค่าที่คำนวณจากจำนวนจริง{' '}
          {props.canManage ? (
            <>
              กรอกจำนวนได้ที่ <a href="#population">จำนวนผู้มีส่วนได้ส่วนเสีย</a> ด้านล่าง
            </>
          ) : (
            'ผู้ดูแลระบบของหน่วยงานกรอกจำนวนได้ที่หน้านี้'
          )}{' '}
          แล้วระบบจะคำนวณกลุ่มตัวอย่างขั้นต่ำให้
        </p>
      ) : (
        <p>
          คำนวณจาก{whoCounts} {people(minimum.population!)}
          {minimum.basis === 'everyone' && ' (มีไม่ถึงเกณฑ์ ต้องตอบทุกคน)'}
        </p>
      )}
      <p data-progress>
        ได้คำตอบแล้ว {formatNumberTh(total)} จาก {formatNumberTh(minimum.sample)}{' '}
        {missing === 0 ? 'ครบตามกลุ่มตัวอย่างขั้นต่ำแล้ว' : `ยังขาดอีก ${formatNumberTh(missing)}`}
      </p>
      <progress max={minimum.sample} value={Math.min(total, minimum.sample)} />
      <p class="muted">
        เกณฑ์ปีงบประมาณ {minimum.fiscalYear}: {describeMinimumSampleRule(minimum.rule)}
      </p>
      <div class="muted" data-minimum-source>
        <RuleSourceDetails
          sources={[
            sourceTh(getFramework(minimum.fiscalYear), minimum.source.key),
            ...(minimum.confidence !== 'confirmed'
              ? ['ตัวเลขทางการคือค่าที่ระบบ ITAS ของ ป.ป.ช. คำนวณจากจำนวนเดียวกัน']
              : []),
          ]}
          confidence={minimum.confidence}
          url={minimum.source.url}
        />
      </div>
    </div>
  );
}

/** จำนวนผู้มีส่วนได้ส่วนเสีย: the agency admin enters or corrects it; others only read it. */
function PopulationSection(props: {
  campaign: Campaign;
  canManage: boolean;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown> | undefined;
}) {
  const { campaign } = props;
  const stored = campaign.stakeholderPopulation;
  const typed = props.values?.stakeholderPopulation;
  const value = typeof typed === 'string' ? typed : stored === null ? '' : String(stored);
  const error = props.errors?.stakeholderPopulation;
  return (
    <section id="population">
      <h2>จำนวนผู้มีส่วนได้ส่วนเสีย</h2>
      {!props.canManage ? (
        <p data-population>
          {POPULATION_TH[campaign.tool]}: {stored === null ? 'ยังไม่ได้กรอก' : people(stored)}
        </p>
      ) : (
        <>
          <ErrorSummary errors={props.errors} />
          <PostForm action={`/staff/surveys/${campaign.id}/population`} class="card">
            <div class={error ? 'field field-error' : 'field'}>
              <label for="f-stakeholderPopulation">จำนวน{POPULATION_TH[campaign.tool]} (คน)</label>
              <p class="hint" id="f-stakeholderPopulation-hint">
                ไม่ต้องใส่รายชื่อ เว้นว่างได้ถ้ายังไม่ทราบ ระบบใช้จำนวนนี้คำนวณกลุ่มตัวอย่างขั้นต่ำ เช่นเดียวกับที่ระบบ ITAS
                ของ ป.ป.ช. ถามจำนวนนี้
              </p>
              {error && (
                <p class="error" id="f-stakeholderPopulation-error">
                  {useT()(error)}
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
            <button type="submit">บันทึกจำนวน</button>
          </PostForm>
        </>
      )}
    </section>
  );
}

/** The campaign dashboard; also what a refused population, codes or e-mail form re-renders. */
async function campaignPage(
  c: Context<AppEnv>,
  campaign: Campaign,
  forms: { population?: FormState; codes?: FormState; emails?: FormState } = {},
) {
  const ctx = c.get('ctx');
  const counts = await campaignCounts(ctx.db, campaign);
  const score = await scoreCampaign(ctx.db, campaign);
  const officialRow = await findOfficialResultForYear(ctx.db, ctx.agencyId, campaign.fiscalYear);
  const official = officialRow && score ? officialToolResult(officialRow, score) : null;
  const comparison = official && score ? compareWithOfficial(score, official) : null;
  const minimum = minimumSample(campaign.fiscalYear, campaign.tool, campaign.stakeholderPopulation);
  const canManage = can(ctx.actor, 'surveys.manage');
  const shape = surveyShape(campaign.fiscalYear, campaign.tool);
  const self = `/staff/surveys/${campaign.id}`;
  const codes = forms.codes ?? FRESH_FORM;
  const emails = forms.emails ?? FRESH_FORM;
  return (
    <Layout title={campaign.titleTh}>
      <PageHeader
        title={campaign.titleTh}
        lead={`${campaign.tool} ปีงบประมาณ ${campaign.fiscalYear} · ${thaiDay(campaign.opensOn)} – ${thaiDay(campaign.closesOn)}`}
      />
      <Notice />
      <section class="cards">
        <div class="card">
          <h2>จำนวนคำตอบ</h2>
          <p class="num" style="font-size:2rem" data-total>
            {counts.total}
          </p>
          <MinimumSampleProgress minimum={minimum} total={counts.total} canManage={canManage} />
        </div>
        <div class="card">
          <h2>รายวัน</h2>
          <ul>
            {counts.perDay.map((d) => (
              <li>
                {thaiDay(d.day)}: {d.count}
              </li>
            ))}
          </ul>
        </div>
        <div class="card">
          <h2>รายช่องทาง</h2>
          <ul>
            {counts.perChannel.map((d) => (
              <li data-channel={d.channel}>
                {CHANNEL_TH[d.channel] ?? d.channel}: {d.count}
              </li>
            ))}
          </ul>
        </div>
      </section>
      <PopulationSection
        campaign={campaign}
        canManage={canManage}
        errors={forms.population?.errors}
        values={forms.population?.values}
      />
      <QuestionWordingSection
        campaign={campaign}
        questions={shape.questions}
        framework={shape.framework}
        canEdit={canManage && (await canEditWording(ctx.db, campaign, new Date()))}
      />
      <h2>ผลคะแนน</h2>
      {score ? <ScoreTable score={score} fiscalYear={campaign.fiscalYear} /> : <p>ยังไม่มีคำตอบ</p>}
      <h2>เทียบกับผลการประเมินทางการ ปี {campaign.fiscalYear}</h2>
      {comparison ? (
        <OfficialComparisonTable comparison={comparison} isDemo={officialRow!.isDemo} />
      ) : (
        <p class="muted" data-official="none">
          {!officialRow
            ? `ยังไม่ได้นำเข้าผลการประเมินทางการของปี ${campaign.fiscalYear} `
            : !score
              ? 'ยังไม่มีคำตอบให้เทียบ '
              : `ผลทางการที่นำเข้าไม่มีคะแนน ${campaign.tool} `}
          {!officialRow && <a href="/staff/assessment/import">นำเข้าผลการประเมิน</a>}
        </p>
      )}
      <h2>ลิงก์ตอบแบบวัด</h2>
      <ul>
        <li>
          <a href={publicSurveyUrl(c, campaign)}>{publicSurveyUrl(c, campaign)}</a>
        </li>
        {campaign.tool === 'EIT' &&
          CHANNELS.filter((ch) => ch !== 'other').map((ch) => (
            <li>
              {CHANNEL_TH[ch]}: <code>{publicSurveyUrl(c, campaign, ch)}</code>
            </li>
          ))}
      </ul>
      <p>
        {campaign.tool === 'EIT' && (
          <a class="button" href={`${self}/poster`}>
            โปสเตอร์ QR code
          </a>
        )}{' '}
        <a class="button secondary" href={`${self}/answers.csv`}>
          คำตอบ CSV
        </a>{' '}
        <a class="button secondary" href={`${self}/answers.xlsx`}>
          คำตอบ XLSX
        </a>{' '}
        <a class="button secondary" href={`${self}/results.csv`}>
          ผลคะแนน CSV
        </a>{' '}
        <a class="button secondary" href={`${self}/results.xlsx`}>
          ผลคะแนน XLSX
        </a>
      </p>
      {campaign.tool === 'IIT' && (
        <section>
          <h2>รหัสเข้าตอบ</h2>
          <p class="muted">
            รหัสแสดงครั้งเดียวตอนออก ระบบเก็บเฉพาะค่าแฮช แจกแบบสุ่มให้บุคลากร ไม่ต้องจดว่าใครได้รหัสใด
          </p>
          <ErrorSummary errors={forms.codes?.errors} message={forms.codes?.message} />
          <PostForm action={`${self}/codes`} class="card">
            <div class="field">
              <label for="f-count">จำนวนรหัส</label>
              <FieldError name="count" errors={codes.errors} />
              <input
                id="f-count"
                name="count"
                inputmode="numeric"
                value={typeof codes.values.count === 'string' ? codes.values.count : '30'}
                aria-invalid={codes.errors.count ? 'true' : undefined}
              />
            </div>
            <button type="submit">ออกรหัสและพิมพ์</button>
          </PostForm>
          <ErrorSummary errors={forms.emails?.errors} message={forms.emails?.message} />
          <PostForm action={`${self}/codes/email`} class="card">
            <div class="field">
              <label for="f-emails">ส่งรหัสทางอีเมล (บรรทัดละหนึ่งอีเมล; ระบบไม่บันทึกอีเมลกับรหัส)</label>
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
            <button type="submit">ส่งรหัส</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

surveysStaffRoutes.get('/:id', async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  // Abandoned drafts go when someone looks at the results: no scheduler needed.
  await purgeExpiredDrafts(ctx.db, new Date());
  return c.render(await campaignPage(c, campaign));
});

surveysStaffRoutes.post('/:id/population', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  // Looked up before the form is read: another agency's id is a 404, never a 422.
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  return submitForm(c, {
    schema: UpdateCampaignPopulationInput,
    run: (_, sent) =>
      updateCampaignPopulation(ctx, campaign.id, sent.values as UpdateCampaignPopulationInput),
    redirect: () => `/staff/surveys/${campaign.id}?notice=surveys.populationSaved#population`,
    page: (population) => campaignPage(c, campaign, { population }),
  });
});

surveysStaffRoutes.post('/:id/wording', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  await updateQuestionWording(ctx, campaign.id, await formFields(c));
  return c.redirect(`/staff/surveys/${campaign.id}?notice=surveys.wordingSaved#wording`, 303);
});

surveysStaffRoutes.post('/:id/codes', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  return submitForm(c, {
    schema: z.object({
      count: typedInteger({ min: 1, max: 2000, message: 'surveys.errors.codeCount' }),
    }),
    run: ({ count }) => issueAccessCodes(ctx, campaign.id, count),
    respond: (codes) => printedCodes(c, campaign, codes),
    page: (codes) => campaignPage(c, campaign, { codes }),
  });
});

/** The access codes, once, as slips to print and cut (only their hashes are stored). */
async function printedCodes(c: Context<AppEnv>, campaign: Campaign, codes: string[]) {
  const shortUrl = shortSurveyUrl(c, campaign);
  // One QR code for every slip: it carries the survey's address, never the code itself, so a
  // photographed slip does not put a respondent's one-time code into a URL or a log.
  const qr = await qrSvg(shortUrl);
  return c.render(
    <Layout title="รหัสเข้าตอบ">
      <style>
        {raw(`.slips{display:grid;grid-template-columns:1fr 1fr;gap:0}.slip{border:1px dashed #555;padding:8mm;break-inside:avoid}
.slip code{font-size:1.4rem;letter-spacing:.1em}.slip .qr{float:right;width:28mm;height:28mm;margin-left:4mm}.slip .qr svg{width:100%;height:100%}@media print{.site-header,.site-footer,nav,.no-print{display:none}@page{size:A4;margin:10mm}}`)}
      </style>
      <p class="no-print notice">พิมพ์หน้านี้แล้วตัดตามเส้นประ รหัสจะไม่แสดงอีก (ระบบเก็บเฉพาะค่าแฮช)</p>
      <div class="slips">
        {codes.map((code) => (
          <div class="slip">
            <div class="qr" aria-hidden="true">
              {raw(qr)}
            </div>
            <p>{campaign.titleTh}</p>
            <p>
              รหัสเข้าตอบ: <code data-code>{code}</code>
            </p>
            <p>
              สแกน QR หรือพิมพ์ <strong data-short-link>{shortUrl}</strong>
            </p>
            <p class="muted">ใช้ได้ครั้งเดียว · คำตอบไม่ระบุตัวผู้ตอบ</p>
          </div>
        ))}
      </div>
    </Layout>,
  );
}

surveysStaffRoutes.post('/:id/codes/email', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  return submitForm(c, {
    schema: z.object({ emails: z.string().max(100_000).default('') }),
    run: (form) =>
      sendAccessCodes(ctx, campaign, {
        emails: form.emails.split(/[\s,;]+/).filter(Boolean),
        smtpUrl: c.get('config').smtpUrl,
        from: c.get('config').mailFrom,
        surveyUrl: publicSurveyUrl(c, campaign),
      }),
    redirect: () => `/staff/surveys/${campaign.id}?notice=surveys.emailed`,
    page: (emails) => campaignPage(c, campaign, { emails }),
  });
});

surveysStaffRoutes.get('/:id/poster', async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  const url = publicSurveyUrl(c, campaign, 'qr');
  const svg = await qrSvg(url);
  return c.render(
    <Layout title="โปสเตอร์ QR code">
      <style>
        {raw(`.poster{text-align:center;max-width:180mm;margin:auto}.poster svg{width:120mm;height:120mm}
@media print{.site-header,.site-footer,nav{display:none}@page{size:A4;margin:15mm}}`)}
      </style>
      <div class="poster">
        <h1>ช่วยประเมินการให้บริการของเรา</h1>
        <p style="font-size:1.3rem">{campaign.titleTh}</p>
        <div data-qr-url={url}>{raw(svg)}</div>
        <p>สแกน QR code ด้วยโทรศัพท์ ใช้เวลาประมาณ 5 นาที ไม่ต้องระบุชื่อ</p>
        <p>
          <code>{url}</code>
        </p>
      </div>
    </Layout>,
  );
});

const download = (c: Context<AppEnv>, body: string | Buffer, type: string, name: string) =>
  c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
  });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

surveysStaffRoutes.get('/:id/:file{(answers|results)\\.(csv|xlsx)}', async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  const file = c.req.param('file');
  let table: string[][];
  if (file.startsWith('answers')) {
    table = await responseTable(ctx.db, campaign);
  } else {
    const score = await scoreCampaign(ctx.db, campaign);
    table = score ? scoreTable(score) : [['level', 'code', 'score']];
  }
  const name = `${campaign.tool.toLowerCase()}-${campaign.fiscalYear}-${file}`;
  return file.endsWith('.csv')
    ? download(c, toCsv(table), 'text/csv; charset=utf-8', name)
    : download(c, await toXlsx(table, file.split('.')[0]!), XLSX, name);
});
