import * as z from 'zod/mini';

// Field shapes every format shares; kept out of schema.ts so they are not mistaken for schemas of their own.

/** Non-empty text up to `max` characters. */
export const text = (max = 2000) => z.string().check(z.minLength(1), z.maxLength(max));
/** An ISO 8601 date-time with an offset (`2026-11-21T10:00:00+08:00`, `…Z`). */
export const when = z.iso.datetime({ offset: true });
/** A calendar day (`2026-11-21`) or a date-time. */
export const day = z.union([z.iso.date(), when]);
