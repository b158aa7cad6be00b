import type { ListMatch } from '../sources/ports';

/** What a rule concludes about one page. `needs-review`: a person must look; `error`: the page could not be audited. */
export type Outcome = 'violation' | 'pass' | 'needs-review' | 'not-applicable' | 'error';

/** Bilingual text, Chinese first. */
export interface Text2 {
  zh: string;
  en: string;
}

/** An element's box in CSS pixels relative to the top of the document (not the viewport). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page element the audit looked at: where it is, what it says, and (from a browser) where it was drawn. */
export interface Spot {
  selector: string;
  text?: string;
  box?: Box;
}

/** Kind of page, which decides which rules apply. */
export type PageKind = 'shop' | 'platform-home' | 'other';

/** A subject named on the page (from detection), with the element it came from when known. */
export interface ShownSubject {
  uscc?: string;
  name?: string;
  source: string;
  /** Every place that named it, when detection merged several. */
  sources?: string[];
  confidence?: number;
  selector?: string;
}

/** A mark on the page: a signed XinBiao mark, a SAMR 亮照 link, or another seal. */
export interface ShownMark extends Spot {
  kind: 'xinbiao' | 'samr' | 'other';
  token?: string;
  href?: string;
  uscc?: string;
}

/** A credit-query window or link to an official credit portal. */
export interface ShownQueryWindow extends Spot {
  /** Which portal: `creditchina`, `gsxt`, a local site id, or `xinbiao-query` for the widget. */
  target: string;
}

/** Everything read from one page, as plain data (JSON-safe) so it can cross from a browser to Node and be kept as evidence. */
export interface PageFacts {
  url: string;
  /** Address a saved page came from (the browser's "saved from url" comment); marks are checked against it. */
  savedFrom?: string;
  title: string;
  viewport: { width: number; height: number };
  subjects: ShownSubject[];
  marks: ShownMark[];
  queryWindows: ShownQueryWindow[];
  /** Codes shown next to licence labels, valid or not (detection keeps only valid ones). */
  shownCodes: (Spot & { code: string })[];
  /** Licence block or a link to the licence page (查看营业执照 / 亮照). */
  licence?: Spot;
  identityMark?: Spot;
  creditLevel?: Spot;
  selfDeclaration?: Spot;
  riskWarning?: Spot;
  /** The page says its operator is an individual seller (个人卖家). */
  individualSeller?: Spot;
  /** Elements in the page's standard licence positions (shop header, footer), for the prominence rule. */
  standardPositions: Spot[];
  pageKind: PageKind;
}

/** What verifyMark said about one signed mark, with the claims the evaluator compares. */
export interface MarkResult {
  selector: string;
  outcome: import('../marks/outcome').MarkOutcome;
  subject?: { uscc?: string; name?: string; kind?: string };
  hasIdentityMark?: boolean;
  hasCreditLevel?: boolean;
  /** The mark carries an exempt seller's self-declaration (the widget shows it). */
  hasSelfDeclaration?: boolean;
  issuer?: string;
  detail?: string;
}

/** Input of the pure evaluator. */
export interface AuditInput {
  facts: PageFacts;
  marks: MarkResult[];
  lists: ListMatch[];
  /** ISO time of the check, for list-entry validity. */
  now: string;
}

/** One rule's finding on one page. */
export interface Finding {
  ruleId: string;
  outcome: Outcome;
  message: Text2;
  /** Names of evidence items this finding rests on (`screenshot`, `html`, `facts`, `mark:<n>`, `list:<id>`). */
  evidence: string[];
  selector?: string;
  /** The rule's legal basis (citations), added by reports and exports (`withBasis`) so a finding reads on its own. */
  basis?: string[];
}
