import type { Check } from './validation'
import { stripSpaces } from './validation'

/** La Poste kept one SIREN for all its post offices, with its own control key. */
const LA_POSTE_SIREN = '356000000'

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the second digit from the right, whatever the length.
    let n = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
  }
  return sum % 10 === 0
}

function digitSum(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48
  return sum
}

export function checkSiret(input: string): Check<string> {
  const siret = stripSpaces(input)
  if (!/^\d{14}$/.test(siret)) return { ok: false, message: 'Le SIRET doit comporter 14 chiffres.' }
  // Luhn is tried first: La Poste's head office (356 000 000 00048) has a Luhn key
  // but a digit sum of 26, so the La Poste rule alone would reject a real SIRET.
  if (luhnValid(siret)) return { ok: true, value: siret }
  if (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0) return { ok: true, value: siret }
  return { ok: false, message: `Le SIRET ${formatSiret(siret)} n'est pas valide (clé de contrôle incorrecte).` }
}

export function checkSiren(input: string): Check<string> {
  const siren = stripSpaces(input)
  if (!/^\d{9}$/.test(siren)) return { ok: false, message: 'Le SIREN doit comporter 9 chiffres.' }
  if (!luhnValid(siren)) {
    return { ok: false, message: `Le SIREN ${formatSiren(siren)} n'est pas valide (clé de contrôle incorrecte).` }
  }
  return { ok: true, value: siren }
}

/** Anything that is not 14 digits is returned trimmed, so the user still sees what was typed. */
export function formatSiret(s: string): string {
  const siret = stripSpaces(s)
  if (!/^\d{14}$/.test(siret)) return s.trim()
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
}

export function formatSiren(s: string): string {
  const siren = stripSpaces(s)
  if (!/^\d{9}$/.test(siren)) return s.trim()
  return `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`
}
