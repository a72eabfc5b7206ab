import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { Layout } from '../core/http/layout.js';
import { requirePermission } from '../core/http/middleware.js';
import { readForm } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { ErrorSummary, Notice, PageHeader, PostForm, type FieldErrors } from '../core/http/ui.js';
import { raw } from 'hono/html';
import { z } from 'zod';
import {
  createCampaign,
  CreateCampaignInput,
  getCampaign,
  isCampaignOpen,
  listCampaigns,
  type Campaign,
} from './campaigns.js';
import { issueAccessCodes } from './access-codes.js';
import { sendAccessCodes } from './send-access-codes.js';
import { campaignCounts, scoreCampaign, type CampaignScore } from './score-campaign.js';
import { MINIMUM_SAMPLE } from './minimum-sample.js';
import { responseTable, scoreTable, toCsv, toXlsx } from './export-responses.js';
import { qrSvg } from './render-qr-code.js';
import { CHANNELS, purgeExpiredDrafts } from './answer-survey.js';

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

/** Absolute public URL of a campaign (what the QR code and e-mails carry). */
export function publicSurveyUrl(c: Context<AppEnv>, campaign: Campaign, channel?: string): string {
  const origin = c.get('config').baseUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
  const slug = c.get('agency')!.slug;
  return `${origin}/a/${slug}/surveys/${campaign.id}${channel ? `?ch=${channel}` : ''}`;
}

