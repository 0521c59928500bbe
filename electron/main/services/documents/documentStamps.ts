import { randomBytes } from 'node:crypto'
import { addDays, monthOf } from '@shared/domain/dates'
import { codeFromBytes } from '@shared/domain/verificationCode'
import type { Db } from '../../db/open'
import type { Stamp } from '../../pdf/authenticity'
import type { DocumentTarget } from './documentData'
import { previousDocument, type RegisterKey } from './documentRegister'

/*
 * Decided before a document is drawn, because it is printed on it: its verification code, the
 * document it replaces, and whether it is provisional (a month it covers is not attested yet).
 */

/** A code no recorded document and no other document of the batch uses (50 random bits: a clash is rare). */
export function newCode(db: Db, taken: Set<string>): string {
  const used = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM generated_document WHERE verification_code = ?')
  for (;;) {
    const code = codeFromBytes(randomBytes(7))
    if (!taken.has(code) && !used.get(code)) {
      taken.add(code)
      return code
    }
  }
}

export function stampFor(db: Db, key: RegisterKey, taken: Set<string>): { stamp: Stamp; supersedesId: number | null } {
  const prior = previousDocument(db, key)
  return { stamp: { code: newCode(db, taken), replaces: prior ? { date: prior.generatedAt.slice(0, 10), code: prior.code } : null }, supersedesId: prior?.id ?? null }
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = monthOf(from); m <= monthOf(to); m = monthOf(addDays(`${m}-28`, 7))) months.push(m)
  return months
}

/**
 * Whether a document certifies hours of a month not yet attested: the monthly statement of such a
 * month (for a session: anyone in training that month), a certificat de réalisation or an
 * attestation de fin de formation covering one. Sign-in sheets are blank forms: never.
 */
export function isProvisional(db: Db, target: DocumentTarget, issuedOn: string): boolean {
  const attested = db.prepare<[number, string], { one: number }>('SELECT 1 AS one FROM attendance_month WHERE enrolment_id = ? AND month = ? AND attested_at IS NOT NULL')
  const data = target.data
  if (data.kind === 'etat_presence') {
    const month = target.period ?? data.month
    if (target.enrolmentId !== null) return !attested.get(target.enrolmentId, month)
    const people = db
      .prepare<[number, string, string], { id: number }>(
        `SELECT e.id FROM enrolment e WHERE e.session_id = ? AND e.entry_date IS NOT NULL AND e.entry_date <= ? AND (e.exit_date IS NULL OR e.exit_date >= ?)`
      )
      .all(target.sessionId, `${month}-31`, `${month}-01`)
    return people.some((p) => !attested.get(p.id, month))
  }
  if ((data.kind === 'certificat_realisation' || data.kind === 'attestation_fin') && target.enrolmentId !== null && data.entryDate) {
    const end = data.exitDate && data.exitDate < issuedOn ? data.exitDate : issuedOn
    if (end < data.entryDate) return false
    return monthsOf(data.entryDate, end).some((m) => !attested.get(target.enrolmentId ?? 0, m))
  }
  return false
}
