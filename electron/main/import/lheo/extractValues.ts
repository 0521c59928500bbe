// Reading the extractor's values: codes, prices, coordinates, certification codes, attributes.
import type { SaxesAttributeNS } from 'saxes'
import { cleanLine } from './richText'

/** Codes made only of zeros or nines are the producers' "unknown". */
export function cleanCode(v: string | null): string | null {
  const s = cleanLine(v)
  if (s === null || /^0+$/.test(s) || /^9+$/.test(s)) return null
  return s
}

export function joinLines(lines: string[]): string | null {
  const kept = lines.map((l) => cleanLine(l)).filter((l): l is string => l !== null)
  return kept.length > 0 ? kept.join(', ') : null
}

/** "1500", "1500.00", "1 500,50 €" → cents; null for anything ambiguous or unreadable. */
export function parseEuroCents(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|euros?)$/i, '')
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s)
  if (!m) return null
  const euros = Number(m[1])
  const cents = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'))
  const total = euros * 100 + cents
  return Number.isSafeInteger(total) ? total : null
}

export function parseCoordinate(raw: string, limit: number): number | null | 'invalid' {
  const s = raw.trim().replace(',', '.')
  if (s === '') return null
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return 'invalid'
  const n = Number(s)
  return Math.abs(n) <= limit ? n : 'invalid'
}

/** code-niveau-sortie → level of the 2019 nomenclature (see LheoCertification.level). */
export function certificationLevel(code: string | null): number | null {
  if (code === null) return null
  const n = Number(code)
  if (n >= 11 && n <= 18) return n - 10
  if (n >= 4 && n <= 8) return n - 1
  return null
}

export function certCode(kind: 'RNCP' | 'RS', raw: string): string | null {
  const s = cleanLine(raw)
  if (s === null) return null
  const stripped = s.replace(kind === 'RNCP' ? /^RNCP\s*/i : /^RS\s*/i, '')
  return stripped === '' ? null : stripped
}

export function attr(attributes: readonly SaxesAttributeNS[], name: string): string | undefined {
  for (const a of attributes) if (a.local === name && a.uri === '') return a.value
  return undefined
}

export function pushClean(list: string[], text: string): void {
  const v = cleanLine(text)
  if (v !== null) list.push(v)
}
