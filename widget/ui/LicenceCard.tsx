import { Component, createRef, Fragment, h, type ComponentChildren, type RefObject } from 'preact';
import { pickSites } from './sites';
import { headline, LEVEL, OUTCOME_TEXT, pick, t } from './i18n';
import { LIST_NAME, punct } from './words';
import { REPORT_12315, samrCheckUrl } from './links';
import { maskName } from './mask';
import type { CreditStatus, Lang, MarkCheckView, VerdictView } from './types';

export { CARD_CSS } from './card.css';

export interface LicenceCardProps {
  /** Absent when the mark is invalid or nothing is known. */
  status?: CreditStatus;
  check?: MarkCheckView;
  verdict: VerdictView;
  lang: Lang;
  /** Page the shopper is on, for the report text. */
  pageUrl?: string;
  onClose: () => void;
}

type Licence = NonNullable<CreditStatus['licence']>;
const FIELDS: [keyof Licence, string, string][] = [
  ['name', '名称', 'Name'], ['uscc', '统一社会信用代码', 'Credit code (USCC)'], ['type', '类型', 'Type'],
  ['status', '登记状态', 'Status'], ['legalRepresentative', '法定代表人 / 经营者', 'Legal representative'],
  ['registeredCapital', '注册资本', 'Registered capital'], ['established', '成立日期', 'Established'],
  ['validUntil', '营业期限至', 'Valid until'], ['address', '住所', 'Address'], ['authority', '登记机关', 'Registration authority'],
  ['businessScope', '经营范围', 'Business scope'],
];
const day = (s: string) => s.slice(0, 10);
type Prov = CreditStatus['subject']['provenance'];
/** Where a value came from: the publisher's issue date and expiry when known, and when we last refreshed it. */
const Src = ({ p, lang }: { p: Prov; lang: Lang }) => {
  const { colon, comma, open, close } = punct(lang);
  const bits = [p.sourceName ?? p.source, p.issued && `${t(lang, 'issued')} ${day(p.issued)}`, p.expires && `${t(lang, 'until')} ${day(p.expires)}`, `${t(lang, 'refreshed')} ${day(p.retrievedAt)}`];
  return <span class="src">{open}{t(lang, 'provenance')}{colon}{bits.filter(Boolean).join(comma)}{close}</span>;
};
const Part = ({ title, children }: { title: string; children: ComponentChildren }) => (
  <section><h3>{title}</h3>{children}</section>
);

/**
 * Every licence field, identity mark, credit levels, lists, commitments, provenance and the official links, as an
 * accessible modal dialog. A class rather than hooks, so the widget ships without preact/hooks (about 1 kB gzip).
 */
export class LicenceCard extends Component<LicenceCardProps> {
  #ref = createRef<HTMLDialogElement>();
  #off?: () => void;

  componentDidMount(): void {
    const d = this.#ref.current!;
    if (!d.open) d.showModal();
    const focusables = () => [...d.querySelectorAll<HTMLElement>('a[href],button')];
    focusables()[0]?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      // Keep Tab inside the dialog: the shadow root's activeElement tells where focus is.
      const f = focusables();
      const active = (d.getRootNode() as ShadowRoot).activeElement;
      const [first, last] = [f[0], f[f.length - 1]];
      if (e.shiftKey && active === first) { e.preventDefault(); last?.focus(); }
      else if (!e.shiftKey && active === last) { e.preventDefault(); first?.focus(); }
    };
    d.addEventListener('keydown', onKey);
    this.#off = () => d.removeEventListener('keydown', onKey);
  }

  componentWillUnmount(): void {
    this.#off?.();
  }

  render() {
    return card(this.props, this.#ref);
  }
}

