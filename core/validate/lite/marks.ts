import type { Refine } from '../types';
import { MARK_RULES } from '../../marks/rules';

/** Implementations of the refinements the generator found in core/marks/schema.ts, keyed by their messages. */
export const refines: Record<string, Refine> = Object.fromEntries(Object.values(MARK_RULES).map((r): [string, Refine] => [r.message, r.test as Refine]));
