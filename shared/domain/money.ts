import type { Check } from './validation'

/*
 * Amounts are integer cents. Formatting is done by hand, matching what
 * Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }) prints in
 * Node 20, because ICU data differ between browsers and Node versions (the
 * thousands separator changed from U+00A0 to U+202F over time) and documents
 * must come out identical everywhere.
 */
const THOUSANDS = '\u202F'
const BEFORE_SYMBOL = '\u00A0'

export function formatEuros(cents: number | null): string {
  if (cents === null || !Number.isFinite(cents)) return ''
  const rounded = Math.round(cents)
  // BigInt keeps every digit of large amounts, where String() would switch to exponent notation.
  const digits = BigInt(Math.abs(rounded)).toString().padStart(3, '0')
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, THOUSANDS)
  const sign = rounded < 0 ? '-' : ''
  return `${sign}${whole},${digits.slice(-2)}${BEFORE_SYMBOL}€`
}

function groupsValid(whole: string, separator: string): boolean {
  const groups = whole.split(separator)
  const [first, ...rest] = groups
  if (first === undefined || !/^\d{1,3}$/.test(first)) return false
  return rest.every((g) => /^\d{3}$/.test(g))
}

function invalid(input: string): Check<number> {
  return { ok: false, message: `Montant invalide : « ${input.trim()} ». Exemple : 1 234,50.` }
}

/**
 * Reads what people type or paste: "1234,5", "1 234,50 €", "1234.50",
 * "1.234,50", "-12 €". The digits are handled as strings, so no binary float
 * ever rounds a cent away.
 */
export function parseEuros(input: string): Check<number> {
  let s = input.replace(/[\s\u00A0\u202F\u2007]+/g, '')
  s = s.replace(/^€|€$/g, '').replace(/^eur(?:os?)?|eur(?:os?)?$/i, '')
  if (s === '') return { ok: false, message: 'Montant invalide : aucune valeur saisie.' }
  const negative = /^[-\u2212]/.test(s)
  if (negative) s = s.slice(1)
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return invalid(input)

  const lastDot = s.lastIndexOf('.')
  const lastComma = s.lastIndexOf(',')
  let whole = s
  let fraction = ''
  if (lastDot !== -1 && lastComma !== -1) {
    // Both present: the last one is the decimal mark, the other groups thousands.
    const decimalMark = lastDot > lastComma ? '.' : ','
    const groupMark = decimalMark === '.' ? ',' : '.'
    const at = Math.max(lastDot, lastComma)
    whole = s.slice(0, at)
    fraction = s.slice(at + 1)
    if (!groupsValid(whole, groupMark)) return invalid(input)
    whole = whole.split(groupMark).join('')
  } else if (lastDot !== -1 || lastComma !== -1) {
    const mark = lastDot !== -1 ? '.' : ','
    const parts = s.split(mark)
    if (parts.length > 2) {
      // Repeated mark: only thousands grouping makes sense ("1.234.567").
      if (!groupsValid(s, mark)) return invalid(input)
      whole = parts.join('')
    } else {
      whole = parts[0] ?? ''
      fraction = parts[1] ?? ''
      if (fraction.length === 3 && whole !== '' && whole !== '0') {
        // "12.500" is 12 500 € for many French users and 12,50 € for others:
        // a factor of 1000 is not something to guess.
        return {
          ok: false,
          message: `Montant ambigu : « ${input.trim()} ». Écrivez-le sans séparateur de milliers, par exemple 1234 ou 1234,50.`
        }
      }
    }
  }

  if (whole === '') whole = '0'
  if (!/^\d+$/.test(whole) || (fraction !== '' && !/^\d+$/.test(fraction))) return invalid(input)
  if (/[1-9]/.test(fraction.slice(2))) {
    return { ok: false, message: `Montant invalide : « ${input.trim()} » (2 décimales au maximum).` }
  }
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) return { ok: false, message: `Montant trop élevé : « ${input.trim()} ».` }
  return { ok: true, value: negative && cents !== 0 ? -cents : cents }
}
