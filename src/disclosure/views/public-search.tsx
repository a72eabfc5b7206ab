import type { HighlightPart } from '../search-text.js';
import type { SearchResult } from '../search-site.js';
import { PublicFrame, SearchBox, usePublicText } from './public-frame.js';

/** Text with its matches in <mark>; built from parts, so no user text becomes HTML. */
function Highlighted({ parts }: { parts: HighlightPart[] }) {
  return <>{parts.map((p) => (p.isMatch ? <mark>{p.text}</mark> : p.text))}</>;
}

/** ค้นหา: the search form and its results with highlighted matches. */
export function PublicSearchPage({ query, results }: { query: string; results: SearchResult[] }) {
  const text = usePublicText();
  return (
    <PublicFrame title={query ? `${text.search}: ${query}` : text.search} section="search">
      <h1>{text.searchLabel}</h1>
      <SearchBox query={query} />
      {!query && <p class="muted">{text.searchHint}</p>}
      {query && (
        <section aria-labelledby="res-h">
          <h2 id="res-h">
            {text.resultsFor} “{query}” ({results.length})
          </h2>
          {results.length === 0 && <p>{text.noResults}</p>}
          <ol class="stack" style="padding-left:1.2rem">
            {results.map((r) => (
              <li class="result">
                <h3 style="font-size:1.05rem;margin:0">
                  <a href={r.href}>
                    <Highlighted parts={r.title} />
                  </a>
                </h3>
                <p class="muted" style="margin:0">
                  {r.section}
                </p>
                <p style="margin:.25rem 0 0">
                  <Highlighted parts={r.excerpt} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </PublicFrame>
  );
}
