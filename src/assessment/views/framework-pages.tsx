import type { ItaFramework } from '../frameworks/framework-schema.js';
import { diffRows, type FrameworkDiff } from '../diff-frameworks.js';
import { Layout } from '../../core/http/layout.js';
import { PageHeader } from '../../core/http/ui.js';
import { describeMinimumSampleRule } from '../minimum-sample.js';
import { confidenceTh, sourceTh, withoutDeveloperNotes } from '../officer-text.js';

/** ความเชื่อมั่น badge: anything not confirmed is marked so nobody takes it as official. */
export function ConfidenceBadge(props: { confidence: string; note?: string | undefined }) {
  // The data's `note` is written for developers; an officer gets the meaning of the level.
  const cls =
    props.confidence === 'confirmed' ? 'ok' : props.confidence === 'likely' ? 'warn' : 'bad';
  const label =
    props.confidence === 'confirmed'
      ? 'ยืนยันแล้ว'
      : props.confidence === 'likely'
        ? 'น่าจะถูกต้อง'
        : 'ยังไม่ยืนยัน';
  return (
    <span class={`badge ${cls}`} title={confidenceTh(props.confidence)}>
      {label}
    </span>
  );
}

/** Every indicator, question and OIT item of one year, with its source and confidence. */
export function FrameworkPage(props: { framework: ItaFramework; years: number[] }) {
  const f = props.framework;
  const src = (key: string) => sourceTh(f, key);
  const questions = [...f.iitQuestions, ...f.eitQuestions];
  return (
    <Layout title={`เกณฑ์การประเมิน ITA ปี ${f.fiscalYear}`}>
      <PageHeader
        title={`เกณฑ์การประเมิน ITA ปีงบประมาณ พ.ศ. ${f.fiscalYear}`}
        lead="ข้อมูลที่มีป้าย “ยังไม่ยืนยัน” ยังไม่ได้ตรวจกับคู่มือ ป.ป.ช. การแก้ไขคือการแก้ไฟล์ข้อมูลของปี ไม่ใช่แก้โปรแกรม"
      />
      <p>
        ปีอื่น:{' '}
        {props.years.map((y) => (
          <>
            <a href={`/staff/assessment/frameworks/${y}`}>{y}</a>{' '}
          </>
        ))}
        ·{' '}
        <a href={`/staff/assessment/diff?from=${f.fiscalYear}&to=${f.fiscalYear + 1}`}>
          เปรียบเทียบกับปีถัดไป
        </a>
      </p>
      {f.notes.length > 0 && (
        <ul>
          {f.notes.map((n) => (
            <li>{withoutDeveloperNotes(n)}</li>
          ))}
        </ul>
      )}
      <h2>เครื่องมือและตัวชี้วัด</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">ตัวชี้วัดที่</th>
              <th scope="col">ชื่อ</th>
              <th scope="col">เครื่องมือ</th>
              <th scope="col">ที่มา</th>
              <th scope="col">ความเชื่อมั่น</th>
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
        น้ำหนัก: {f.tools.map((t) => `${t.code} ${Math.round(t.weight * 100)}%`).join(' · ')} ·
        ค่าเป้าหมาย {f.target.value} <ConfidenceBadge confidence={f.target.confidence} />
      </p>
      <h2>กลุ่มตัวอย่างขั้นต่ำ</h2>
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
      <h2>ระดับผลการประเมิน</h2>
      <ul>
        {f.resultLevels.levels.map((l) => (
          <li>
            {l.labelTh}: คะแนนรวม ≥ {l.minTotal}
            {l.minEachTool !== null ? ` และทุกเครื่องมือ ≥ ${l.minEachTool}` : ''} ({src(l.source)}){' '}
            <ConfidenceBadge confidence={l.confidence} note={l.note} />
          </li>
        ))}
      </ul>
      <h2>ข้อคำถาม IIT และ EIT ({questions.length} ข้อ)</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">รหัส</th>
              <th scope="col">ตัวชี้วัด</th>
              <th scope="col">ข้อคำถาม</th>
              <th scope="col">ที่มา</th>
              <th scope="col">ความเชื่อมั่น</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr>
                <td>{q.code}</td>
                <td class="num">{q.indicatorNo}</td>
                <td>
                  {q.textTh ?? <em>(ไม่ทราบถ้อยคำ)</em>}
                  {q.isReverseScored ? ' (ข้อคำถามเชิงลบ)' : ''}
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
      <h2>ข้อมูล OIT ({f.oitItems.length} ข้อ)</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">รหัส</th>
              <th scope="col">ตัวชี้วัดย่อย</th>
              <th scope="col">ข้อมูล</th>
              <th scope="col">ที่มา</th>
              <th scope="col">ความเชื่อมั่น</th>
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
  const d = props.diff;
  const rows = diffRows(d);
  return (
    <Layout title={`เปรียบเทียบเกณฑ์ ${d.from} → ${d.to}`}>
      <PageHeader
        title={`การเปลี่ยนแปลงเกณฑ์ ITA ปี ${d.from} → ${d.to}`}
        lead="เปรียบเทียบเฉพาะข้อมูลที่บันทึกไว้ ข้อมูลที่ยังไม่ยืนยันอาจซ่อนการเปลี่ยนแปลงจริง"
      />
      <form method="get" action="/staff/assessment/diff" class="card">
        <label>
          จากปี{' '}
          <select name="from">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === d.from}>
                {y}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          เป็นปี{' '}
          <select name="to">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === d.to}>
                {y}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">เปรียบเทียบ</button>
      </form>
      <DiffTable rows={rows} />
    </Layout>
  );
}

/** The rows of `diffRows` as a table; also the import review page's diff. */
export function DiffTable(props: { rows: [string, string, string, string][] }) {
  if (props.rows.length === 0) return <p>ไม่พบความแตกต่างในข้อมูลเกณฑ์ที่บันทึกไว้</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">หมวด</th>
            <th scope="col">รหัส</th>
            <th scope="col">จาก</th>
            <th scope="col">เป็น</th>
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
