import type { PublicNewsItem } from './public-content.js';

/** XML 1.0 forbids most control characters even when escaped; drop them. */
function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export interface NewsFeedInput {
  /** Absolute URL of the agency's site root, without a trailing slash. */
  siteUrl: string;
  agencyName: string;
  items: PublicNewsItem[];
}

/**
 * RSS 2.0 of the agency's published news and announcements, newest first. Dates are RFC 822
 * in GMT (RSS readers do not parse พ.ศ.); each item's guid is its permanent page URL.
 */
export function buildNewsFeed({ siteUrl, agencyName, items }: NewsFeedInput): string {
  const sorted = [...items].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const lastBuild = sorted[0]?.updatedAt ?? new Date(0);
  const entries = sorted.map((item) => {
    const link = `${siteUrl}/news/${encodeURIComponent(item.id)}`;
    const category = item.kind === 'announcement' ? 'ประกาศ' : 'ข่าวประชาสัมพันธ์';
    return [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `      <pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
      `      <category>${category}</category>`,
      `      <description>${escapeXml(item.summary)}</description>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(`ข่าวประชาสัมพันธ์ ${agencyName}`)}</title>`,
    `    <link>${escapeXml(`${siteUrl}/news`)}</link>`,
    `    <atom:link href="${escapeXml(`${siteUrl}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${escapeXml(`ข่าวและประกาศของ${agencyName}`)}</description>`,
    '    <language>th</language>',
    `    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>`,
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
