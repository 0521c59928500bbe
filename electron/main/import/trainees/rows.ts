import type { z } from 'zod'
import { IMPORTABLE_FIELDS, type ImportableField } from '@shared/api/areas/traineeImport'
import { TraineeInput } from '@shared/api/areas/trainees'
import { checkBirthDate } from '@shared/domain/dates'
import type { Check } from '@shared/domain/validation'
import { looksLikeFormula } from '@shared/domain/spreadsheetText'
import { PRESCRIBERS } from '@shared/domain/trainee'
import { capitaliseFirstName, upperName } from '@shared/domain/text'
import { clip, type SourceRow } from './table'
import { civilityFromText, dateFromText, prescriberFromText, prescriberKindAlone, repairPhone, repairPostalCode, truncatedFtIdMessage } from './values'

export type NewTrainee = z.output<typeof TraineeInput>

export type RowReading =
  | { kind: 'blank'; line: number }
  | { kind: 'invalid'; line: number; name: string; ftId: string | null; messages: string[] }
  | {
      kind: 'valid'
      line: number
      name: string
      /** Exactly what the trainee form would send, validated by the same schema. */
      data: NewTrainee
      /** Fields the file gives a value for (a merge never blanks a field the file leaves empty). */
      provided: ImportableField[]
      warnings: string[]
    }

const FIELDS = Object.keys(IMPORTABLE_FIELDS) as ImportableField[]

export function displayName(lastName: string | null | undefined, firstName: string | null | undefined): string {
  return [lastName ? upperName(lastName) : '', firstName ? capitaliseFirstName(firstName) : ''].filter(Boolean).join(' ')
}

/**
 * One source row → a validated trainee, or the French reasons it cannot be one. `today` is the
 * clerk's calendar day (ISO), for the birth date's plausibility check the service also applies.
 */
export function readRow(row: SourceRow, mapping: readonly (ImportableField | null)[], today: string): RowReading {
  const raw: Partial<Record<ImportableField, string>> = {}
  mapping.forEach((field, i) => {
    const value = (row.cells[i] ?? '').trim()
    if (field && value !== '') raw[field] = value
  })
  if (Object.keys(raw).length === 0) return { kind: 'blank', line: row.line }

  const problems = new Map<ImportableField, string>()
  const warnings: string[] = []
  const input: Record<ImportableField, string | null> = Object.fromEntries(FIELDS.map((f) => [f, raw[f] ?? null])) as Record<ImportableField, string | null>
  // An empty name reaches the schema as the form sends it: '' (« Le nom est obligatoire. »).
  input.lastName = raw.lastName ?? ''
  input.firstName = raw.firstName ?? ''
  // A value its own check refuses is blanked: its message, not the schema’s, is the one shown.
  const refuse = (field: ImportableField, message: string): void => {
    problems.set(field, message)
    input[field] = null
  }
  const settle = (field: ImportableField, check: Check<string>): void => {
    if (check.ok) input[field] = check.value
    else refuse(field, check.message)
  }

  // A value a spreadsheet would run as a formula (planted, or a slip): imported as text, said aloud.
  for (const field of FIELDS) {
    const value = raw[field]
    if (value !== undefined && looksLikeFormula(value)) {
      warnings.push(`« ${value.slice(0, 40)} » (${IMPORTABLE_FIELDS[field]}) ressemble à une formule de tableur : importé comme du texte, vérifiez la ligne.`)
    }
  }

  if (raw.civility !== undefined) settle('civility', civilityFromText(raw.civility))
  if (raw.prescriber !== undefined) {
    const p = prescriberFromText(raw.prescriber)
    input.prescriber = p.code
    if (!p.recognised) warnings.push(`Prescripteur « ${clip(raw.prescriber)} » non reconnu : enregistré comme « ${PRESCRIBERS.other} ».`)
  }
  if (raw.prescriberAgency !== undefined) {
    // "France Travail" alone is the kind of prescriber, not one of its agencies: no agency then.
    if (prescriberKindAlone(raw.prescriberAgency)) input.prescriberAgency = null
    // Without a prescriber column (or value), the agency's name tells its kind when it can.
    if (raw.prescriber === undefined) {
      const p = prescriberFromText(raw.prescriberAgency)
      if (p.recognised) input.prescriber = p.code
    }
  }
  if (raw.birthDate !== undefined) {
    const d = dateFromText(raw.birthDate)
    settle('birthDate', d.ok ? checkBirthDate(d.value, today) : d)
  }
  if (raw.ftId !== undefined) {
    const truncated = truncatedFtIdMessage(raw.ftId)
    if (truncated) refuse('ftId', truncated)
  }
  if (raw.phone !== undefined) input.phone = repairPhone(raw.phone)
  if (raw.postalCode !== undefined) input.postalCode = repairPostalCode(raw.postalCode)
  if (raw.email !== undefined) input.email = raw.email.replace(/^mailto:/i, '')
  if (raw.adviserEmail !== undefined) input.adviserEmail = raw.adviserEmail.replace(/^mailto:/i, '')

  const parsed = TraineeInput.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if (typeof field === 'string' && field in IMPORTABLE_FIELDS && !problems.has(field as ImportableField)) {
        problems.set(field as ImportableField, issue.message)
      }
    }
  }
  const name = clip(displayName(raw.lastName, raw.firstName), 120)
  if (problems.size > 0 || !parsed.success) {
    const messages = FIELDS.flatMap((f) => {
      const m = problems.get(f)
      return m ? [m] : []
    })
    return { kind: 'invalid', line: row.line, name, ftId: raw.ftId === undefined ? null : clip(raw.ftId.toUpperCase(), 40), messages: messages.length > 0 ? messages : ['Ligne invalide.'] }
  }
  const provided = FIELDS.filter((f) => parsed.data[f] != null)
  return { kind: 'valid', line: row.line, name, data: parsed.data, provided, warnings }
}
