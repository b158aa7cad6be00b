/** One problem found, where it is (keys and array indexes from the root) and what is wrong. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** The part of zod's safeParse result the kit reads. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** A compiled schema: zod's safeParse/parse shape, without zod. */
export interface Validator<T> {
  safeParse(value: unknown): SafeParseResult<T>;
  /** Returns the checked copy or throws an Error listing the issues. */
  parse(value: unknown): T;
  /** The allowed values, when the schema is an enum (as zod's `.options`). */
  readonly options?: readonly string[];
}

/** Validator data: the JSON Schema subset scripts/gen-schemas.ts emits; shared subschemas are shared objects, not $refs. */
export type SchemaData = { readonly [keyword: string]: unknown };

/** A refinement that JSON Schema cannot express, looked up by its message; true means the value is fine. */
export type Refine = (value: never) => boolean;

export interface CompileOptions {
  /** Implementations of the `refine` entries, by message. */
  refines?: { readonly [message: string]: Refine };
}
