// The record of one audit run: enough to say what was checked, against what, by whom, when, and to re-draw the sample.
import { sha256Hex } from '../crypto/sha256';
import type { ClassDraw, CreditClass, Weights } from './campaign';
import { AUDIT_RULES } from './registry';

/**
 * Version of the rule set (core/audit/rules + registry): raised whenever a rule's check, basis or wording changes, so
 * two reports with the same version applied the same rules. The digest below tells when it was forgotten.
 */
export const RULESET_VERSION = '2026.11.1';

/** Rule-set version and the SHA-256 (hex) of the rules' ids, titles, bases, questions, page kinds and outcomes. */
export function ruleSetInfo(): { version: string; sha256: string } {
  const described = AUDIT_RULES.map(({ id, title, basis, asks, appliesTo, outcomes }) => ({ id, title, basis, asks, appliesTo, outcomes }));
  return { version: RULESET_VERSION, sha256: sha256Hex(new TextEncoder().encode(JSON.stringify(described))) };
}

// Reports are read in China time (one formatter, core/model/in-force.ts).
export { chinaTime } from '../model/in-force';

/** A file the run used (trust list, credit list): what it is, which version, and the SHA-256 (hex) of its bytes. */
export interface UsedFile {
  id: string;
  version: number;
  sha256: string;
  /** File name as given (a list's name inside its folder). */
  file: string;
  /** For lists: the kind (black, abnormal …) and publisher id. */
  kind?: string;
  publisher?: string;
}

/** One member of the population as recorded: the input, its USCC when given, its class when weighted. */
export interface PopulationEntry {
  input: string;
  uscc?: string;
  creditClass?: CreditClass;
}

/**
 * Everything a later reader needs about a run (report.json `run`, shown in the report's header and on every PDF page).
 * Times are China time with offset (`chinaTime`).
 */
export interface RunRecord {
  /** Random id of the run, also in the manifest. */
  id: string;
  tool: { name: 'xinbiao'; version: string };
  ruleSet: { version: string; sha256: string };
  trust: UsedFile & { rootKid: string };
  lists: UsedFile[];
  /** True for each of trust list and lists taken from the demo samples (no --trust / --lists): the header says so. */
  demo: { trust: boolean; lists: boolean };
  /** Who ran it (`--operator`), as given. */
  operator?: string;
  startedAt: string;
  finishedAt: string;
  /** The population drawn from: its size and the SHA-256 of population.csv (the whole population, one row each). */
  population: { size: number; sha256: string; file: string };
  /** How the listings were chosen: all, `--sample N`, or `--weights` rates per class. */
  sample: { method: 'all' | 'uniform' | 'weighted'; size: number; seed: number; seedText: string; generator: string; weights?: Weights; byClass?: ClassDraw[] };
  /** 双随机's second draw: the inspectors and how many check each listing. */
  inspectors?: { ids: { id: string; name?: string }[]; perListing: number };
}
