import {
  confidenceTh,
  sourceTh,
  type ItaFramework,
  type SurveyQuestion,
} from '../../assessment/index.js';
import { PostForm } from '../../core/http/ui.js';
import type { Campaign } from '../campaigns.js';
import { questionTextTh } from '../survey-pages.js';
import { MAX_WORDING_LENGTH } from '../update-question-wording.js';

/** Staff-only: where the wording of a question comes from, written for an officer. */
function WordingOrigin(props: { question: SurveyQuestion; framework: ItaFramework }) {
  const q = props.question;
  // Written for an officer: the source's Thai title, never a file name or repository path.
  const source = sourceTh(props.framework, q.source);
  return (
    <details>
      <summary>ที่มาของถ้อยคำนี้</summary>
      {q.textTh ? (
        <p>
          ถ้อยคำจาก {source} ({confidenceTh(q.confidence)})
        </p>
      ) : (
        <p>
          ยังไม่พบถ้อยคำทางการของข้อนี้ ถ้อยคำนี้เขียนให้อ่านง่ายจากเรื่องที่ตัวชี้วัดที่ {q.indicatorNo} วัด
          หน่วยงานปรับถ้อยคำได้ก่อนเปิดแบบวัด
        </p>
      )}
    </details>
  );
}

/** The campaign's questions as respondents read them; editable until the first answer. */
export function QuestionWordingSection(props: {
  campaign: Campaign;
  questions: readonly SurveyQuestion[];
  framework: ItaFramework;
  canEdit: boolean;
}) {
  const { campaign } = props;
  return (
    <section id="wording">
      <h2>ถ้อยคำข้อคำถามที่ผู้ตอบเห็น</h2>
      {props.canEdit ? (
        <PostForm action={`/staff/surveys/${campaign.id}/wording`} class="card">
          <p class="hint">แก้ถ้อยคำให้ผู้ตอบเข้าใจง่ายได้จนกว่าจะมีผู้ตอบคนแรก เว้นว่างเพื่อใช้ถ้อยคำตั้งต้น</p>
          {props.questions.map((q) => (
            <div class="field">
              <label for={`f-w-${q.code}`}>{q.code.toUpperCase()}.</label>
              <textarea
                id={`f-w-${q.code}`}
                name={`w.${q.code}`}
                rows={2}
                maxlength={MAX_WORDING_LENGTH}
              >
                {questionTextTh(q, campaign.questionWording)}
              </textarea>
              <WordingOrigin question={q} framework={props.framework} />
            </div>
          ))}
          <button type="submit">บันทึกถ้อยคำ</button>
        </PostForm>
      ) : (
        <>
          <p class="muted">แบบวัดนี้มีผู้ตอบแล้ว ถ้อยคำจึงแก้ไม่ได้ ผู้ตอบทุกคนต้องได้อ่านคำถามเดียวกัน</p>
          <ol>
            {props.questions.map((q) => (
              <li data-question={q.code}>
                {q.code.toUpperCase()}. {questionTextTh(q, campaign.questionWording)}
                <WordingOrigin question={q} framework={props.framework} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
