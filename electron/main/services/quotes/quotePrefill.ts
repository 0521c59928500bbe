import { AppError } from '@shared/api/result'
import { toHundredths } from '@shared/domain/aifQuoteAmounts'
import { formatHours } from '@shared/domain/hours'
import type { Db } from '../../db/open'
import { hoursLedger } from '@shared/domain/hoursLedger'
import { holidayOptions } from '../enrolments/deadlineBounds'
import { loadCalendars, loadEntries } from '../hours/hoursService'

/*
 * What a new quote starts from: the trainee's plan dates (else the session's), the hours the
 * attendance grid plans over them (hours ledger), split into centre and company (the session's
 * company hours), the weekly rhythm, the hourly price (the session's AIF teaching cost per hour,
 * else the action's hourly price, else its total price over its hours) and the CPF balance the
 * trainee declared.
 */

export type QuotePrefill = {
  enrolmentId: number
  traineeId: number
  sessionId: number
  name: string
  startDate: string
  endDate: string
  centreHundredths: number
  companyHundredths: number
  weeklyRhythm: string | null
  hourlyCents: number | null
  cpfBalanceCents: number | null
}

type Row = {
  enrolmentId: number
  traineeId: number
  sessionId: number
  lastName: string
  firstName: string
  plannedStart: string | null
  plannedEnd: string | null
  plannedHours: number | null
  cpfBalanceCents: number | null
  sessionStart: string | null
  sessionEnd: string | null
  hoursCentre: number | null
  hoursCompany: number | null
  aifCostCents: number | null
  actionHourlyCents: number | null
  actionTotalCents: number | null
  actionHours: number | null
}

const DAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.']

/** « lun. 7 h, mar. 7 h, … — 35 h par semaine » from the planned hours per weekday. */
export function rhythmText(weekly: readonly number[] | null): string | null {
  if (!weekly || !weekly.some((h) => h > 0)) return null
  const days = weekly.flatMap((h, i) => (h > 0 ? [`${DAYS[i] ?? ''} ${formatHours(h)} h`] : []))
  const total = weekly.reduce((a, h) => a + toHundredths(h), 0) / 100
  return `${days.join(', ')} — ${formatHours(total)} h par semaine`
}

export function prefillQuotes(db: Db, sessionId: number, enrolmentIds: readonly number[], today: string, hourlyOverride: number | undefined): QuotePrefill[] {
  const stmt = db.prepare<[number], Row>(
    `SELECT e.id AS enrolmentId, e.trainee_id AS traineeId, e.session_id AS sessionId, p.last_name AS lastName, p.first_name AS firstName,
            e.planned_start_date AS plannedStart, e.planned_end_date AS plannedEnd, e.planned_hours AS plannedHours, p.cpf_balance_cents AS cpfBalanceCents,
            s.start_date AS sessionStart, s.end_date AS sessionEnd, s.hours_centre AS hoursCentre, s.hours_company AS hoursCompany,
            (SELECT f.teaching_cost_cents FROM session_funder f WHERE f.session_id = s.id AND f.funder_code = 'aif' AND f.cost_unit = 'hour') AS aifCostCents,
            a.price_hourly_cents AS actionHourlyCents, a.price_total_cents AS actionTotalCents, a.hours_total AS actionHours
     FROM enrolment e JOIN trainee p ON p.id = e.trainee_id JOIN session s ON s.id = e.session_id
     LEFT JOIN training_action a ON a.id = s.action_id
     WHERE e.id = ?`
  )
  const options = holidayOptions(db)
  return enrolmentIds.map((id) => {
    const r = stmt.get(id)
    if (!r) throw new AppError('not_found', `L’inscription n° ${id} est introuvable.`)
    const name = `${r.lastName.toLocaleUpperCase('fr-FR')} ${r.firstName}`
    if (r.sessionId !== sessionId) throw new AppError('invalid_input', `${name} n’est pas inscrit(e) dans cette session.`)
    const startDate = r.plannedStart ?? r.sessionStart
    const endDate = r.plannedEnd ?? r.sessionEnd
    if (!startDate || !endDate) throw new AppError('refused', `Devis impossible pour ${name} : ni la session ni l’inscription n’ont de dates.`)
    // The ledger counts nothing before entry; a quote is made before it, so the plan's start
    // stands for the entry (the programme the attendance grid will show once entered).
    const calendar = loadCalendars(db, [id])[0]
    const ledger = calendar
      ? { ...hoursLedger({ ...calendar, entryDate: calendar.entryDate ?? startDate }, loadEntries(db, [id], startDate, endDate).get(id) ?? [], startDate, endDate, today, options), calendar }
      : null
    let total = ledger ? toHundredths(ledger.summary.scheduledHours) : 0
    if (total === 0) {
      // No weekly planning to count from: the hours stated on the enrolment or the session.
      const stated = r.plannedHours ?? (r.hoursCentre !== null || r.hoursCompany !== null ? (r.hoursCentre ?? 0) + (r.hoursCompany ?? 0) : null)
      total = stated === null ? 0 : toHundredths(stated)
    }
    const company = Math.min(total, r.hoursCompany === null ? toHundredths(ledger?.summary.companyHours ?? 0) : toHundredths(r.hoursCompany))
    const derived = r.actionTotalCents !== null && r.actionHours ? Math.round((r.actionTotalCents * 100) / toHundredths(r.actionHours)) : null
    return {
      enrolmentId: id,
      traineeId: r.traineeId,
      sessionId: r.sessionId,
      name,
      startDate,
      endDate,
      centreHundredths: total - company,
      companyHundredths: company,
      weeklyRhythm: rhythmText(ledger?.calendar.weekly ?? null),
      hourlyCents: hourlyOverride ?? r.aifCostCents ?? r.actionHourlyCents ?? derived,
      cpfBalanceCents: r.cpfBalanceCents
    }
  })
}