function CampaignsPage(props: {
  list: Campaign[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
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
                  {c.opensOn} – {c.closesOn}
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
      <ErrorSummary errors={props.errors} />
      <PostForm action="/staff/surveys" class="card">
        <div class="field">
          <label for="f-fiscalYear">ปีงบประมาณ (พ.ศ.)</label>
          <input
            id="f-fiscalYear"
            name="fiscalYear"
            inputmode="numeric"
            required
            value={v('fiscalYear') || '2566'}
          />
        </div>
        <div class="field">
          <label for="f-tool">เครื่องมือ</label>
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
          <input id="f-titleTh" name="titleTh" required maxlength={200} value={v('titleTh')} />
        </div>
        <div class="field">
          <label for="f-opensOn">วันเปิด</label>
          <input id="f-opensOn" name="opensOn" type="date" required value={v('opensOn')} />
        </div>
        <div class="field">
          <label for="f-closesOn">วันปิด</label>
          <input id="f-closesOn" name="closesOn" type="date" required value={v('closesOn')} />
        </div>
        <div class="field">
          <label for="f-extraQuestions">
            คำถามเพิ่มเติม (บรรทัดละข้อ; ขึ้นต้นด้วย * = ความคิดเห็นแบบเขียน) ไม่นำไปคิดคะแนน ITA
          </label>
          <textarea id="f-extraQuestions" name="extraQuestions" rows={3}>
            {v('extraQuestions')}
          </textarea>
        </div>
        <button type="submit">เปิดแบบวัด</button>
      </PostForm>
    </Layout>
  );
}

surveysStaffRoutes.get('/', async (c) => {
  const list = await listCampaigns(c.get('ctx').db, c.get('ctx').agencyId);
  return c.render(<CampaignsPage list={list} />);
});

surveysStaffRoutes.post('/', requirePermission('surveys.manage'), async (c) => {
  const form = await readForm(c, CreateCampaignInput);
  if (!form.ok) {
    const list = await listCampaigns(c.get('ctx').db, c.get('ctx').agencyId);
    c.status(422);
    return c.render(<CampaignsPage list={list} errors={form.errors} values={form.values} />);
  }
  const campaign = await createCampaign(c.get('ctx'), form.values as CreateCampaignInput);
  return c.redirect(`/staff/surveys/${campaign.id}?notice=surveys.created`, 303);
});

function ScoreTable({ score }: { score: CampaignScore }) {
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
        <details>
          <summary>สมมติฐานที่ยังไม่ยืนยัน ({score.unconfirmed.length})</summary>
          <ul>
            {score.unconfirmed.map((u) => (
              <li>{u}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

surveysStaffRoutes.get('/:id', async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  // Abandoned drafts go when someone looks at the results: no scheduler needed.
  await purgeExpiredDrafts(ctx.db, new Date());
  const counts = await campaignCounts(ctx.db, campaign);
  const score = await scoreCampaign(ctx.db, campaign);
  const minimum = MINIMUM_SAMPLE[campaign.tool];
  const self = `/staff/surveys/${campaign.id}`;
  return c.render(
    <Layout title={campaign.titleTh}>
      <PageHeader
        title={campaign.titleTh}
        lead={`${campaign.tool} ปีงบประมาณ ${campaign.fiscalYear} · ${campaign.opensOn} – ${campaign.closesOn}`}
      />
      <Notice />
      <section class="cards">
        <div class="card">
          <h2>จำนวนคำตอบ</h2>
          <p class="num" style="font-size:2rem" data-total>
            {counts.total}
          </p>
          <p>
            กลุ่มตัวอย่างขั้นต่ำ {minimum.value} <span class="badge warn">ยังไม่ยืนยัน</span>
          </p>
          <p class="muted">{minimum.noteTh}</p>
          <progress max={minimum.value} value={Math.min(counts.total, minimum.value)} />
        </div>
        <div class="card">
          <h2>รายวัน</h2>
          <ul>
            {counts.perDay.map((d) => (
              <li>
                {d.day}: {d.count}
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
      <h2>ผลคะแนน</h2>
      {score ? <ScoreTable score={score} /> : <p>ยังไม่มีคำตอบ</p>}
      <p class="muted">
        การเทียบกับผลทางการของปีเดียวกัน: จะแสดงเมื่อโมดูลการประเมินเปิดให้อ่านผลที่นำเข้า (ยังไม่มี
        src/assessment/index.ts)
      </p>
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
          <PostForm action={`${self}/codes`} class="card">
            <div class="field">
              <label for="f-count">จำนวนรหัส</label>
              <input id="f-count" name="count" inputmode="numeric" value="30" />
            </div>
            <button type="submit">ออกรหัสและพิมพ์</button>
          </PostForm>
          <PostForm action={`${self}/codes/email`} class="card">
            <div class="field">
              <label for="f-emails">ส่งรหัสทางอีเมล (บรรทัดละหนึ่งอีเมล; ระบบไม่บันทึกอีเมลกับรหัส)</label>
              <textarea id="f-emails" name="emails" rows={4} />
            </div>
            <button type="submit">ส่งรหัส</button>
          </PostForm>
        </section>
      )}
    </Layout>,
  );
});

surveysStaffRoutes.post('/:id/codes', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  const form = await readForm(c, z.object({ count: z.coerce.number().int() }));
  const codes = await issueAccessCodes(ctx, campaign.id, form.ok ? form.data.count : NaN);
  const url = publicSurveyUrl(c, campaign);
  return c.render(
    <Layout title="รหัสเข้าตอบ">
      <style>
        {raw(`.slips{display:grid;grid-template-columns:1fr 1fr;gap:0}.slip{border:1px dashed #555;padding:8mm;break-inside:avoid}
.slip code{font-size:1.4rem;letter-spacing:.1em}@media print{.site-header,.site-footer,nav,.no-print{display:none}@page{size:A4;margin:10mm}}`)}
      </style>
      <p class="no-print notice">พิมพ์หน้านี้แล้วตัดตามเส้นประ รหัสจะไม่แสดงอีก (ระบบเก็บเฉพาะค่าแฮช)</p>
      <div class="slips">
        {codes.map((code) => (
          <div class="slip">
            <p>{campaign.titleTh}</p>
            <p>
              รหัสเข้าตอบ: <code data-code>{code}</code>
            </p>
            <p class="muted">ตอบที่ {url} · ใช้ได้ครั้งเดียว · คำตอบไม่ระบุตัวผู้ตอบ</p>
          </div>
        ))}
      </div>
    </Layout>,
  );
});

surveysStaffRoutes.post('/:id/codes/email', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await getCampaign(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
  const form = await readForm(c, z.object({ emails: z.string().max(100_000) }));
  const emails = form.ok ? form.data.emails.split(/[\s,;]+/).filter(Boolean) : [];
  await sendAccessCodes(ctx, campaign, {
    emails,
    smtpUrl: c.get('config').smtpUrl,
    from: c.get('config').mailFrom,
    surveyUrl: publicSurveyUrl(c, campaign),
  });
  return c.redirect(`/staff/surveys/${campaign.id}?notice=surveys.emailed`, 303);
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
