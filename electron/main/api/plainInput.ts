/*
 * Inputs arrive by JSON (browser host) or by structured clone (Electron IPC). JSON drops keys
 * whose value is undefined; structured clone keeps them, and `{ lastName: undefined }` then
 * passes an optional field and overwrites the stored name when spread over it. The dispatcher
 * makes both transports alike: keys holding undefined are removed from plain objects, at any
 * depth a real input has (deeper values are left as they are: the schema refuses them).
 */

const MAX_DEPTH = 32

export function withoutUndefined(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((v) => withoutUndefined(v, depth + 1))
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    // defineProperty: an own « __proto__ » key stays a plain key, as JSON.parse makes it.
    if (v !== undefined) Object.defineProperty(out, k, { value: withoutUndefined(v, depth + 1), enumerable: true, writable: true, configurable: true })
  }
  return out
}
