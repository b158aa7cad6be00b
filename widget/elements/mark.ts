import van from 'vanjs-core';
import { mountInShadow, type ShadowMount } from '../ui/mount';
import { pickLang, OUTCOME_TEXT, t, pick } from '../ui/i18n';
import { reasonText, ShopBadge } from '../ui/ShopBadge';
import { MARK_CSS } from '../ui/theme.css';
import type { Lang } from '../ui/types';
import type { MarkConfig, MarkModel } from '../data/model';

const ATTRS = ['token', 'trust', 'trust-root', 'endpoint', 'uscc', 'lang'] as const;

/** One line under the name: the mark warning, or licence · identity · first credit level. */
function summary(m: MarkModel, lang: Lang): { text: string; warning: boolean } {
  if (m.check && m.check.outcome !== 'genuine') return { text: pick(lang, OUTCOME_TEXT[m.check.outcome]), warning: true };
  const s = m.status;
  if (!s) return { text: reasonText(m.verdict, lang) || t(lang, 'unknownShop'), warning: false };
  const bits = [
    s.licence ? `${t(lang, 'licence')} ✓` : s.identityMark?.selfDeclaration ? t(lang, 'selfDecl') : '',
    s.identityMark ? `${s.identityMark.verifiedBy} ${t(lang, 'verified')}` : '',
    s.creditLevels[0] ? `${s.creditLevels[0].schemeName} ${s.creditLevels[0].level}` : '',
  ];
  const danger = m.verdict.level === 'danger' || m.verdict.level === 'caution';
  return { text: danger ? reasonText(m.verdict, lang) : bits.filter(Boolean).join(' · '), warning: false };
}

/** `<xinbiao-mark>`: the shop's licence, identity mark and credit level (亮照亮标), verified on the page. */
export class XinbiaoMark extends HTMLElement {
  static observedAttributes = ATTRS;
  #ui?: ShadowMount;
  #seq = 0;
  #model?: MarkModel;
  #open = false;
  #queued = false;
  /** Settles after the current data have been drawn (tests and the JS API wait on it). */
  rendered: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    this.#ui ??= mountInShadow(this, [MARK_CSS]);
    this.refresh();
  }

  disconnectedCallback(): void {
    this.#seq++;
    this.#ui?.unmount();
  }

  attributeChangedCallback(): void {
    if (!this.isConnected || this.#queued) return;
    // Several attributes set in a row cause one check, not one each.
    this.#queued = true;
    queueMicrotask(() => { this.#queued = false; this.refresh(); });
  }

  /** Re-reads the attributes, checks the mark again (e.g. after an SPA navigation) and redraws. */
  refresh(): Promise<void> {
    const seq = ++this.#seq;
    const a = (n: string) => this.getAttribute(n)?.trim() || undefined;
    const cfg: MarkConfig = { token: a('token'), trust: a('trust'), trustRoot: a('trust-root'), endpoint: a('endpoint'), uscc: a('uscc') };
    if (!this.#model) this.#ui?.render(van.tags.div({ class: 'sk', role: 'status', 'aria-label': t(this.#lang(), 'loading') }));
    // Verification (core/marks, trust list, schemas) is its own chunk: the box paints before it arrives.
    this.rendered = import('../lazy').then((r) => r.resolveMark(cfg, location.href, Date.now())).then((m) => {
      if (seq !== this.#seq) return;
      this.#model = m;
      this.dataset.level = m.verdict.level;
      this.dataset.outcome = m.check?.outcome ?? '';
      this.#draw();
    });
    return this.rendered;
  }

  #lang(): Lang {
    return pickLang(this);
  }

  #draw(): void {
    const m = this.#model;
    if (!m || !this.#ui) return;
    const lang = this.#lang();
    const { text, warning } = summary(m, lang);
    const subject = m.status?.subject;
    const shop = m.shopName;
    const badge = () => ShopBadge({
      verdict: m.verdict, lang, warning, reason: text, onOpen: () => this.open(),
      subject: warning || !subject ? undefined : { name: shop ?? subject.name, uscc: subject.uscc, kind: subject.kind },
    });
    if (!this.#open) return this.#ui.render(badge());
    void import('../lazy').then(({ LicenceCard, showCard, focusedControl, CARD_CSS }) => {
      if (!this.#open || !this.#ui) return;
      this.#ui.adopt(CARD_CSS);
      const card = LicenceCard({ status: warning ? undefined : m.status, check: m.check, verdict: m.verdict, lang, pageUrl: location.href, onClose: () => this.close() });
      // A redraw of an open card (attribute change) puts the focus back on the same control, not the first one.
      const at = focusedControl(this.#ui.root.querySelector('dialog'));
      this.#ui.render(badge(), card);
      showCard(card, Math.max(at, 0));
    });
  }

  /** Opens the licence card (loaded on first use). */
  open(): void {
    if (this.#open) return;
    this.#open = true;
    this.#draw();
  }

  /** Closes the card and gives focus back to the mark. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#draw();
    this.shadowRoot?.querySelector<HTMLElement>('button')?.focus();
  }
}
