import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  type FieldErrors,
} from '../../core/http/ui.js';
import type { Child } from 'hono/jsx';
import type { AnalysisAreaRow, AnalysisRow } from '../queries.js';

const BLANK_MEASURE_ROWS = 1;

/** The analysis of a year: its texts and options, and links to each issue area. */
export function AnalysisPage(props: {
  fiscalYear: number;
  analysis: AnalysisRow | null;
  areas: AnalysisAreaRow[];
  errors?: FieldErrors;
  /** The publication box (shown once the analysis exists). */
  publish?: Child;
}) {
  const y = props.fiscalYear;
  const base = `/staff/assessment/years/${y}/analysis`;
  const a = props.analysis;
  return (
    <Layout title={`รายงานการวิเคราะห์ ปี ${y}`}>
      <PageHeader
        title={`รายงานการวิเคราะห์ผลการประเมิน ปีงบประมาณ พ.ศ. ${y}`}
        lead={<a href={`/staff/assessment/years/${y}`}>กลับไปที่ผลการประเมิน</a>}
      />
      <Notice />
      <ErrorSummary errors={props.errors} />
      {!a ? (
        <PostForm action={`${base}/start`} class="card">
          <p>ยังไม่มีรายงานการวิเคราะห์ของปีนี้ เริ่มจากคลังข้อเสนอแนะและมาตรการ แล้วแก้ไขต่อได้</p>
          <button type="submit">เริ่มรายงานการวิเคราะห์</button>
        </PostForm>
      ) : (
        <>
          <h2>ประเด็น</h2>
          <ol>
            {props.areas.map((area) => (
              <li>
                <a href={`${base}/areas/${area.areaCode}`}>{area.nameTh}</a> ({area.measures.length}{' '}
                มาตรการ)
              </li>
            ))}
          </ol>
          <PostForm action={base} class="card stack">
            <h2>ส่วนทั่วไปของรายงาน</h2>
            <Field name="titleTh" label="ชื่อรายงาน" value={a.titleTh} input />
            <Field name="forewordTh" label="คำนำ (เว้นบรรทัดเพื่อขึ้นย่อหน้าใหม่)" value={a.forewordTh} />
            <Field name="resultSummaryTh" label="สรุปผลการประเมิน" value={a.resultSummaryTh} />
            <Field name="overviewTh" label="ภาพรวมการวิเคราะห์" value={a.overviewTh} />
            <Field name="limitationsTh" label="ข้อจำกัดในการดำเนินการ" value={a.limitationsTh} />
            <label class="check">
              <input type="checkbox" name="useThaiDigits" value="1" checked={a.useThaiDigits} />{' '}
              พิมพ์ตัวเลขเป็นเลขไทยในรายงาน
            </label>
            <button type="submit">บันทึก</button>
          </PostForm>
          {props.publish}
        </>
      )}
    </Layout>
  );
}

function Field(props: { name: string; label: string; value: string; input?: boolean }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.input ? (
        <input id={id} name={props.name} type="text" value={props.value} maxlength={500} />
      ) : (
        <textarea id={id} name={props.name} rows={6}>
          {props.value}
        </textarea>
      )}
    </div>
  );
}

/** One issue area: findings, improvements and its rows of the measures table. */
export function AnalysisAreaPage(props: {
  fiscalYear: number;
  area: AnalysisAreaRow;
  errors?: FieldErrors;
}) {
  const { area } = props;
  const action = `/staff/assessment/years/${props.fiscalYear}/analysis/areas/${area.areaCode}`;
  const rows = [
    ...area.measures,
    ...Array.from({ length: BLANK_MEASURE_ROWS }, () => ({
      measureTh: '',
      methodsTh: [] as string[],
      stepsTh: [] as string[],
      responsibleUnitTh: '',
      timelineTh: '',
    })),
  ];
  return (
    <Layout title={`ประเด็นที่ ${area.no} ${area.nameTh}`}>
      <PageHeader
        title={`ประเด็นที่ ${area.no} ${area.nameTh}`}
        lead={
          <a href={`/staff/assessment/years/${props.fiscalYear}/analysis`}>
            กลับไปที่รายงานการวิเคราะห์
          </a>
        }
      />
      <ErrorSummary errors={props.errors} />
      <PostForm action={action} class="stack">
        <Field
          name="findingsTh"
          label="ข้อค้นพบ (หนึ่งบรรทัดต่อหนึ่งข้อ)"
          value={area.findingsTh.join('\n')}
        />
        <Field
          name="improvementsTh"
          label="สิ่งที่หน่วยงานจะพัฒนา (หนึ่งบรรทัดต่อหนึ่งย่อหน้า)"
          value={area.improvementsTh.join('\n')}
        />
        <h2>มาตรการ</h2>
        <p class="muted">เว้นช่อง “มาตรการ” ว่างเพื่อลบแถว แถวว่างท้ายสุดใช้เพิ่มมาตรการใหม่</p>
        {rows.map((m, i) => (
          <fieldset class="card">
            <legend>มาตรการที่ {i + 1}</legend>
            <Field name={`measures.${i}.measureTh`} label="มาตรการ" value={m.measureTh} input />
            <Field
              name={`measures.${i}.methodsTh`}
              label="วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ (หนึ่งบรรทัดต่อข้อ)"
              value={m.methodsTh.join('\n')}
            />
            <Field
              name={`measures.${i}.stepsTh`}
              label="ขั้นตอน/วิธีการปฏิบัติ (หนึ่งบรรทัดต่อข้อ)"
              value={m.stepsTh.join('\n')}
            />
            <Field
              name={`measures.${i}.responsibleUnitTh`}
              label="ผู้รับผิดชอบ"
              value={m.responsibleUnitTh}
              input
            />
            <Field
              name={`measures.${i}.timelineTh`}
              label="การกำกับติดตาม/ระยะเวลา"
              value={m.timelineTh}
            />
          </fieldset>
        ))}
        <button type="submit">บันทึกประเด็น</button>
      </PostForm>
    </Layout>
  );
}
