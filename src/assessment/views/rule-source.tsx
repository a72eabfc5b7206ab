import type { Child } from 'hono/jsx';
import { confidenceTh } from '../officer-text.js';

/**
 * "ที่มาของเกณฑ์นี้": where a rule comes from and how sure the programme is, folded away for
 * staff who want to check it. Never used on a citizen's page or in an official document.
 */
export function RuleSourceDetails(props: {
  /** Officer-facing Thai text of the source (`sourceTh`, `assumptionTh`). */
  sources: Child[];
  confidence?: string;
  url?: string | undefined;
  summary?: string;
}) {
  return (
    <details class="rule-source">
      <summary>{props.summary ?? 'ที่มาของเกณฑ์นี้'}</summary>
      {props.confidence && <p>ความน่าเชื่อถือ: {confidenceTh(props.confidence)}</p>}
      <ul>
        {props.sources.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      {props.url && (
        <p>
          เอกสารต้นทาง: <a href={props.url}>{props.url}</a>
        </p>
      )}
    </details>
  );
}
