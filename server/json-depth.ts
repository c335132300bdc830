/** Deeper than any object Stripe sends (its events nest about a dozen levels). */
export const MAX_JSON_DEPTH = 100;

/**
 * Whether the JSON text `text` nests objects and arrays more than `max` levels deep, found by one scan
 * of its brackets (strings skipped) before it is parsed: `JSON.parse` takes 200,000 levels, but what
 * walks the result recursively afterwards (validation, `JSON.stringify`) overflows the stack.
 */
export function nestedTooDeeply(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}
