import { Layout } from '../../core/http/layout.js';
import { Notice, PageHeader, PostForm, useT } from '../../core/http/ui.js';
import type { FrameworkFileIssue } from '../frameworks/framework-issues.js';
import type { FrameworkVersionRow, FrameworkVersionSummary } from '../framework-versions.js';
import { DiffTable } from './framework-pages.js';

const BASE = '/admin/assessment/frameworks';

const STATUS_TH: Record<FrameworkVersionSummary['status'], string> = {
  pending: 'รอตรวจ',
  accepted: 'รับใช้แล้ว',
  discarded: 'ยกเลิก',
};

const thaiDateTime = (d: Date | null) =>
  d
    ? new Intl.DateTimeFormat('th-TH', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Bangkok',
      }).format(d)
    : '';

export interface FrameworkYearRow {
  fiscalYear: number;
  origin: 'imported' | 'shipped';
}

/** /admin/assessment/frameworks: the years in use, every imported version, the upload form. */
export function FrameworkAdminPage(props: {
  years: FrameworkYearRow[];
  versions: FrameworkVersionSummary[];
  issues?: FrameworkFileIssue[];
  fileName?: string;
}) {
  const t = useT();
  return (
    <Layout title={t('assessment.frameworkImport.title')}>
      <PageHeader
        title={t('assessment.frameworkImport.title')}
        lead="เกณฑ์ของแต่ละปีงบประมาณที่ทุกหน่วยงานในระบบใช้ นำเข้าไฟล์เกณฑ์ปีใหม่ ตรวจการเปลี่ยนแปลงเทียบกับปีก่อน แล้วจึงรับใช้"
      />
      <Notice />
      {props.issues && (
        <div class="error-summary" role="alert" tabindex={-1} data-testid="framework-issues">
          <p>
            <strong>{t('assessment.frameworkImport.refused')}</strong>
          </p>
          <p>
            ไฟล์ {props.fileName}: พบ {props.issues.length} ปัญหา / {props.issues.length} problem(s)
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">ตำแหน่งในไฟล์ (path)</th>
                  <th scope="col">ปัญหา</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {props.issues.map((i) => (
                  <tr>
                    <td>
                      <code>{i.path || '(ทั้งไฟล์ / whole file)'}</code>
                    </td>
                    <td>{i.messageTh}</td>
                    <td lang="en">{i.messageEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <h2>นำเข้าเกณฑ์ปีใหม่หรือฉบับแก้ไข</h2>
      <PostForm action={BASE} enctype="multipart/form-data" class="card">
        <div class="field">
          <label for="f-file">ไฟล์เกณฑ์ (JSON รูปแบบเดียวกับ fy2570.json ที่ส่งออกจากหน้านี้)</label>
          <input id="f-file" name="file" type="file" accept=".json,application/json" required />
        </div>
        <button type="submit">ตรวจไฟล์</button>
      </PostForm>
      <h2>เกณฑ์ที่ใช้อยู่</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">ปีงบประมาณ</th>
              <th scope="col">ที่มา</th>
              <th scope="col">ส่งออก</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((y) => (
              <tr>
                <td>{y.fiscalYear}</td>
                <td>{y.origin === 'imported' ? 'นำเข้าโดยผู้ดูแลระบบ' : 'มากับโปรแกรม'}</td>
                <td>
                  <a href={`${BASE}/${y.fiscalYear}.json`} download>
                    fy{y.fiscalYear}.json
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>ประวัติการนำเข้า</h2>
      {props.versions.length === 0 ? (
        <p>ยังไม่มีการนำเข้าเกณฑ์</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">ปี</th>
                <th scope="col">ฉบับที่</th>
                <th scope="col">สถานะ</th>
                <th scope="col">ไฟล์</th>
                <th scope="col">นำเข้าโดย</th>
              </tr>
            </thead>
            <tbody>
              {props.versions.map((v) => (
                <tr>
                  <td>{v.fiscalYear}</td>
                  <td>
                    <a href={`${BASE}/versions/${v.id}`}>{v.version}</a>
                  </td>
                  <td>{STATUS_TH[v.status]}</td>
                  <td>{v.fileName}</td>
                  <td>
                    {v.importedByLabel} ({thaiDateTime(v.importedAt)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** One imported version: what it changes against the previous year and the year in use. */
export function FrameworkVersionPage(props: {
  version: FrameworkVersionRow;
  previousYear: number | null;
  previousRows: [string, string, string, string][];
  currentRows: [string, string, string, string][] | null;
}) {
  const v = props.version;
  return (
    <Layout title={`เกณฑ์ปี ${v.fiscalYear} ฉบับที่ ${v.version}`}>
      <PageHeader
        title={`เกณฑ์ปีงบประมาณ ${v.fiscalYear} ฉบับที่ ${v.version} (${STATUS_TH[v.status]})`}
        lead={`ไฟล์ ${v.fileName} นำเข้าโดย ${v.importedByLabel} เมื่อ ${thaiDateTime(v.importedAt)}`}
      />
      <Notice />
      <h2 id="diff-previous">
        {props.previousYear === null
          ? 'ไม่มีเกณฑ์ปีก่อนหน้าให้เทียบ'
          : `การเปลี่ยนแปลงเทียบกับปี ${props.previousYear}`}
      </h2>
      {props.previousYear !== null && <DiffTable rows={props.previousRows} />}
      {props.currentRows && (
        <>
          <h2>เทียบกับเกณฑ์ปี {v.fiscalYear} ที่ใช้อยู่ตอนนี้</h2>
          <DiffTable rows={props.currentRows} />
        </>
      )}
      {v.status === 'pending' ? (
        <div class="actions">
          <PostForm action={`${BASE}/versions/${v.id}/accept`}>
            <button type="submit">รับใช้เกณฑ์ฉบับนี้</button>
          </PostForm>
          <PostForm action={`${BASE}/versions/${v.id}/discard`}>
            <button type="submit" class="secondary">
              ยกเลิกฉบับนี้
            </button>
          </PostForm>
        </div>
      ) : (
        <p>
          {STATUS_TH[v.status]} โดย {v.decidedByLabel} เมื่อ {thaiDateTime(v.decidedAt)}
        </p>
      )}
      <p>
        <a href={BASE}>กลับไปหน้าเกณฑ์การประเมิน</a>
      </p>
    </Layout>
  );
}
