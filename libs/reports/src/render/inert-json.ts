/**
 * JSON that stays inert inside HTML: publishers paste ClaimReview into `<script type="application/ld+json">`,
 * where a `</script>` or `<!--` in a rationale would end the element or change how it is read. `<`, `>`
 * and `&` (and U+2028/U+2029, line ends to older JavaScript) can only occur inside JSON strings, where
 * `\uXXXX` stands for the same character: JSON.parse gives back exactly the same value.
 */
export function inertJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
