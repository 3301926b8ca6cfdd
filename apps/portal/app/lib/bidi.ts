/**
 * Wraps an identifier (order number, RMA) in Unicode first-strong isolates, so "DEMO-1001"
 * stays one left-to-right run inside an Arabic sentence instead of being reordered around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
