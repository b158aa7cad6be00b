import { headline, LEVEL, pick } from '../../widget/ui/i18n';
import { LIST_NAME, punct } from '../../widget/ui/words';
import type { Lang } from '../../widget/ui/types';
import type { SubjectReport } from '../platform/schemas';
import { badgeLine, readOnText } from '../runtime/BadgeApp';
import { tr } from './lang';

/**
 * One subject with its verdict and the details, as plain text (popup): the registered name, the page's differing
 * claim as such, the reasons behind the level, then list entries and credit levels in the shopper's words.
 */
export function SubjectSummary({ s, lang }: { s: SubjectReport; lang: Lang }) {
  const [zh, en, icon] = LEVEL[s.level];
  const { reason } = badgeLine(s, lang);
  const { colon } = punct(lang);
  const more = headline(s).slice(1);
  const st = s.status;
  return (
    <li class={`subject ${s.level}`} data-testid="subject" data-level={s.level}>
      <div><span class={`level ${s.level}`} aria-hidden="true">{icon} </span><b>{s.name || tr(lang, '经营者未知', 'Operator not known yet')}</b> · <span class={`level ${s.level}`}>{tr(lang, zh, en)}</span></div>
      {(s.uscc ?? st?.subject.uscc) && <div class="muted">{tr(lang, '统一社会信用代码', 'USCC')}{colon}{s.uscc ?? st?.subject.uscc}</div>}
      {s.claimedName && <div data-testid="claimed">{tr(lang, '页面自称', 'Page claims')}{colon}{s.claimedName}</div>}
      <div>{reason}</div>
      {s.readOn && <div class="muted" data-testid="read-on">{readOnText(s.readOn, lang)}</div>}
      {more.length > 0 && <ul>{more.map((r) => <li key={r.code}>{pick(lang, r)}</li>)}</ul>}
      {st && st.listEntries.length > 0 && (
        <ul>{st.listEntries.map((e) => <li>{pick(lang, LIST_NAME[e.list]!)}{colon}{e.reason} · {e.authority} · {e.provenance.sourceName ?? e.provenance.source}</li>)}</ul>
      )}
      {st && st.creditLevels.length > 0 && (
        <ul>{st.creditLevels.map((c) => <li>{c.schemeName}{colon}{c.level} · {c.issuer} · {c.date.slice(0, 10)}</li>)}</ul>
      )}
    </li>
  );
}
