/**
 * A small runtime validator for the Stripe objects the widgets read, with the call shape of
 * `zod/mini` (`z.looseObject({ id: z.string(), x: z.nullish(z.number()) })`, `schema.safeParse(v)`,
 * `z.infer<typeof s>`). It replaces zod/mini in browser code: zod/mini alone measured 5.2 kB
 * min+gzip, a third of a widget's 16 kB budget; this is well under 1 kB.
 */

export interface Issue {
  path: (string | number)[];
  message: string;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

export interface Schema<T = unknown> {
  /** Type-level only: the parsed value's type. */
  readonly _output?: T;
  /** Parses `value` or throws a {@link SchemaFailure}. */
  readonly parse: (value: unknown, path?: (string | number)[]) => T;
  readonly safeParse: (value: unknown) => SafeParseResult<T>;
}

class SchemaFailure {
  constructor(readonly issue: Issue) {}
}

type Output<S> = S extends Schema<infer T> ? T : never;
export type { Output as infer };

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function fail(path: (string | number)[], expected: string, value: unknown): never {
  throw new SchemaFailure({ path, message: `Expected ${expected}, received ${describe(value)}` });
}

function make<T>(parse: (value: unknown, path: (string | number)[]) => T): Schema<T> {
  return {
    parse: (value, path = []) => parse(value, path),
    safeParse(value) {
      try {
        return { success: true, data: parse(value, []) };
      } catch (cause) {
        if (cause instanceof SchemaFailure) return { success: false, error: { issues: [cause.issue] } };
        throw cause;
      }
    },
  };
}

const primitive = <T>(type: string, test: (v: unknown) => boolean) => () =>
  make<T>((v, p) => (test(v) ? (v as T) : fail(p, type, v)));

export const string = primitive<string>('string', (v) => typeof v === 'string');
export const number = primitive<number>('number', (v) => typeof v === 'number' && Number.isFinite(v));
export const boolean = primitive<boolean>('boolean', (v) => typeof v === 'boolean');
export const unknown = () => make<unknown>((v) => v);

export const literal = <const L extends string | number | boolean>(literalValue: L) =>
  make<L>((v, p) => (v === literalValue ? literalValue : fail(p, JSON.stringify(literalValue), v)));

export const optional = <T>(inner: Schema<T>) => make<T | undefined>((v, p) => (v === undefined ? undefined : inner.parse(v, p)));
export const nullable = <T>(inner: Schema<T>) => make<T | null>((v, p) => (v === null ? null : inner.parse(v, p)));
export const nullish = <T>(inner: Schema<T>) =>
  make<T | null | undefined>((v, p) => (v === null || v === undefined ? v : inner.parse(v, p)));

export const array = <T>(item: Schema<T>) =>
  make<T[]>((v, p) => (Array.isArray(v) ? v.map((x, i) => item.parse(x, [...p, i])) : fail(p, 'array', v)));

export const union = <const S extends readonly Schema<unknown>[]>(options: S) =>
  make<Output<S[number]>>((v, p) => {
    for (const option of options) {
      const result = option.safeParse(v);
      if (result.success) return result.data as Output<S[number]>;
    }
    return fail(p, 'one of the allowed shapes', v);
  });

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Output<S[K]> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ObjectOutput<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Output<S[K]> } & { [K in OptionalKeys<S>]?: Output<S[K]> }
>;

function shaped<S extends Shape, T>(shape: S, keepUnknown: boolean) {
  return make<T>((v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, 'object', v);
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = keepUnknown ? { ...input } : {};
    for (const key of Object.keys(shape)) {
      const parsed = shape[key]!.parse(input[key], [...p, key]);
      if (parsed !== undefined || key in input) out[key] = parsed;
    }
    return out as T;
  });
}

/** An object with these fields; other fields are dropped. */
export const object = <S extends Shape>(shape: S) => shaped<S, ObjectOutput<S>>(shape, false);

/** An object with these fields; other fields pass through untouched (Stripe adds fields over time). */
export const looseObject = <S extends Shape>(shape: S) =>
  shaped<S, ObjectOutput<S> & { [key: string]: unknown }>(shape, true);
