import { raw } from 'hono/html';
import type { PublicNewsItem } from '../public-content.js';
import {
  LinkList,
  PublicFrame,
  UpdatedAt,
  useDateFormat,
  usePublicText,
  useSiteBase,
} from './public-frame.js';

/** ข่าวประชาสัมพันธ์: published news and announcements, newest first. */
export function PublicNewsListPage({ news }: { news: PublicNewsItem[] }) {
  const text = usePublicText();
  const base = useSiteBase();
  const format = useDateFormat();
  return (
    <PublicFrame title={text.news} section="news">
      <h1>{text.news}</h1>
      <p>
        <a href={`${base}/feed.xml`}>{text.feed}</a>
      </p>
      {news.length === 0 && <p>{text.noNews}</p>}
      <ul class="stack" style="list-style:none;padding:0">
        {news.map((item) => (
          <li>
            <h2 style="font-size:1.05rem;margin:0">
              <a href={`${base}/news/${encodeURIComponent(item.id)}`}>{item.title}</a>
            </h2>
            <p class="muted" style="margin:0">
              {item.kind === 'announcement' ? text.announcement : text.newsKind} ·{' '}
              <time datetime={item.publishedAt.toISOString()}>{format(item.publishedAt)}</time>
            </p>
            {item.summary && <p style="margin:.25rem 0 0">{item.summary}</p>}
          </li>
        ))}
      </ul>
    </PublicFrame>
  );
}

/** One news item or announcement. */
export function PublicNewsItemPage({ item }: { item: PublicNewsItem }) {
  const text = usePublicText();
  const format = useDateFormat();
  return (
    <PublicFrame title={item.title} section="news">
      <article>
        <h1>{item.title}</h1>
        <p class="muted">
          {text.publishedOn}{' '}
          <time datetime={item.publishedAt.toISOString()}>{format(item.publishedAt)}</time>
        </p>
        {/* bodyHtml is sanitised when staff save it. */}
        <div>{raw(item.bodyHtml)}</div>
        <LinkList links={item.links} />
        <UpdatedAt date={item.updatedAt} />
      </article>
    </PublicFrame>
  );
}
