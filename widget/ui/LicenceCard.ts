import van, { type ChildDom } from 'vanjs-core';
import { pickSites } from './sites';
import { headline, LEVEL, OUTCOME_TEXT, pick, t } from './i18n';
import { LIST_NAME, punct } from './words';
import { REPORT_12315, samrCheckUrl } from './links';
import { maskName } from './mask';
import type { CreditStatus, Lang, MarkCheckView, VerdictView } from './types';

export { CARD_CSS } from './card.css';

const { a, b, button, dd, dialog, dl, dt, footer, h2, h3, header, li, p, pre, section, span, ul } = van.tags;

export interface LicenceCardProps {
  /** Absent when the mark is invalid or nothing is known. */
  status?: CreditStatus;
  check?: MarkCheckView;
  verdict: VerdictView;
  lang: Lang;
  /** Page the shopper is on, for the report text. */
  pageUrl?: string;
  /** One more line under the verdict (the extension: where and when a remembered operator was read). */
  note?: string;
  /** One more official link, listed first (the extension: the shop's own licence page). */
  extraLink?: { href: string; text: string };
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
const src = (p: Prov, lang: Lang) => {
  const { colon, comma, open, close } = punct(lang);
  const bits = [p.sourceName ?? p.source, p.issued && `${t(lang, 'issued')} ${day(p.issued)}`, p.expires && `${t(lang, 'until')} ${day(p.expires)}`, `${t(lang, 'refreshed')} ${day(p.retrievedAt)}`];
  return span({ class: 'src' }, open + t(lang, 'provenance') + colon + bits.filter(Boolean).join(comma) + close);
};
const part = (title: string, ...children: ChildDom[]) => section(h3(title), ...children);
const link = (href: string, ...text: ChildDom[]) => a({ href, target: '_blank', rel: 'noopener noreferrer' }, ...text);

/**
 * Every licence field, identity mark, credit levels, lists, commitments, provenance and the official links, as an
 * accessible dialog (DOM, no framework: see mount.ts). Put it in the document, then open it with `showCard`.
 */
export function LicenceCard({ status, check, verdict, lang, pageUrl, note, extraLink, onClose }: LicenceCardProps): HTMLDialogElement {
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
  const until = (d?: string) => (d ? ` ${t(lang, 'until')} ${day(d)}` : '');
  const items = <T>(xs: T[], each: (x: T) => ChildDom) => (xs.length ? ul(xs.map(each)) : p(empty));
  return dialog(
    {
      class: verdict.level, 'aria-modal': 'true', 'aria-labelledby': 'xb-h', 'aria-describedby': 'xb-v', onclose: onClose,
      oncancel: (e: Event) => { e.preventDefault(); onClose(); },
    },
    header(
      span({ class: 'ico', 'aria-hidden': 'true' }, icon),
      h2({ id: 'xb-h' }, name),
      button({ type: 'button', class: 'x', 'aria-label': t(lang, 'close'), onclick: onClose }, '✕'),
    ),
    p({ id: 'xb-v', class: 'warn' }, L(lzh, len) + (heads.length ? colon : '') + heads.map((r) => pick(lang, r)).join(sep)),
    note ? p({ class: 'src' }, note) : null,
    bad ? p({ class: 'warn', role: 'alert' }, pick(lang, bad)) : null,
    check && !bad
      ? part(t(lang, 'mark'), p(pick(lang, OUTCOME_TEXT.genuine) + (check.issuerName ? ` · ${check.issuerName}` : '') + until(check.expiresAt)))
      : null,
    !bad && lic
      ? part(t(lang, 'licence'), dl(FIELDS.map(([k, zh, en]) => (lic[k] ? [dt(L(zh, en)), dd(value(k, String(lic[k])))] : null))), src(lic.provenance, lang))
      : null,
    !bad && im
      ? part(
        im.selfDeclaration ? t(lang, 'selfDecl') : t(lang, 'identity'),
        dl(
          dt(t(lang, 'verifiedBy')), dd(im.verifiedBy),
          dt(t(lang, 'verifiedAt')), dd(day(im.verifiedAt)),
          im.method ? [dt(L('方式', 'Method')), dd(im.method)] : null,
          im.realName ? [dt(L('实名', 'Real name')), dd(person ? maskName(im.realName) : im.realName)] : null,
        ),
        im.selfDeclaration ? p(im.selfDeclaration.text) : null,
        src(im.provenance, lang),
      )
      : null,
    !bad && s
      ? [
        part(t(lang, 'credit'), items(s.creditLevels, (c) => li(c.schemeName + colon, b(c.level), ` · ${c.issuer} · ${day(c.date)}${until(c.validUntil)}`, src(c.provenance, lang)))),
        part(t(lang, 'lists'), items(s.listEntries, (e) => li(
          { class: e.list === 'red' ? 'good' : 'danger' },
          b(pick(lang, LIST_NAME[e.list]!)),
          `${colon}${e.reason} · ${e.authority} · ${day(e.since)}${until(e.until)}${e.repairedAt ? ` · ${t(lang, 'repaired')} ${day(e.repairedAt)}` : ''}`,
          src(e.provenance, lang),
        ))),
        s.records.length
          ? part(t(lang, 'records'), ul(s.records.map((r) => li(`${r.title}${r.number ? ` ${r.number}` : ''} · ${r.authority} · ${day(r.date)}`, src(r.provenance, lang)))))
          : null,
        part(t(lang, 'commitments'), s.commitments.length ? ul(s.commitments.map((c) => li(b(c.title), ` ${day(c.madeAt)}${colon}${c.text}`))) : p(t(lang, 'none'))),
      ]
      : null,
    footer(
      h3(t(lang, 'check')),
      ul(
        extraLink ? li(link(extraLink.href, extraLink.text)) : null,
        samr ? li(link(samr, t(lang, 'samr'))) : null,
        check?.checkUrl ? li(link(check.checkUrl, L('在签发平台核验此标识', 'Check this mark on the issuer\'s site') + (check.issuerName ? `: ${check.issuerName}` : ''))) : null,
        pickSites().map((site) => {
          const url = site.url(kw);
          return li(link(url, L(site.zh, site.en) + (kw && url !== site.url('') ? colon + kw : '')));
        }),
      ),
      h3(t(lang, 'report')),
      p(t(lang, 'reportHint')),
      pre(report),
      link(REPORT_12315, L('12315 全国市场监管投诉举报', '12315 consumer complaints and reports')),
    ),
  );
}

const controls = (d: Element) => [...d.querySelectorAll<HTMLElement>('a[href],button')];

/** The place of the focused control among a card's links and buttons, or -1 (none, or no card). */
export const focusedControl = (d: Element | null): number =>
  d ? controls(d).indexOf((d.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement) : -1;

/**
 * Opens a card that is in the document as a modal, focuses its control at `at` (a redrawn card: where the focus was,
 * from focusedControl), else its first link or button, and keeps Tab inside it.
 */
export function showCard(d: HTMLDialogElement, at = 0): void {
  if (!d.open) d.showModal();
  const all = controls(d);
  (all[at] ?? all[0])?.focus();
  d.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    // The root's activeElement tells where focus is (inside a shadow root, document.activeElement is the host).
    const f = controls(d);
    const active = (d.getRootNode() as Document | ShadowRoot).activeElement;
    const [first, last] = [f[0], f[f.length - 1]];
    if (e.shiftKey && active === first) { e.preventDefault(); last?.focus(); }
    else if (!e.shiftKey && active === last) { e.preventDefault(); first?.focus(); }
  });
}
