import { codePointLength } from './code-points';
import type { CompileOptions, Issue, Refine, SchemaData, Validator } from './types';

/** Where a value is: a chain up to the root, made into an array only when an issue is reported (most values pass). */
type Path = readonly [up: Path, at: string | number] | undefined;
/** Checks a value, adds issues, and returns the value zod would return (objects stripped, URLs trimmed). */
type Check = (value: unknown, path: Path, issues: Issue[]) => unknown;

// The widget build defines this false: the generator and the tests have already run these checks on the same data.
declare const XINBIAO_SCHEMA_CHECKS: boolean | undefined;
const CHECKS = typeof XINBIAO_SCHEMA_CHECKS === 'undefined' || XINBIAO_SCHEMA_CHECKS;

const KEYWORDS = new Set(['type', 'properties', 'required', 'items', 'enum', 'const', 'anyOf', 'pattern', 'patternMessage', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum', 'multipleOf', 'format', 'refine']);

const pathOf = (p: Path, tail: Issue['path'] = []): Issue['path'] => (p ? pathOf(p[0], [p[1], ...tail]) : tail);

/** Adds an issue; returns undefined, the value of a failed check. */
const fail = (path: Path, issues: Issue[], message: string): undefined => void issues.push({ path: pathOf(path), message });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  // zod rejects NaN and ±Infinity; integers must also be safe, which the emitted minimum/maximum enforce.
  number: Number.isFinite as (v: unknown) => boolean,
  integer: Number.isInteger as (v: unknown) => boolean,
  boolean: (v) => typeof v === 'boolean',
  array: Array.isArray,
  object: isObject,
};

/** z.url(): anything the URL parser accepts after trimming; the value comes back trimmed, tabs and newlines removed. */
function checkUri(v: string): string | undefined {
  const trimmed = v.trim();
  try {
    new URL(trimmed);
  } catch {
    return undefined;
  }
  return trimmed.replace(/[\t\n\r]/g, '');
}

/**
 * Turns validator data from scripts/gen-schemas.ts into a validator that accepts, rejects and returns exactly what
 * the zod schema it came from does. Throws on any keyword it does not implement, so an unsupported schema change
 * fails at build and test time, not in a shopper's browser.
 */
export function compile<T>(schema: SchemaData, options: CompileOptions = {}): Validator<T> {
  function node(s: SchemaData): Check {
    if (CHECKS) for (const k in s) if (!KEYWORDS.has(k)) throw new Error(`validate: unsupported keyword ${k}`);
    const checks: Check[] = [];

    const is = s.type === undefined ? undefined : TYPES[s.type as string];
    if (CHECKS && s.type !== undefined && !is) throw new Error(`validate: unsupported type ${String(s.type)}`);
    if ('const' in s) checks.push((v, p, i) => (v === s.const ? v : fail(p, i, `expected ${JSON.stringify(s.const)}`)));
    if (s.enum) {
      const values = s.enum as unknown[];
      checks.push((v, p, i) => (values.includes(v) ? v : fail(p, i, `expected one of ${values.join(', ')}`)));
    }
    if (s.anyOf) checks.push(unionCheck(s.anyOf as SchemaData[]));
    stringChecks(s, checks);
    numberChecks(s, checks);
    if (s.minItems !== undefined || s.maxItems !== undefined || s.items !== undefined) checks.push(arrayCheck(s));
    if (s.properties !== undefined || s.required !== undefined) checks.push(objectCheck(s));
    const refine = s.refine ? refineCheck(s.refine as { message: string; path?: Issue['path'] }[]) : undefined;

    return (v, p, i) => {
      const before = i.length;
      // A wrong type ends the checks of this node, as in zod; the other checks all report.
      if (is && !is(v)) return fail(p, i, `expected ${String(s.type)}`);
      for (const c of checks) {
        const n = i.length;
        const r = c(v, p, i);
        if (i.length === n) v = r;
      }
      // Refinements see a value that passed everything else (zod skips them after a type error; any other issue fails the parse anyway).
      return refine && i.length === before ? refine(v, p, i) : v;
    };
  }

  /** z.union (anyOf): the first form that fits wins. */
  function unionCheck(forms: SchemaData[]): Check {
    const checks = forms.map(node);
    return (v, p, i) => {
      const n = i.length;
      for (const c of checks) {
        const r = c(v, p, i);
        if (i.length === n) return r;
        i.length = n;
      }
      return fail(p, i, 'fits no allowed form');
    };
  }

  function stringChecks(s: SchemaData, checks: Check[]) {
    const { minLength: min, maxLength: max, pattern, patternMessage, format } = s as { minLength?: number; maxLength?: number; pattern?: string; patternMessage?: string; format?: string };
    const str = (f: (v: string, p: Path, i: Issue[]) => unknown): Check => (v, p, i) => (typeof v === 'string' ? f(v, p, i) : v);
    if (min !== undefined) checks.push(str((v, p, i) => (codePointLength(v) >= min ? v : fail(p, i, `at least ${min} characters`))));
    if (max !== undefined) checks.push(str((v, p, i) => (codePointLength(v) <= max ? v : fail(p, i, `at most ${max} characters`))));
    if (pattern !== undefined) {
      // JSON Schema patterns are ECMA-262 expressions in Unicode mode (the names' pattern uses property classes).
      const re = new RegExp(pattern, 'u');
      const message = patternMessage ?? `must match ${pattern}`;
      checks.push(str((v, p, i) => (re.test(v) ? v : fail(p, i, message))));
    }
    if (format !== undefined) {
      // zod's url check replaces the value, so its order against other string checks would matter: refuse the mix.
      if (CHECKS && (format !== 'uri' || min !== undefined || max !== undefined || pattern !== undefined)) throw new Error(`validate: unsupported format ${format} here`);
      checks.push(str((v, p, i) => checkUri(v) ?? fail(p, i, 'must be a URL')));
    }
  }

  function numberChecks(s: SchemaData, checks: Check[]) {
    const { minimum: min, maximum: max, multipleOf: step } = s as { minimum?: number; maximum?: number; multipleOf?: number };
    if (min !== undefined) checks.push((v, p, i) => (typeof v !== 'number' || v >= min ? v : fail(p, i, `at least ${min}`)));
    if (max !== undefined) checks.push((v, p, i) => (typeof v !== 'number' || v <= max ? v : fail(p, i, `at most ${max}`)));
    // Integer steps only (the schemas use it for whole bytes): `%` is exact there.
    if (step !== undefined) checks.push((v, p, i) => (typeof v !== 'number' || v % step === 0 ? v : fail(p, i, `a multiple of ${step}`)));
  }

  function arrayCheck(s: SchemaData): Check {
    const { minItems: min, maxItems: max } = s as { minItems?: number; maxItems?: number };
    const item = s.items === undefined ? undefined : node(s.items as SchemaData);
    return (v, p, i) => {
      if (!Array.isArray(v)) return v;
      if (min !== undefined && v.length < min) fail(p, i, `at least ${min} items`);
      if (max !== undefined && v.length > max) fail(p, i, `at most ${max} items`);
      return item ? Array.from(v, (x, k) => item(x, [p, k], i)) : v;
    };
  }

  function objectCheck(s: SchemaData): Check {
    const keys = Object.keys(s.properties ?? {});
    const checks = keys.map((k) => node((s.properties as Record<string, SchemaData>)[k]!));
    const required = keys.map((k) => ((s.required ?? []) as string[]).includes(k));
    if (CHECKS) for (const k of (s.required ?? []) as string[]) if (!keys.includes(k)) throw new Error(`validate: required ${k} has no schema`);
    return (v, p, i) => {
      if (!isObject(v)) return v;
      // zod objects strip unknown keys: the result is a fresh object with the known ones, in schema order.
      const out: Record<string, unknown> = {};
      for (let n = 0; n < keys.length; n++) {
        const k = keys[n]!;
        const x = v[k];
        if (x === undefined && !required[n]) {
          if (k in v) out[k] = undefined;
          continue;
        }
        const r = checks[n]!(x, [p, k], i);
        if (r !== undefined || k in v) out[k] = r;
      }
      return out;
    };
  }

  function refineCheck(list: { message: string; path?: Issue['path'] }[]): Check {
    const fns = list.map(({ message, path = [] }) => {
      const fn: Refine | undefined = options.refines?.[message];
      if (CHECKS && !fn) throw new Error(`validate: no implementation for refinement "${message}"`);
      return [fn as (v: unknown) => boolean, message, path] as const;
    });
    return (v, p, i) => {
      for (const [fn, message, path] of fns) if (!fn(v)) i.push({ path: pathOf(p, path), message });
      return v;
    };
  }

  const root = node(schema);
  const safeParse = (value: unknown) => {
    const issues: Issue[] = [];
    const data = root(value, undefined, issues) as T;
    return issues.length ? { success: false as const, error: { issues } } : { success: true as const, data };
  };
  return {
    safeParse,
    parse(value) {
      const r = safeParse(value);
      if (r.success) return r.data;
      throw new Error(r.error.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; '));
    },
    ...(Array.isArray(schema.enum) ? { options: schema.enum as string[] } : {}),
  };
}
