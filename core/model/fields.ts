import * as z from 'zod/mini';
import { UNSEEN_CLASS } from '../identifiers';
import { SHOWN_NAME_REFUSED } from './issue';

// Field shapes every format shares; kept out of schema.ts so they are not mistaken for schemas of their own.

/** Non-empty text up to `max` characters. */
export const text = (max = 2000) => z.string().check(z.minLength(1), z.maxLength(max));

// Unseen characters in a name make one name look like another, or reverse how the rest reads (a seller's shop name
// "示例店" + U+202E …): a name holds none (core/identifiers UNSEEN_CLASS).
const SHOWN_ONLY = new RegExp(`^[^${UNSEEN_CLASS}]*$`, 'u');

/**
 * A name or a short label a person reads (operator, shop, issuer, credit level): non-empty, up to `max` characters,
 * with no character UNSEEN_CLASS names: control, format, default-ignorable, bidi control, line or paragraph separator,
 * lone surrogate, noncharacter (Unicode TR 9; TR 36 §2 on look-alike names).
 */
export const shownName = (max = 200) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(SHOWN_ONLY, SHOWN_NAME_REFUSED));

/** An ISO 8601 date-time with an offset (`2026-11-21T10:00:00+08:00`, `…Z`). */
export const when = z.iso.datetime({ offset: true });
/** A calendar day (`2026-11-21`) or a date-time. */
export const day = z.union([z.iso.date(), when]);
