import type { TraineeInput } from '@shared/api/areas/trainees'
import { checkFranceTravailId } from '@shared/domain/franceTravailId'
import { checkEmail, checkFrenchPhone } from '@shared/domain/text'

/** One person created in the « Positionner des candidats » dialog, as typed. */
export type NewPersonRow = { key: number; lastName: string; firstName: string; ftId: string; phone: string; email: string }
export type NewPersonField = Exclude<keyof NewPersonRow, 'key'>
export type NewPersonErrors = Partial<Record<NewPersonField, string>>

export function emptyPerson(key: number): NewPersonRow {
  return { key, lastName: '', firstName: '', ftId: '', phone: '', email: '' }
}

const blank = (s: string): boolean => s.trim() === ''

/** A row left entirely blank is ignored (the dialog always offers one empty line). */
export function isBlankPerson(p: NewPersonRow): boolean {
  return blank(p.lastName) && blank(p.firstName) && blank(p.ftId) && blank(p.phone) && blank(p.email)
}

export function checkPerson(p: NewPersonRow): NewPersonErrors {
  if (isBlankPerson(p)) return {}
  const errors: NewPersonErrors = {}
  if (blank(p.lastName)) errors.lastName = 'Le nom est obligatoire.'
  if (blank(p.firstName)) errors.firstName = 'Le prénom est obligatoire.'
  const optional = (field: NewPersonField, check: (s: string) => { ok: true; value: string } | { ok: false; message: string }): void => {
    if (blank(p[field])) return
    const r = check(p[field])
    if (!r.ok) errors[field] = r.message
  }
  optional('ftId', checkFranceTravailId)
  optional('phone', checkFrenchPhone)
  optional('email', checkEmail)
  return errors
}

const orNull = (s: string): string | null => (blank(s) ? null : s.trim())

export function personToTraineeInput(p: NewPersonRow): TraineeInput {
  return {
    lastName: p.lastName.trim(),
    firstName: p.firstName.trim(),
    ftId: orNull(p.ftId),
    phone: orNull(p.phone),
    email: orNull(p.email)
  }
}

/** Server issues `newTrainees.1.ftId` → errors of the second non-blank row. */
export function issuesToPersonErrors(issues: { path: string; message: string }[] | undefined, filled: NewPersonRow[]): Record<number, NewPersonErrors> {
  const out: Record<number, NewPersonErrors> = {}
  for (const issue of issues ?? []) {
    const m = /^newTrainees\.(\d+)\.(\w+)$/.exec(issue.path)
    if (!m) continue
    const row = filled[Number(m[1])]
    const field = m[2] as NewPersonField
    if (!row || !['lastName', 'firstName', 'ftId', 'phone', 'email'].includes(field)) continue
    out[row.key] = { ...out[row.key], [field]: issue.message }
  }
  return out
}
