import {
  confidenceTh,
  sourceTh,
  type ItaFramework,
  type SurveyQuestion,
} from '../../assessment/index.js';
import { PostForm, useT } from '../../core/http/ui.js';
import type { Campaign } from '../campaigns.js';
import { questionTextTh } from '../survey-pages.js';
import { MAX_WORDING_LENGTH } from '../update-question-wording.js';

/** Staff-only: where the wording of a question comes from, written for an officer. */
function WordingOrigin(props: { question: SurveyQuestion; framework: ItaFramework }) {
  const t = useT();
  const q = props.question;
  // Written for an officer: the source's Thai title, never a file name or repository path.
  const source = sourceTh(props.framework, q.source);
  return (
    <details>
      <summary>{t('surveys.staff.wording.origin')}</summary>
      {q.textTh ? (
        <p>{t('surveys.staff.wording.from', { source, confidence: confidenceTh(q.confidence) })}</p>
      ) : (
        <p>{t('surveys.staff.wording.noOfficial', { no: q.indicatorNo })}</p>
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
  const t = useT();
  const { campaign } = props;
  return (
    <section id="wording">
      <h2>{t('surveys.staff.wording.title')}</h2>
      {props.canEdit ? (
        <PostForm action={`/staff/surveys/${campaign.id}/wording`} class="card">
          <p class="hint">{t('surveys.staff.wording.hint')}</p>
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
          <button type="submit">{t('surveys.staff.wording.save')}</button>
        </PostForm>
      ) : (
        <>
          <p class="muted">{t('surveys.staff.wording.locked')}</p>
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
