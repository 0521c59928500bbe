import type { Check } from './validation'

export type HoursOptions = { max?: number }

/*
 * Durations are computed in hundredths of an hour from the typed digits, so
 * "7,35" gives exactly 7.35 and never 7.3499999.
 */

function invalid(shown: string, why: string): Check<number> {
  return { ok: false, message: `Nombre d'heures invalide : ${shown}${why}` }
}

export function parseHours(input: string, options: HoursOptions = {}): Check<number> {
  const max = options.max ?? 24
  const shown = input.trim()
  // Spaces may surround "h", ":" or the decimal mark, never split a number: "7 30" is not 730.
  const s = shown
    .toLowerCase()
    .replace(/\s*([h:.,])\s*/g, '$1')
    .replace(/^([-\u2212])\s+/, '$1')
  if (s === '') return invalid('aucune valeur saisie', '.')
  const negative = /^[-\u2212]/.test(s)
  const body = negative ? s.slice(1) : s

  let hundredths: number
  const decimal = /^(\d*)(?:[.,](\d+))?$/.exec(body)
  const clock = /^(\d+)(?:h|:)(\d{2})?$/.exec(body)
  if (decimal && /\d/.test(body)) {
    const whole = Number(decimal[1] || '0')
    const fraction = (decimal[2] ?? '').padEnd(3, '0')
    // Half-up on the third decimal, read from the digits themselves.
    const roundUp = Number(fraction[2]) >= 5 ? 1 : 0
    hundredths = whole * 100 + Number(fraction.slice(0, 2)) + roundUp
  } else if (clock && !(body.includes(':') && clock[2] === undefined)) {
    const minutes = Number(clock[2] ?? '0')
    if (minutes >= 60) return invalid(`« ${shown} »`, ' (les minutes vont de 00 à 59).')
    hundredths = Number(clock[1]) * 100 + Math.round((minutes * 100) / 60)
  } else {
    return invalid(`« ${shown} »`, '. Exemples acceptés : 7, 7,5 ou 7h30.')
  }

  if (negative && hundredths > 0) return invalid(shown, ' (une durée ne peut pas être négative).')
  if (hundredths > Math.round(max * 100)) return invalid(shown, ` (${formatHours(max)} h au maximum).`)
  return { ok: true, value: hundredths / 100 }
}

/** French decimal comma, at most two decimals, no trailing zeros: 7.5 → "7,5". */
export function formatHours(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return ''
  const abs = Math.abs(n)
  // Shifting through the decimal string avoids 1.005 * 100 = 100.49999….
  const text = String(abs)
  const hundredths = text.includes('e') ? Math.round(abs * 100) : Math.round(Number(`${text}e2`))
  if (hundredths === 0) return '0'
  const whole = Math.floor(hundredths / 100)
  const fraction = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '')
  return `${n < 0 ? '-' : ''}${whole}${fraction ? `,${fraction}` : ''}`
}
