import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  FileField,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  useT,
} from '../../core/http/ui.js';
import type { FormState } from '../../core/http/form.js';
import { ACTIVITY_KINDS, GIFT_ACTIONS } from '../schema.js';
import type { ActivityWithPhotos, DeclarationRow, GiftRow } from '../measures-queries.js';
import { ActivityDetails, Day, GiftTable } from './measure-parts.js';

const BASE = '/staff/integrity';

/** Links between the year's no-gift and integrity pages, keeping the year. */
function YearNav(props: { year: number }) {
  const t = useT();
  return (
    <nav class="page-actions">
      <a href={`${BASE}/activities?year=${props.year}`}>{t('integrity.activities.nav')}</a>{' '}
      <a href={`${BASE}/gifts?year=${props.year}`}>{t('integrity.gifts.nav')}</a>{' '}
      <a href={`${BASE}/interests?year=${props.year}`}>{t('integrity.interests.nav')}</a>
    </nav>
  );
}

/** กิจกรรม No Gift และการประกาศเจตจำนงสุจริต: the year's activities and the form to record one. */
export function ActivitiesPage(props: {
  year: number;
  activities: ActivityWithPhotos[];
  canRecord: boolean;
  form: FormState;
}) {
  const t = useT();
  const v = props.form.values;
  const e = props.form.errors;
  const title = t('integrity.activities.title', { year: props.year });
  return (
    <Layout title={title}>
      <PageHeader title={title} lead={t('integrity.activities.lead')} />
      <YearNav year={props.year} />
      <Notice />
      {props.activities.length === 0 ? (
        <p>{t('integrity.activities.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('integrity.activities.heldOn')}</th>
              <th scope="col">{t('integrity.activities.kind')}</th>
              <th scope="col">{t('integrity.activities.what')}</th>
              <th scope="col">{t('integrity.activities.photos')}</th>
            </tr>
          </thead>
          <tbody>
            {props.activities.map((a) => (
              <tr>
                <td>
                  <Day iso={a.heldOn} />
                </td>
                <td>{t(`integrity.activities.kinds.${a.kind}`)}</td>
                <td>
                  <a href={`${BASE}/activities/${a.id}`}>{a.title}</a>
                </td>
                <td>{a.photos.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canRecord && (
        <PostForm
          action={`${BASE}/activities?year=${props.year}`}
          class="card stack"
          enctype="multipart/form-data"
        >
          <h2>{t('integrity.activities.record')}</h2>
          <ErrorSummary errors={e} message={props.form.message} />
          <SelectField
            name="kind"
            label="integrity.activities.kind"
            value={v.kind as string}
            errors={e}
            options={ACTIVITY_KINDS.map((k) => ({
              value: k,
              label: t(`integrity.activities.kinds.${k}`),
            }))}
          />
          <TextField
            name="heldOn"
            type="date"
            label="integrity.activities.heldOn"
            value={v.heldOn as string}
            errors={e}
            required
          />
          <TextField
            name="title"
            label="integrity.activities.what"
            value={v.title as string}
            errors={e}
            required
          />
          <TextField
            name="place"
            label="integrity.activities.place"
            value={v.place as string}
            errors={e}
          />
          <TextArea
            name="participants"
            label="integrity.activities.participants"
            value={v.participants as string}
            errors={e}
            rows={2}
            required
          />
          <TextArea
            name="details"
            label="integrity.activities.details"
            value={v.details as string}
            errors={e}
            rows={4}
          />
          <FileField
            name="photos"
            label="integrity.activities.photos"
            hint="integrity.activities.photosHint"
            accept="image/jpeg,image/png"
            multiple
            errors={e}
            chosen={props.form.chosenFiles.photos}
          />
          <button type="submit">{t('integrity.activities.record')}</button>
        </PostForm>
      )}
    </Layout>
  );
}

/** One activity as staff see it, with the public page's address. */
export function ActivityPage(props: { activity: ActivityWithPhotos; publicHref: string }) {
  const t = useT();
  const a = props.activity;
  return (
    <Layout title={a.title}>
      <PageHeader title={a.title} lead={t(`integrity.activities.kinds.${a.kind}`)} />
      <Notice />
      <ActivityDetails
        activity={a}
        photoHref={(sha) => `${BASE}/activities/${a.id}/photos/${sha}`}
      />
      <p>
        <a href={props.publicHref}>{t('integrity.activities.publicPage')}</a>
      </p>
    </Layout>
  );
}

/** ทะเบียนการรับของขวัญ: the year's register and the form to record a gift. */
export function GiftsPage(props: {
  year: number;
  gifts: GiftRow[];
  canRecord: boolean;
  publicHref: string;
  form: FormState;
}) {
  const t = useT();
  const v = props.form.values;
  const e = props.form.errors;
  const title = t('integrity.gifts.title', { year: props.year });
  return (
    <Layout title={title}>
      <PageHeader title={title} lead={t('integrity.gifts.lead')} />
      <YearNav year={props.year} />
      <Notice />
      <GiftTable gifts={props.gifts} />
      <p>
        <a href={props.publicHref}>{t('integrity.gifts.publicPage')}</a>
      </p>
      {props.canRecord && (
        <PostForm action={`${BASE}/gifts?year=${props.year}`} class="card stack">
          <h2>{t('integrity.gifts.record')}</h2>
          <ErrorSummary errors={e} message={props.form.message} />
          <TextField
            name="offeredOn"
            type="date"
            label="integrity.gifts.offeredOn"
            value={v.offeredOn as string}
            errors={e}
            required
          />
          {(['recipient', 'giver', 'description'] as const).map((name) => (
            <TextField
              name={name}
              label={`integrity.gifts.${name}`}
              value={v[name] as string}
              errors={e}
              required
            />
          ))}
          <TextField
            name="valueBaht"
            label="integrity.gifts.valueBaht"
            value={v.valueBaht as string}
            errors={e}
            inputmode="decimal"
            required
          />
          <SelectField
            name="action"
            label="integrity.gifts.action"
            value={v.action as string}
            errors={e}
            options={GIFT_ACTIONS.map((a) => ({
              value: a,
              label: t(`integrity.gifts.actions.${a}`),
            }))}
          />
          <TextField name="note" label="integrity.gifts.note" value={v.note as string} errors={e} />
          <button type="submit">{t('integrity.gifts.record')}</button>
        </PostForm>
      )}
    </Layout>
  );
}

/** การแสดงผลประโยชน์ทับซ้อน: what this person may read (all for executives) and the form. */
export function InterestsPage(props: {
  year: number;
  declarations: DeclarationRow[];
  all: boolean;
  canDeclare: boolean;
  form: FormState;
}) {
  const t = useT();
  const v = props.form.values;
  const e = props.form.errors;
  const title = t('integrity.interests.title', { year: props.year });
  return (
    <Layout title={title}>
      <PageHeader
        title={title}
        lead={t(props.all ? 'integrity.interests.leadAll' : 'integrity.interests.leadOwn')}
      />
      <YearNav year={props.year} />
      <Notice />
      {props.declarations.length === 0 ? (
        <p>{t('integrity.interests.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('integrity.interests.declarer')}</th>
              <th scope="col">{t('integrity.interests.committee')}</th>
              <th scope="col">{t('integrity.interests.hasConflict')}</th>
              <th scope="col">{t('integrity.interests.details')}</th>
            </tr>
          </thead>
          <tbody>
            {props.declarations.map((d) => (
              <tr>
                <td>{d.declarerName}</td>
                <td>{d.committee || t('integrity.interests.yearly')}</td>
                <td>{t(d.hasConflict ? 'integrity.interests.yes' : 'integrity.interests.no')}</td>
                <td>{d.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canDeclare && (
        <PostForm action={`${BASE}/interests?year=${props.year}`} class="card stack">
          <h2>{t('integrity.interests.declare')}</h2>
          <ErrorSummary errors={e} message={props.form.message} />
          <input type="hidden" name="fiscalYear" value={String(props.year)} />
          <TextField
            name="committee"
            label="integrity.interests.committee"
            hint="integrity.interests.committeeHint"
            value={v.committee as string}
            errors={e}
          />
          <SelectField
            name="hasConflict"
            label="integrity.interests.hasConflict"
            value={(v.hasConflict as string) ?? 'no'}
            errors={e}
            options={[
              { value: 'no', label: t('integrity.interests.no') },
              { value: 'yes', label: t('integrity.interests.yes') },
            ]}
          />
          <TextArea
            name="details"
            label="integrity.interests.details"
            value={v.details as string}
            errors={e}
            rows={3}
          />
          <button type="submit">{t('integrity.interests.declare')}</button>
        </PostForm>
      )}
    </Layout>
  );
}