function card({ status, check, verdict, lang, pageUrl, onClose }: LicenceCardProps, ref: RefObject<HTMLDialogElement | null>) {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const [lzh, len, icon] = LEVEL[verdict.level];
  const s = status;
  const person = s?.subject.kind === 'individual-seller';
  const lic = s?.licence;
  const im = s?.identityMark;
  const bad = check && check.outcome !== 'genuine' ? check.reason ?? OUTCOME_TEXT[check.outcome] : undefined;
  const { colon, sep } = punct(lang);
  const heads = headline(verdict);
  // Lists unchecked: an empty list part says "not checked", never "none".
  const empty = t(lang, verdict.reasons.some((r) => r.code === 'lists.unchecked') ? 'notChecked' : 'none');
  const name = bad ? t(lang, 'invalid') : (s?.subject.name ?? t(lang, 'unknownShop'));
  const kw = (!bad && (s?.subject.uscc ?? s?.subject.name)) || '';
  const samr = s && samrCheckUrl([lic?.provenance.url, s.subject.provenance.url]);
  const value = (k: keyof Licence, v: string) => (person && k === 'legalRepresentative' ? maskName(v) : v);
  const report = [name, s?.subject.uscc, pageUrl].filter(Boolean).join('\n');
  return (
    <dialog ref={ref} class={verdict.level} aria-modal="true" aria-labelledby="xb-h" aria-describedby="xb-v" onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <header>
        <span class="ico" aria-hidden="true">{icon}</span>
        <h2 id="xb-h">{name}</h2>
        <button type="button" class="x" aria-label={t(lang, 'close')} onClick={onClose}>✕</button>
      </header>
      <p id="xb-v" class="warn">{L(lzh, len)}{heads.length ? colon : ''}{heads.map((r) => pick(lang, r)).join(sep)}</p>
      {bad && <p class="warn" role="alert">{pick(lang, bad)}</p>}
      {check && !bad && (
        <Part title={t(lang, 'mark')}>
          <p>{pick(lang, OUTCOME_TEXT.genuine)}{check.issuerName ? ` · ${check.issuerName}` : ''}{check.expiresAt ? ` · ${t(lang, 'until')} ${day(check.expiresAt)}` : ''}</p>
        </Part>
      )}
      {!bad && lic && (
        <Part title={t(lang, 'licence')}>
          <dl>{FIELDS.map(([k, zh, en]) => (lic[k] ? [<dt key={`t${k}`}>{L(zh, en)}</dt>, <dd key={`d${k}`}>{value(k, String(lic[k]))}</dd>] : null))}</dl>
          <Src p={lic.provenance} lang={lang} />
        </Part>
      )}
      {!bad && im && (
        <Part title={im.selfDeclaration ? t(lang, 'selfDecl') : t(lang, 'identity')}>
          <dl>
            <dt>{t(lang, 'verifiedBy')}</dt><dd>{im.verifiedBy}</dd>
            <dt>{t(lang, 'verifiedAt')}</dt><dd>{day(im.verifiedAt)}</dd>
            {im.method && [<dt key="m">{L('方式', 'Method')}</dt>, <dd key="md">{im.method}</dd>]}
            {im.realName && [<dt key="r">{L('实名', 'Real name')}</dt>, <dd key="rd">{person ? maskName(im.realName) : im.realName}</dd>]}
          </dl>
          {im.selfDeclaration && <p>{im.selfDeclaration.text}</p>}
          <Src p={im.provenance} lang={lang} />
        </Part>
      )}
      {!bad && s && (
        <>
          <Part title={t(lang, 'credit')}>
            {s.creditLevels.length ? (
              <ul>{s.creditLevels.map((c) => (
                <li>{c.schemeName}{colon}<b>{c.level}</b> · {c.issuer} · {day(c.date)}{c.validUntil ? ` ${t(lang, 'until')} ${day(c.validUntil)}` : ''}<Src p={c.provenance} lang={lang} /></li>
              ))}</ul>
            ) : <p>{empty}</p>}
          </Part>
          <Part title={t(lang, 'lists')}>
            {s.listEntries.length ? (
              <ul>{s.listEntries.map((e) => (
                <li class={e.list === 'red' ? 'good' : 'danger'}>
                  <b>{pick(lang, LIST_NAME[e.list]!)}</b>{colon}{e.reason} · {e.authority} · {day(e.since)}{e.until ? ` ${t(lang, 'until')} ${day(e.until)}` : ''}{e.repairedAt ? ` · ${t(lang, 'repaired')} ${day(e.repairedAt)}` : ''}<Src p={e.provenance} lang={lang} />
                </li>
              ))}</ul>
            ) : <p>{empty}</p>}
          </Part>
          {s.records.length > 0 && (
            <Part title={t(lang, 'records')}>
              <ul>{s.records.map((r) => <li>{r.title}{r.number ? ` ${r.number}` : ''} · {r.authority} · {day(r.date)}<Src p={r.provenance} lang={lang} /></li>)}</ul>
            </Part>
          )}
          <Part title={t(lang, 'commitments')}>
            {s.commitments.length ? (
              <ul>{s.commitments.map((c) => <li><b>{c.title}</b> {day(c.madeAt)}{colon}{c.text}</li>)}</ul>
            ) : <p>{t(lang, 'none')}</p>}
          </Part>
        </>
      )}
      <footer>
        <h3>{t(lang, 'check')}</h3>
        <ul>
          {samr && <li><a href={samr} target="_blank" rel="noopener noreferrer">{t(lang, 'samr')}</a></li>}
          {check?.checkUrl && <li><a href={check.checkUrl} target="_blank" rel="noopener noreferrer">{L('在签发平台核验此标识', 'Check this mark on the issuer\'s site')}{check.issuerName ? `: ${check.issuerName}` : ''}</a></li>}
          {pickSites().map((site) => {
            const url = site.url(kw);
            return <li><a href={url} target="_blank" rel="noopener noreferrer">{L(site.zh, site.en)}{kw && url !== site.url('') ? colon + kw : ''}</a></li>;
          })}
        </ul>
        <h3>{t(lang, 'report')}</h3>
        <p>{t(lang, 'reportHint')}</p>
        <pre>{report}</pre>
        <a href={REPORT_12315} target="_blank" rel="noopener noreferrer">{L('12315 全国市场监管投诉举报', '12315 consumer complaints and reports')}</a>
      </footer>
    </dialog>
  );
}
