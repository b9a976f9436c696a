/**
 * Why PostgreSQL could not store `value` as text, or undefined when it can. A NUL character
 * is refused by every text column (SQLSTATE 22021); a lone UTF-16 surrogate has no UTF-8 form
 * and would be silently replaced, storing something other than what the client sent.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function storableTextProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate';
  return undefined;
}
