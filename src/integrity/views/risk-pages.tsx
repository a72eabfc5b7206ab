import { raw } from 'hono/html';
import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  useT,
} from '../../core/http/ui.js';
import type { FormState } from '../../core/http/form.js';
import { riskLevel } from '../../core/documents/charts.js';
import type { RiskRow, FollowUpRow } from '../risk-queries.js';

const BASE = '/staff/integrity/risks';
const SCORES = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));

/** ทะเบียนความเสี่ยง: the matrix, the register with follow-ups, the form to add a risk. */
export function RisksPage(props: {
  year: number;
  risks: (RiskRow & { followUps: FollowUpRow[] })[];
  matrixSvg: string;
  canManage: boolean;
  canPublish: boolean;
  form: FormState;
}) {
  const t = useT();
  const v = props.form.values;
  const title = t('integrity.risks.title', { year: props.year });
  return (
    <Layout title={title}>
      <PageHeader title={title} lead={t('integrity.risks.lead')} />
      <Notice />
      {/* Server-drawn SVG (charts.ts escapes every label). */}
      <figure class="card">{raw(props.matrixSvg)}</figure>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('integrity.risks.code')}</th>
            <th scope="col">{t('integrity.risks.process')}</th>
            <th scope="col">{t('integrity.risks.risk')}</th>
            <th scope="col">{t('integrity.risks.level')}</th>
            <th scope="col">{t('integrity.risks.owner')}</th>
            <th scope="col">{t('integrity.risks.followUps')}</th>
          </tr>
        </thead>
        <tbody>
          {props.risks.map((r, i) => (
            <tr>
              <td>
                <a href={`${BASE}/${r.id}`}>R{i + 1}</a>
              </td>
              <td>{r.process}</td>
              <td>{r.risk}</td>
              <td>
                {t(`integrity.risks.levels.l${riskLevel(r.likelihood, r.impact)}`)} (
                {r.likelihood * r.impact})
              </td>
              <td>{r.owner}</td>
              <td>
                {r.followUps
                  .map((f) => t('integrity.risks.roundDone', { round: f.round }))
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canPublish && (
        <PostForm action={`${BASE}/publish`}>
          <input type="hidden" name="fiscalYear" value={String(props.year)} />
          <button type="submit">{t('integrity.risks.publish')}</button>
        </PostForm>
      )}
      {props.canManage && (
        <PostForm action={BASE} class="card stack">
          <h2>{t('integrity.risks.add')}</h2>
          <ErrorSummary errors={props.form.errors} message={props.form.message} />
          <input type="hidden" name="fiscalYear" value={String(props.year)} />
          <TextField
            name="process"
            label="integrity.risks.process"
            value={v.process as string}
            errors={props.form.errors}
            required
          />
          <TextArea
            name="risk"
            label="integrity.risks.risk"
            value={v.risk as string}
            errors={props.form.errors}
            rows={2}
            required
          />
          <SelectField
            name="likelihood"
            label="integrity.risks.likelihood"
            value={v.likelihood as string}
            errors={props.form.errors}
            options={SCORES}
          />
          <SelectField
            name="impact"
            label="integrity.risks.impact"
            value={v.impact as string}
            errors={props.form.errors}
            options={SCORES}
          />
          <TextArea
            name="controls"
            label="integrity.risks.controls"
            value={v.controls as string}
            errors={props.form.errors}
            rows={3}
          />
          <TextField
            name="owner"
            label="integrity.risks.owner"
            value={v.owner as string}
            errors={props.form.errors}
          />
          <button type="submit">{t('integrity.risks.add')}</button>
        </PostForm>
      )}
    </Layout>
  );
}

/** One risk and the form to record a 6- or 12-month follow-up. */
export function RiskPage(props: {
  risk: RiskRow;
  followUps: FollowUpRow[];
  canManage: boolean;
  form: FormState;
}) {
  const t = useT();
  const r = props.risk;
  const v = props.form.values;
  return (
    <Layout title={r.process}>
      <PageHeader title={r.process} lead={r.risk} />
      <Notice />
      <dl class="card">
        <dt>{t('integrity.risks.level')}</dt>
        <dd>
          {t(`integrity.risks.levels.l${riskLevel(r.likelihood, r.impact)}`)} ({r.likelihood} ×{' '}
          {r.impact})
        </dd>
        <dt>{t('integrity.risks.controls')}</dt>
        <dd>{r.controls}</dd>
        <dt>{t('integrity.risks.owner')}</dt>
        <dd>{r.owner}</dd>
        {props.followUps.map((f) => (
          <>
            <dt>{t('integrity.risks.roundDone', { round: f.round })}</dt>
            <dd>
              {t(`integrity.risks.levels.l${riskLevel(f.likelihood, f.impact)}`)}: {f.note}
            </dd>
          </>
        ))}
      </dl>
      {props.canManage && (
        <PostForm action={`${BASE}/${r.id}/follow-up`} class="card stack">
          <ErrorSummary errors={props.form.errors} message={props.form.message} />
          <SelectField
            name="round"
            label="integrity.risks.round"
            value={v.round as string}
            errors={props.form.errors}
            options={[6, 12].map((n) => ({
              value: String(n),
              label: t('integrity.risks.roundDone', { round: n }),
            }))}
          />
          <SelectField
            name="likelihood"
            label="integrity.risks.likelihood"
            value={v.likelihood as string}
            errors={props.form.errors}
            options={SCORES}
          />
          <SelectField
            name="impact"
            label="integrity.risks.impact"
            value={v.impact as string}
            errors={props.form.errors}
            options={SCORES}
          />
          <TextArea
            name="note"
            label="integrity.risks.note"
            value={v.note as string}
            errors={props.form.errors}
            rows={3}
            required
          />
          <button type="submit">{t('integrity.risks.recordFollowUp')}</button>
        </PostForm>
      )}
    </Layout>
  );
}
