import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildNewsFeed } from './feed-rss.js';

const item = (id: string, title: string, day: number) => ({
  id,
  kind: 'announcement' as const,
  title,
  summary: `a < b & "c"${String.fromCharCode(1)}`,
  bodyHtml: '',
  links: [],
  publishedAt: new Date(Date.UTC(2023, 0, day)),
  updatedAt: new Date(Date.UTC(2023, 0, day)),
});

void describe('buildNewsFeed', () => {
  const xml = buildNewsFeed({
    siteUrl: 'https://www.example.go.th/a/phothong',
    agencyName: 'เทศบาลตำบลโพธิ์ทอง',
    items: [item('old', 'ประกาศเก่า', 1), item('new', 'ประกาศใหม่', 9)],
  });

  void it('lists items newest first with RFC 822 dates and permanent links', () => {
    assert.ok(xml.indexOf('ประกาศใหม่') < xml.indexOf('ประกาศเก่า'));
    assert.match(xml, /<pubDate>Mon, 09 Jan 2023 00:00:00 GMT<\/pubDate>/);
    assert.match(
      xml,
      /<guid isPermaLink="true">https:\/\/www.example.go.th\/a\/phothong\/news\/new<\/guid>/,
    );
    assert.match(xml, /<lastBuildDate>Mon, 09 Jan 2023/);
  });

  void it('escapes markup and drops characters XML forbids', () => {
    assert.match(xml, /a &lt; b &amp; &quot;c&quot;<\/description>/);
    assert.ok(!xml.includes(String.fromCharCode(1)));
  });
});
