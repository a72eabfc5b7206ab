import type { Child } from 'hono/jsx';
import { useT } from '../../core/http/ui.js';
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
  const t = useT();
  return (
    <details class="rule-source">
      <summary>{props.summary ?? t('assessment.ruleSource.summary')}</summary>
      {props.confidence && (
        <p>
          {t('assessment.ruleSource.confidence', { confidence: confidenceTh(props.confidence) })}
        </p>
      )}
      <ul>
        {props.sources.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      {props.url && (
        <p>
          {t('assessment.ruleSource.sourceDocument')} <a href={props.url}>{props.url}</a>
        </p>
      )}
    </details>
  );
}
