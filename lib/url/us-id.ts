/**
 * aliexpress.us lists products under ids of its own: the global id plus 2^51 (2251799813685248).
 * Every pair seen in public sources holds to that offset, e.g. 3256801887502111 on aliexpress.us
 * is 1005002073816863 elsewhere, and 2251832145008144 is 32331322896 (old 11-digit ids land in
 * 2251..., 13-digit `4000...` ids in 2251.../2255...). Adding 2^51 to an id below 2^51 makes a
 * 16-digit number starting 2251 to 3256, so those prefixes on a 16-digit id mark a US id; no
 * global id has 16 digits starting so (they start 1005 or are shorter).
 *
 * The numbers exceed 2^53, so the subtraction is done in BigInt: a Number would round the id.
 */
const US_ID_OFFSET = BigInt('2251799813685248');
const US_ID = /^(?:3256|2251|2255)\d{12}$/;

/** Whether a product id is one of aliexpress.us' own (16 digits starting 3256, 2251 or 2255, above 2^51). */
export function isUsProductId(id: string): boolean {
  return US_ID.test(id) && BigInt(id) > US_ID_OFFSET;
}

/**
 * The global id of a US id; any other id unchanged. `2251000000000000` has the prefix but is below
 * 2^51, so it cannot be a global id plus 2^51: it is left as it is rather than turned negative.
 */
export function globalProductId(id: string): string {
  if (!US_ID.test(id)) return id;
  const global = BigInt(id) - US_ID_OFFSET;
  return global > BigInt(0) ? global.toString() : id;
}
