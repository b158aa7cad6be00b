import { useState } from 'preact/hooks';
import { OUTCOME_LABEL, VERDICT_LABEL, ruleTitle } from './labels';
import type { RecordFinding, Verdict } from '../../audit/record';

interface Props {
  finding: RecordFinding;
  index: number;
  onHighlight?: (selector: string) => void;
  onSave: (verdict: Verdict, note: string) => void;
}

/** One finding: outcome, message, highlight on the page, and the inspector's verdict and note. */
export function FindingItem({ finding, index, onHighlight, onSave }: Props) {
  const [verdict, setVerdict] = useState<Verdict>(finding.verdict);
  const [note, setNote] = useState(finding.note);
  const id = `f${index}`;
  return (
    <li class="finding" data-outcome={finding.outcome} data-rule={finding.ruleId} aria-labelledby={`${id}-t`}>
      <div class="row">
        <strong id={`${id}-t`}>{ruleTitle(finding.ruleId)}</strong>
        <span class="badge" data-testid="outcome">{OUTCOME_LABEL[finding.outcome]}</span>
      </div>
      <p>{finding.message.zh}<br /><span class="muted">{finding.message.en}</span></p>
      <div class="row">
        {finding.selector && onHighlight && (
          <button type="button" onClick={() => onHighlight(finding.selector!)}>在页面上定位 Highlight</button>
        )}
        <label for={`${id}-v`}>结论 Verdict</label>
        <select id={`${id}-v`} value={verdict} onChange={(e) => setVerdict((e.currentTarget as HTMLSelectElement).value as Verdict)}>
          {Object.entries(VERDICT_LABEL).map(([v, l]) => <option value={v}>{l}</option>)}
        </select>
        <button type="button" onClick={() => onSave(verdict, note)}>保存 Save</button>
      </div>
      <label for={`${id}-n`} class="muted">备注 Note</label>
      <textarea id={`${id}-n`} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
    </li>
  );
}
