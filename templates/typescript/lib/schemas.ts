/**
 * Helpers of the generated zod schemas: enums (open ones keep values a newer server sends),
 * discriminated unions, absent-vs-undefined, date-times, and JSON carried as text.
 */

import * as z from "zod";

declare const unrecognized: unique symbol;

/** A value this SDK does not know yet (sent by a newer server), kept rather than rejected. */
export type Unrecognized<T> = T & { readonly [unrecognized]: true };

type EnumObject = { readonly [k: string]: string | number };

/** The values of an open enum: the known ones, or any other value of the same primitive type. */
export type OpenEnum<E extends EnumObject> =
  | E[keyof E]
  | Unrecognized<E[keyof E] extends number ? number : string>;

/** The values of a closed enum: the known ones only. */
export type ClosedEnum<E extends EnumObject> = E[keyof E];

/** Parses an open enum: a known value, or another value of the same primitive type. */
export function openEnum<E extends EnumObject>(values: E): z.ZodType<OpenEnum<E>, z.ZodTypeDef, unknown> {
  const numeric = Object.values(values).every((v) => typeof v === "number");
  return z.custom<OpenEnum<E>>((v) => typeof v === (numeric ? "number" : "string"), {
    message: `expected a ${numeric ? "number" : "string"}`,
  });
}

/** Parses a closed enum: one of the known values. */
export function closedEnum<E extends EnumObject>(values: E): z.ZodType<ClosedEnum<E>, z.ZodTypeDef, unknown> {
  const known: unknown[] = Object.values(values);
  return z.custom<ClosedEnum<E>>((v) => known.includes(v), {
    message: `expected one of ${known.map((v) => JSON.stringify(v)).join(", ")}`,
  });
}

/** The same schema, typed as taking its own output type (outbound schemas of enums). */
export function sameInput<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>): z.ZodType<T, z.ZodTypeDef, T> {
  return z.custom<T>(() => true).pipe(schema);
}

type Members = { readonly [tag: string]: z.ZodTypeAny };

/** A union told apart by one property's value: only the matching member is tried. */
export function discriminated<M extends Members>(
  property: string,
  members: M,
): z.ZodType<z.output<M[keyof M]>, z.ZodTypeDef, z.input<M[keyof M]>> {
  const schema = z.unknown().transform((value, ctx) => {
    const tag = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[property] : undefined;
    const member = typeof tag === "string" && Object.hasOwn(members, tag) ? members[tag] : undefined;
    if (member === undefined) {
      const known = Object.keys(members).map((k) => JSON.stringify(k)).join(", ");
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${property} must be one of ${known}`, path: [property] });
      return z.NEVER;
    }
    const result = member.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue.message, path: issue.path });
      }
      return z.NEVER;
    }
    return result.data as z.output<M[keyof M]>;
  });
  // The transform's input is `unknown`; callers pass only the members' input types.
  return schema as unknown as z.ZodType<z.output<M[keyof M]>, z.ZodTypeDef, z.input<M[keyof M]>>;
}

/** `{ [key]: value }`, or `{}` when the value is absent: absent properties stay absent. */
export function opt<K extends string, V>(key: K, value: V): { [P in K]?: Exclude<V, undefined> } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: Exclude<V, undefined> };
}

/**
 * The properties of a parsed object that its model does not name (the spec's
 * `additionalProperties`), under their wire names as sent; `undefined` when there are none.
 * The values were validated by the model's catchall schema.
 */
export function extras<T>(value: object, known: readonly string[]): { [k: string]: T } | undefined {
  let out: { [k: string]: T } | undefined;
  for (const [key, item] of Object.entries(value)) {
    if (!known.includes(key)) {
      out ??= {};
      // defineProperty: a `__proto__` key stays an own property instead of replacing the prototype.
      Object.defineProperty(out, key, { value: item as T, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/**
 * A model's wire object plus its other properties (`additionalProperties`), keys unchanged; a
 * key the model names and the caller set keeps the named property's value.
 */
export function withExtras<T extends object>(
  wire: T,
  others: { readonly [k: string]: unknown } | undefined,
): T & { [k: string]: unknown } {
  for (const [key, item] of Object.entries(others ?? {})) {
    if (!Object.hasOwn(wire, key) && item !== undefined) {
      Object.defineProperty(wire, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
  }
  return wire as T & { [k: string]: unknown };
}

/** File content of a multipart part: a `Blob` (or `File`), bytes, or text. */
export const binary: z.ZodType<Blob | Uint8Array | string, z.ZodTypeDef, Blob | Uint8Array | string> = z.custom<
  Blob | Uint8Array | string
>((v) => v instanceof Blob || v instanceof Uint8Array || typeof v === "string", {
  message: "expected a Blob, a Uint8Array or a string",
});

/** A wire date-time string as a `Date`. */
export const dateTimeIn: z.ZodType<Date, z.ZodTypeDef, unknown> = z.string().transform((text, ctx) => {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not a date-time: ${JSON.stringify(text)}` });
    return z.NEVER;
  }
  return date;
});

/** A `Date` as an RFC 3339 string. */
export const dateTimeOut: z.ZodType<string, z.ZodTypeDef, Date> = z.date().transform((d) => d.toISOString());

/** A decimal: kept as its exact text (a JSON number is taken as written). */
export const decimal: z.ZodType<string, z.ZodTypeDef, string> = z
  .custom<string>((v) => typeof v === "string" || typeof v === "number")
  .transform((v) => String(v));

/** A field whose wire value may arrive as JSON text (an event's `data`): parsed, then validated. */
export function jsonText<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>): z.ZodType<T, z.ZodTypeDef, unknown> {
  return z
    .unknown()
    .transform((value, ctx) => {
      if (typeof value !== "string") {
        return value;
      }
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "data is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
