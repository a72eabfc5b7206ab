import { Layout } from '../../core/http/layout.js';
import { PageHeader, useT } from '../../core/http/ui.js';
import type { ActivityWithPhotos, GiftRow } from '../measures-queries.js';
import { ActivityDetails, GiftTable } from './measure-parts.js';

/** The public record of an activity (evidence on its OIT item): text and photos, no staff names. */
export function PublicActivityPage(props: { activity: ActivityWithPhotos; base: string }) {
  const t = useT();
  const a = props.activity;
  return (
    <Layout title={a.title}>
      <PageHeader title={a.title} lead={t(`integrity.activities.kinds.${a.kind}`)} />
      <ActivityDetails
        activity={a}
        photoHref={(sha) => `${props.base}/activities/${a.id}/photos/${sha}`}
      />
    </Layout>
  );
}

/** รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา: the year's register as the OIT asks. */
export function PublicGiftReport(props: { year: number; gifts: GiftRow[] }) {
  const t = useT();
  const title = t('integrity.gifts.publicTitle', { year: props.year });
  return (
    <Layout title={title}>
      <PageHeader title={title} />
      <GiftTable gifts={props.gifts} />
    </Layout>
  );
}
