/**
 * Tables looked up with text a user typed (aliases of a choice, subjects, school ids):
 * objects without a prototype, so "__proto__", "constructor" or "toString" are ordinary keys
 * that find their own entry or nothing, never a property of Object.prototype (issue 15 §5:
 * retireCategory "__proto__" was the one HTTP 500, and "__proto__" keys of a plan's needs
 * and distances were dropped without a word).
 */
import { z } from 'zod';
import { said } from './issue-messages.js';

/** `entries` as a frozen table without a prototype. */
export function lookupTable<V>(entries: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V>, entries));
}

/**
 * An object of `value`s keyed by any text, parsed into a table without a prototype. zod's
 * own record assigns keys to a plain object, where "__proto__" sets the prototype instead of
 * adding an entry; here every key the JSON held is kept as data.
 */
export function textKeyed<T extends z.ZodType>(value: T) {
  return z
    .custom<Record<string, z.input<T>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), said('不是对象（{...}）', 'is not an object ({...})'))
    .meta({ type: 'object' })
    .transform((input, ctx) => {
      const table = Object.create(null) as Record<string, z.output<T>>;
      for (const key of Object.keys(input)) {
        const parsed = value.safeParse(input[key]);
        if (parsed.success) table[key] = parsed.data;
        // The issue as it is (its code and words), one level deeper.
        else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
      }
      return table;
    });
}
