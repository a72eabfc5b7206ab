import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list for item text staff type: structure and emphasis, links and tables; no
 * scripts, styles, event handlers, iframes or images (images go in as uploaded documents).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/**
 * Rich text as stored and shown: allow-listed HTML only. Plain text (no tags) is turned into
 * paragraphs so staff who type without markup get the line breaks they typed.
 */
export function sanitizeRichText(input: string): string {
  const text = input
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .trim();
  if (text === '') return '';
  const looksLikeHtml = /<[a-z][\s\S]*>/i.test(text);
  const html = looksLikeHtml
    ? text
    : text
        .split(/\r?\n\s*\r?\n/)
        .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
        .join('');
  return sanitizeHtml(html, OPTIONS).trim();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
