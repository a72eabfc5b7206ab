import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  FieldError,
  Notice,
  PageHeader,
  PostForm,
  useT,
  type FieldErrors,
} from '../../core/http/ui.js';
import { isCampaignOpen, type Campaign } from '../campaigns.js';
import { thaiDay, whoCounts } from './staff-parts.js';

/** The agency's campaigns and the form that opens a new one (filled in after a refusal). */
export function CampaignsPage(props: {
  list: Campaign[];
  defaultYear: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  message?: string | undefined;
}) {
  const t = useT();
  const k = (key: string) => t(`surveys.staff.list.${key}`);
  const v = (key: string) => (props.values?.[key] as string | undefined) ?? '';
  return (
    <Layout title={t('surveys.nav.surveys')}>
      <PageHeader title={k('title')} lead={k('lead')} />
      <Notice />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{k('fiscalYear')}</th>
              <th>{k('tool')}</th>
              <th>{k('name')}</th>
              <th>{k('period')}</th>
              <th>{k('status')}</th>
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
                    <span class="badge ok">{k('open')}</span>
                  ) : (
                    <span class="badge muted">{k('closed')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{k('new')}</h2>
      <ErrorSummary errors={props.errors} message={props.message} />
      <PostForm action="/staff/surveys" class="card">
        <div class="field">
          <label for="f-fiscalYear">{k('fiscalYearBe')}</label>
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
          <label for="f-tool">{k('tool')}</label>
          <FieldError name="tool" errors={props.errors} />
          <select id="f-tool" name="tool">
            <option value="EIT" selected={v('tool') !== 'IIT'}>
              {k('toolEit')}
            </option>
            <option value="IIT" selected={v('tool') === 'IIT'}>
              {k('toolIit')}
            </option>
          </select>
        </div>
        <div class="field">
          <label for="f-titleTh">{k('titleTh')}</label>
          <FieldError name="titleTh" errors={props.errors} />
          <input id="f-titleTh" name="titleTh" required maxlength={200} value={v('titleTh')} />
        </div>
        <div class="field">
          <label for="f-opensOn">{k('opensOn')}</label>
          <FieldError name="opensOn" errors={props.errors} />
          <input id="f-opensOn" name="opensOn" type="date" required value={v('opensOn')} />
        </div>
        <div class="field">
          <label for="f-closesOn">{k('closesOn')}</label>
          <FieldError name="closesOn" errors={props.errors} />
          <input id="f-closesOn" name="closesOn" type="date" required value={v('closesOn')} />
        </div>
        <div class="field">
          <label for="f-stakeholderPopulation">{k('population')}</label>
          <p class="hint" id="f-stakeholderPopulation-hint">
            {t('surveys.staff.list.populationHint', {
              iit: whoCounts(t, 'IIT'),
              eit: whoCounts(t, 'EIT'),
            })}
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
          <label for="f-extraQuestions">{k('extraQuestions')}</label>
          <FieldError name="extraQuestions" errors={props.errors} />
          <textarea id="f-extraQuestions" name="extraQuestions" rows={3}>
            {v('extraQuestions')}
          </textarea>
        </div>
        <button type="submit">{k('submit')}</button>
      </PostForm>
    </Layout>
  );
}
