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
  const settingsText =
    rule.kind === 'below' ? `เกณฑ์: คะแนนต่ำกว่า ${rule.threshold}` : `เกณฑ์: ต่ำสุด ${rule.n} ข้อต่อตัวชี้วัด`;
  const { data } = props;
  const { framework, result, previous } = data;
  const y = data.fiscalYear;
  const base = `/staff/assessment/years/${y}`;
  const names = new Map(framework.indicators.map((i) => [i.no, i]));
  const before = (no: number) => previous?.indicatorScores.find((s) => s.no === no)?.score;
  const prevQ = new Map((previous?.questionScores ?? []).map((q) => [q.code, q.score]));
  return (
    <Layout title={`ผลการประเมิน ITA ปี ${y}`}>
      <PageHeader
        title={`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${y}`}
        lead={data.agency.nameTh}
        actions={
          <>
            <a class="button" href={`${base}/report.docx`}>
              ดาวน์โหลดรายงาน (DOCX)
            </a>{' '}
            <a class="button secondary" href={`${base}/report.pdf`}>
              ดาวน์โหลดรายงาน (PDF)
            </a>{' '}
            <a class="button secondary" href={`${base}/report.pdf?digits=arabic`}>
              PDF เลขอารบิก
            </a>
          </>
        }
      />
      <Notice />
      <nav aria-label="ปีงบประมาณ">
        ปี:{' '}
        {props.years.map((year) => (
          <>
            {year === y ? (
              <strong>{year}</strong>
            ) : (
              <a href={`/staff/assessment/years/${year}`}>{year}</a>
            )}{' '}
          </>
        ))}
        · <a href="/staff/assessment/import">นำเข้าผลการประเมิน</a> ·{' '}
        <a href={`${base}/analysis`}>แก้ไขรายงานการวิเคราะห์</a> ·{' '}
        <a href={`/staff/assessment/frameworks/${y}`}>เกณฑ์ปี {y}</a>
      </nav>
      {!result ? (
        <p class="card">ยังไม่ได้นำเข้าผลการประเมินของปี {y}</p>
      ) : (
        <>
          <div class="cards">
            <div class="card">
              <h2>คะแนนรวม</h2>
              <p class="lead" data-testid="total">
                {fixed(result.total)}
              </p>
              <p>
                {result.total >= framework.target.value ? (
                  <span class="badge ok">บรรลุค่าเป้าหมาย {framework.target.value}</span>
                ) : (
                  <span class="badge bad">ไม่บรรลุค่าเป้าหมาย {framework.target.value}</span>
                )}
              </p>
              {previous && (
                <p>
                  เทียบปี {previous.fiscalYear} ({fixed(previous.total)}):{' '}
                  {result.total - previous.total >= 0 ? '+' : ''}
                  {fixed(result.total - previous.total)}
                </p>
              )}
            </div>
            <div class="card">
              <h2>ระดับผลการประเมิน</h2>
              {result.statedLevelTh ? (
                <p>
                  ระดับทางการ: <strong>{result.statedLevelTh}</strong>
                </p>
              ) : (
                <p class="muted">ยังไม่ได้บันทึกระดับทางการจากผลของ ป.ป.ช.</p>
              )}
              <p>
                ระดับที่ระบบคำนวณตามเกณฑ์ปี {y}:{' '}
                {presentLevel(framework, result.levelCode, null).labelTh}
              </p>
              {data.comparison && (
                <p class={data.comparison.agrees ? '' : 'notice'}>
                  {explanationTh(framework, data.comparison.explanationTh)}
                </p>
              )}
            </div>
            <div class="card">
              <h2>คะแนนตามเครื่องมือ</h2>
              <ul>
                {framework.tools.map((t) => (
                  <li>
                    {t.code} ({Math.round(t.weight * 100)}%): {fixed(result.toolScores[t.code])}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <p class="muted">
            ไฟล์: {result.sourceFileName} · นำเข้าโดย {result.importedByLabel}{' '}
            {formatThaiDate(result.importedAt, { style: 'medium' })}
            {result.isDemo ? ' · ข้อมูลสาธิต' : ''}
          </p>
          <h2>คะแนนรายตัวชี้วัด</h2>
          <div class="table-wrap">
            <table id="indicator-table">
              <thead>
                <tr>
                  <th scope="col">ตัวชี้วัดที่</th>
                  <th scope="col">ชื่อตัวชี้วัด</th>
                  <th scope="col">เครื่องมือ</th>
                  <th scope="col">คะแนน</th>
                  <th scope="col">ปีก่อน{previous ? ` (${previous.fiscalYear})` : ''}</th>
                  <th scope="col">เปลี่ยนแปลง</th>
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
                title: `คะแนนรายตัวชี้วัด ปี ${y}`,
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
                  title: 'คะแนนรายตัวชี้วัดเทียบรายปี',
                  categories: framework.indicators.map((i) => String(i.no)),
                  series: data.history
                    .filter((h) => h.fiscalYear <= y)
                    .slice(-3)
                    .map((h) => ({
                      name: `พ.ศ. ${h.fiscalYear}`,
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
              <summary>คะแนนรายข้อคำถาม ({result.questionScores.length} ข้อ)</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">ข้อ</th>
                    <th scope="col">ตัวชี้วัด</th>
                    <th scope="col">คะแนน</th>
                    <th scope="col">เปลี่ยนแปลง</th>
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
      <h2>ข้อคำถามที่มีผลการประเมินต่ำ (แยกตามประเด็น)</h2>
      <p class="muted">
        {settingsText}
        {props.settings.addedCodes.length > 0 &&
          ` · เพิ่มเอง: ${props.settings.addedCodes.join(', ')}`}
        {props.settings.removedCodes.length > 0 &&
          ` · ตัดออก: ${props.settings.removedCodes.join(', ')}`}
      </p>
      <p class="muted">ผลรายข้อคำถามมีเฉพาะเมื่อนำเข้าไฟล์รายข้อ; ไฟล์รายตัวชี้วัดแสดงได้เฉพาะข้อที่เพิ่มเอง</p>
      {data.weak.areas.map((area) => (
        <section>
          <h3>
            ประเด็นที่ {area.no} {area.nameTh}
          </h3>
          {area.questions.length === 0 ? (
            <p class="muted">ไม่มี</p>
          ) : (
            <ul>
              {area.questions.map((q) => (
                <li>
                  {q.code} (ตัวชี้วัด {q.indicatorNo}) {q.score === null ? '—' : fixed(q.score)}{' '}
                  {q.reason === 'manual' ? <span class="badge muted">เพิ่มเอง</span> : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {data.weak.unmapped.length > 0 && (
        <p>ไม่อยู่ในประเด็นใด: {data.weak.unmapped.map((q) => q.code).join(', ')}</p>
      )}
      <PostForm action={`${base}/weak-questions`} class="card" id="weak-questions">
        <h3>เกณฑ์คัดเลือกข้อคำถาม</h3>
        {props.weakForm && (
          <ErrorSummary errors={props.weakForm.errors} message={props.weakForm.message} />
        )}
        {errorOf('threshold')}
        <label>
          <input type="radio" name="kind" value="below" checked={kind === 'below'} /> คะแนนต่ำกว่า{' '}
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
          ต่ำสุด{' '}
          <input
            id="f-n"
            name="n"
            inputmode="numeric"
            value={shown('n', String(rule.kind === 'below' ? 2 : rule.n))}
            aria-invalid={errors.n ? 'true' : undefined}
          />{' '}
          ข้อต่อตัวชี้วัด
        </label>
        {errorOf('addedCodes')}
        <label>
          เพิ่มเอง (รหัสคั่นด้วยจุลภาค เช่น e1, i12)
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
          ตัดออก (รหัสคั่นด้วยจุลภาค)
          <input
            type="text"
            id="f-removedCodes"
            name="removedCodes"
            value={shown('removedCodes', props.settings.removedCodes.join(', '))}
            aria-invalid={errors.removedCodes ? 'true' : undefined}
          />
        </label>
        <button type="submit">บันทึกเกณฑ์</button>
      </PostForm>
    </Layout>
  );
}
