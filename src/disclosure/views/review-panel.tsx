import { raw } from 'hono/html';
import { useT } from '../../core/http/ui.js';
import { EntryTableView } from './entry-table.js';
import { htmlToText } from '../collect-search-documents.js';
import type { EntryLink, EntryTable } from '../schema.js';

/** The parts of an entry an approver approves: text, links, table and files. */
export interface ReviewedContent {
  contentHtml: string;
  links: EntryLink[];
  table: EntryTable | null;
  documentIds: string[];
}

type Change = { kind: 'same' | 'added' | 'removed'; text: string };

/** Paragraphs of sanitised HTML as plain lines, so a change is shown line by line. */
function textLines(html: string): string[] {
  return htmlToText(html.replace(/<\/(p|div|li|h[1-6]|tr|blockquote)>|<br\s*\/?>/gi, '\n'))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Line diff by longest common subsequence (entries are a few dozen lines at most). */
export function diffLines(before: string[], after: string[]): Change[] {
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        before[i] === after[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ kind: 'added', text: after[j]! });
      j++;
    } else {
      out.push({ kind: 'removed', text: before[i]! });
      i++;
    }
  }
  return out;
}

const tableLines = (table: EntryTable | null) =>
  table ? [table.columns, ...table.rows].map((r) => r.join(' | ')) : [];
const linkLines = (links: EntryLink[]) => links.map((l) => `${l.label} — ${l.href}`);

/** What changed between the published version (null = never published) and this one. */
export function diffContent(
  published: ReviewedContent | null,
  current: ReviewedContent,
  fileName: (id: string) => string,
) {
  const files = (c: ReviewedContent | null) => (c?.documentIds ?? []).map(fileName);
  return {
    text: diffLines(textLines(published?.contentHtml ?? ''), textLines(current.contentHtml)),
    links: diffLines(linkLines(published?.links ?? []), linkLines(current.links)),
    table: diffLines(tableLines(published?.table ?? null), tableLines(current.table)),
    files: diffLines(files(published), files(current)),
  };
}

function ChangeList(props: { title: string; changes: Change[] }) {
  if (!props.changes.some((c) => c.kind !== 'same')) return null;
  return (
    <>
      <h4>{props.title}</h4>
      <ul class="diff">
        {props.changes.map((c) =>
          c.kind === 'added' ? (
            <li data-change="added">
              <ins>+ {c.text}</ins>
            </li>
          ) : c.kind === 'removed' ? (
            <li data-change="removed">
              <del>− {c.text}</del>
            </li>
          ) : (
            <li class="muted">{c.text}</li>
          ),
        )}
      </ul>
    </>
  );
}

/**
 * What the executive approves: the whole version awaiting approval (text, links, table, files)
 * and, below it, what changed since the version the public sees now.
 */
export function ReviewPanel(props: {
  current: ReviewedContent;
  published: ReviewedContent | null;
  documents: { id: string; fileName: string }[];
  documentHref: (id: string) => string;
}) {
  const t = useT();
  const names = new Map(props.documents.map((d) => [d.id, d.fileName]));
  const fileName = (id: string) => names.get(id) ?? id;
  const c = props.current;
  const diff = diffContent(props.published, c, fileName);
  const changed = Object.values(diff).some((list) => list.some((x) => x.kind !== 'same'));
  return (
    <section class="card" id="review-content">
      <h2>{t('disclosure.reviewPanel.awaiting')}</h2>
      <div class="entry-content">{raw(c.contentHtml)}</div>
      {c.links.length > 0 && (
        <>
          <h3>{t('disclosure.reviewPanel.links')}</h3>
          <ul>
            {c.links.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a> <span class="muted">{l.href}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.table && <EntryTableView table={c.table} />}
      {c.documentIds.length > 0 && (
        <>
          <h3>{t('disclosure.reviewPanel.files')}</h3>
          <ul>
            {c.documentIds.map((id) => (
              <li>
                <a href={props.documentHref(id)}>{fileName(id)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>
        {t(props.published ? 'disclosure.reviewPanel.changes' : 'disclosure.reviewPanel.allNew')}
      </h3>
      {props.published && !changed && <p class="muted">{t('disclosure.reviewPanel.noChange')}</p>}
      <ChangeList title={t('disclosure.reviewPanel.text')} changes={diff.text} />
      <ChangeList title={t('disclosure.reviewPanel.links')} changes={diff.links} />
      <ChangeList title={t('disclosure.reviewPanel.table')} changes={diff.table} />
      <ChangeList title={t('disclosure.reviewPanel.files')} changes={diff.files} />
    </section>
  );
}
