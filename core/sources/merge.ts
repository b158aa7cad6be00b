import type { CreditStatus } from '../model/schema';
import { assembleStatus, type EndpointPart } from './assemble';
import type { ListParts } from './from-lists';

/** Lists and endpoint answers into one status: assembleStatus without a mark (kept for the reference server). */
export function mergeStatus(lists: ListParts | undefined, found: readonly EndpointPart[], now: number): CreditStatus | undefined {
  return assembleStatus({ lists, endpoints: found, now });
}
