import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractPdfText } from './extract-pdf-text.js';
import { parseRobotsTxt } from './parse-robots-txt.js';

void describe('parseRobotsTxt', () => {
  void it('lets the longest rule win and Allow win a tie', () => {
    const robots = parseRobotsTxt(
      'User-agent: *\nDisallow: /docs/\nAllow: /docs/ita/\nDisallow: /*.php$',
    );
    assert.equal(robots.isAllowed('/docs/secret.pdf'), false);
    assert.equal(robots.isAllowed('/docs/ita/o1.pdf'), true);
    assert.equal(robots.isAllowed('/index.php'), false);
    assert.equal(robots.isAllowed('/index.php?id=1'), true);
    assert.equal(
      parseRobotsTxt('User-agent: *\nDisallow: /ita\nAllow: /ita').isAllowed('/ita'),
      true,
    );
  });

  void it('uses the Prongsai group instead of *, case-insensitively', () => {
    const robots = parseRobotsTxt(
      'User-agent: *\nDisallow: /\n\nUser-agent: prongsai\nDisallow: /x',
    );
    assert.equal(robots.isAllowed('/ita'), true);
    assert.equal(robots.isAllowed('/x/1'), false);
  });
});

void describe('extractPdfText', () => {
  void it('degrades with missing-tool when pdftotext is not installed', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const result = await extractPdfText(new TextEncoder().encode('%PDF-1.4'));
      assert.deepEqual(result, { ok: false, reason: 'missing-tool', documentDate: null });
    } finally {
      process.env.PATH = path;
    }
  });
});
