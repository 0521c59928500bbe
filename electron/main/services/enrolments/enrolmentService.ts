import type { z } from 'zod'
import type { EnrolmentDetail, EnrolmentRow, enrolmentOps } from '@shared/api/areas/enrolments'
import { AppError, type FieldIssue } from '@shared/api/result'
import { formatDateFr, todayIso } from '@shared/domain/dates'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import {
  checkTransition,
  holdsPlace,
  reasonLabel,
  statusLabel,
  type Transition
} from '@shared/domain/enrolmentStateMachine'
import { PLACE_HOLDING_STATUSES, plannedHours, sessionName } from '@shared/domain/recruitmentRules'
import { entryBeforeEnrolmentWarning } from '@shared/domain/sessionDates'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { getEnrolment, getRow, rowsByIds } from './enrolmentQueries'
import { insertEvent, refreshPendingSince } from './eventLog'

type NewEnrolment = z.output<(typeof enrolmentOps)['enrolments:create']['input']>
type EnrolmentChanges = z.output<(typeof enrolmentOps)['enrolments:update']['input']>['changes']
export type StatusChange = z.output<(typeof enrolmentOps)['enrolments:transition']['input']>['change']

const HOLDING = PLACE_HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')
const VALIDATORS = ['france_travail', 'mission_locale', 'cap_emploi'] as const

type SessionCore = {
  id: number
  label: string | null
  trainingTitle: string
  intercarifSessionId: string | null
  startDate: string | null
  endDate: string | null
  capacity: number | null
  hoursCentre: number | null
  hoursCompany: number | null
  actionCentre: number | null
  actionCompany: number | null
  actionTotal: number | null
  holders: number
}

function sessionCore(db: Db, id: number): SessionCore {
  const s = db
    .prepare<unknown[], SessionCore>(
      `SELECT s.id, s.label, t.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId, s.start_date AS startDate,
              s.end_date AS endDate, s.capacity, s.hours_centre AS hoursCentre, s.hours_company AS hoursCompany,
              a.hours_centre AS actionCentre, a.hours_company AS actionCompany, a.hours_total AS actionTotal,
              (SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.status IN (${HOLDING})) AS holders
       FROM session s JOIN training t ON t.id = s.training_id LEFT JOIN training_action a ON a.id = s.action_id
       WHERE s.id = ?`
    )
    .get(id)
  if (!s) throw new AppError('not_found', `La session n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return s
}

const places = (n: number) => (n <= 1 ? `${n} place` : `${n} places`)

/** Message when `adding` more people would hold a place of a full session, null when they fit. */
function capacityProblem(s: Pick<SessionCore, 'capacity' | 'holders'> & { name: string }, adding: number): string | null {
  if (s.capacity === null || adding === 0 || s.holders + adding <= s.capacity) return null
  const left = Math.max(0, s.capacity - s.holders)
  return (
    `la session ${s.name} est complète (${places(s.capacity)}, ${s.holders} déjà prise${s.holders > 1 ? 's' : ''}${left > 0 ? `, il en reste ${left}` : ''}) : ` +
    `impossible d’y ajouter ${adding} personne${adding > 1 ? 's' : ''}. Augmentez la capacité de la session si des places supplémentaires ont été accordées`
  )
}

/** Plan dates sent with an AIS lie within the session's dates. */
function checkPlan(plan: { start: string | null; end: string | null }, session: { startDate: string | null; endDate: string | null }): FieldIssue | null {
  const { start, end } = plan
  if (start !== null && end !== null && end < start) {
    return { path: 'plannedEndDate', message: `La fin prévue (${formatDateFr(end)}) précède le début prévu (${formatDateFr(start)}).` }
  }
  if (start !== null && session.startDate !== null && start < session.startDate) {
    return { path: 'plannedStartDate', message: `Le début prévu (${formatDateFr(start)}) précède le début de la session (${formatDateFr(session.startDate)}).` }
  }
  if (end !== null && session.endDate !== null && end > session.endDate) {
    return { path: 'plannedEndDate', message: `La fin prévue (${formatDateFr(end)}) dépasse la fin de la session (${formatDateFr(session.endDate)}).` }
  }
  if (start !== null && session.endDate !== null && start > session.endDate) {
    return { path: 'plannedStartDate', message: `Le début prévu (${formatDateFr(start)}) est après la fin de la session (${formatDateFr(session.endDate)}).` }
  }
  return null
}

function assertPlan(plan: { start: string | null; end: string | null }, session: { startDate: string | null; endDate: string | null }): void {
  const issue = checkPlan(plan, session)
  if (issue) throw new AppError('invalid_input', issue.message, [issue])
}

/**
 * A new enrolment, directly at one of the first statuses (a person proposed by the prescriber,
 * or validated outside a recruitment meeting). Plan dates and hours default to the session's.
 */
export function createEnrolment(ctx: ServiceContext, input: NewEnrolment): EnrolmentDetail {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  return db.transaction(() => {
    const s = sessionCore(db, input.sessionId)
    const person = db.prepare<unknown[], | { id: number; last_name: string; first_name: string; anonymised_at: string | null; prescriber: string | null }>('SELECT id, last_name, first_name, anonymised_at, prescriber FROM trainee WHERE id = ?').get(input.traineeId)
    if (!person) throw new AppError('not_found', `Le stagiaire n° ${input.traineeId} est introuvable (il a peut-être été supprimé).`)
    if (person.anonymised_at !== null) throw new AppError('refused', 'Cette fiche a été anonymisée : elle ne peut plus être inscrite en formation.')
    const who = `${person.last_name} ${person.first_name}`
    const name = sessionName(s)
    const existing = db.prepare<unknown[], | { id: number; status: EnrolmentStatus }>('SELECT id, status FROM enrolment WHERE session_id = ? AND trainee_id = ?').get(s.id, person.id)
    if (existing) {
      throw new AppError('conflict', `${who} a déjà une inscription sur la session ${name} (statut « ${statusLabel(existing.status)} », n° ${existing.id}).`)
    }
    const plan = { start: input.plannedStartDate ?? s.startDate, end: input.plannedEndDate ?? s.endDate }
    assertPlan(plan, s)
    if (holdsPlace(input.status)) {
      const problem = capacityProblem({ ...s, name }, 1)
      if (problem) throw new AppError('refused', `Inscription refusée : ${problem}.`)
    }
    const hours = input.plannedHours ?? plannedHours(s.hoursCentre, s.hoursCompany) ?? plannedHours(s.actionCentre, s.actionCompany) ?? s.actionTotal
    const now = nowIso(ctx.clock)
    const validatedBy =
      input.status === 'inscrit' ? ((VALIDATORS as readonly string[]).includes(person.prescriber ?? '') ? person.prescriber : 'france_travail') : null
    const info = db
      .prepare(
        `INSERT INTO enrolment (session_id, trainee_id, status, status_since, funding, funding_reference, planned_start_date, planned_end_date,
                                planned_hours, validated_by, validated_on, ais_status_code, created_at, updated_at)
         VALUES (@sessionId, @traineeId, @status, @today, @funding, @fundingReference, @start, @end, @hours, @validatedBy, @validatedOn, @ais, @now, @now)`
      )
      .run({
        sessionId: s.id,
        traineeId: person.id,
        status: input.status,
        today,
        funding: input.funding,
        fundingReference: input.fundingReference,
        start: plan.start,
        end: plan.end,
        hours,
        validatedBy,
        validatedOn: validatedBy === null ? null : today,
        ais: input.status === 'positionne' ? null : 'ICR',
        now
      })
    const id = Number(info.lastInsertRowid)
    insertEvent(ctx, {
      enrolmentId: id,
      kind: 'status',
      from: null,
      to: input.status,
      effectiveDate: today,
      reasonCode: null,
      reasonLabel: null,
      comment: 'Inscription saisie directement',
      requiresDeclaration: false
    })
    const created = getEnrolment(db, id, today)
    recordAudit(ctx, { operation: 'enrolments.create', entity: 'enrolment', entityId: id, after: snapshot(created) })
    return created
  })()
}

const CHANGE_COLUMNS = {
  funding: 'funding',
  fundingReference: 'funding_reference',
  plannedStartDate: 'planned_start_date',
  plannedEndDate: 'planned_end_date',
  plannedHours: 'planned_hours'
} as const satisfies Record<keyof EnrolmentChanges, string>

/** Funding and plan of an enrolment; the plan stays within the session's dates. */
export function updateEnrolment(ctx: ServiceContext, id: number, changes: EnrolmentChanges): EnrolmentDetail {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  return db.transaction(() => {
    const before = getRow(db, id, today)
    const fields = (Object.keys(CHANGE_COLUMNS) as (keyof EnrolmentChanges)[]).filter((k) => changes[k] !== undefined)
    if (fields.length === 0) return getEnrolment(db, id, today)
    const plan = {
      start: changes.plannedStartDate !== undefined ? changes.plannedStartDate : before.plannedStartDate,
      end: changes.plannedEndDate !== undefined ? changes.plannedEndDate : before.plannedEndDate
    }
    assertPlan(plan, { startDate: before.sessionStartDate, endDate: before.sessionEndDate })
    const sets = fields.map((f) => `${CHANGE_COLUMNS[f]} = @${f}`).join(', ')
    const values = Object.fromEntries(fields.map((f) => [f, changes[f] ?? null]))
    db.prepare(`UPDATE enrolment SET ${sets}, updated_at = @now WHERE id = @id`).run({ ...values, now: nowIso(ctx.clock), id })
    const after = getEnrolment(db, id, today)
    recordAudit(ctx, { operation: 'enrolments.update', entity: 'enrolment', entityId: id, before: snapshot(before), after: snapshot(after) })
    return after
  })()
}

type EnrolmentCore = {
  id: number
  sessionId: number
  status: EnrolmentStatus
  entryDate: string | null
  lastName: string
  firstName: string
  prescriber: string | null
  validatedBy: string | null
  sessionLabel: string | null
  trainingTitle: string
  intercarifSessionId: string | null
  startDate: string | null
  endDate: string | null
  capacity: number | null
  holders: number
  openInterruption: string | null
  lastInterruptionEnd: string | null
}

function coresByIds(db: Db, ids: readonly number[]): EnrolmentCore[] {
  return db
    .prepare<unknown[], EnrolmentCore>(
      `SELECT e.id, e.session_id AS sessionId, e.status, e.entry_date AS entryDate, p.last_name AS lastName, p.first_name AS firstName,
              p.prescriber, e.validated_by AS validatedBy, s.label AS sessionLabel, t.title AS trainingTitle,
              s.intercarif_session_id AS intercarifSessionId, s.start_date AS startDate, s.end_date AS endDate, s.capacity,
              (SELECT count(*) FROM enrolment h WHERE h.session_id = s.id AND h.status IN (${HOLDING})) AS holders,
              (SELECT min(i.start_date) FROM interruption i WHERE i.enrolment_id = e.id AND i.end_date IS NULL) AS openInterruption,
              (SELECT max(i.end_date) FROM interruption i WHERE i.enrolment_id = e.id) AS lastInterruptionEnd
       FROM enrolment e
       JOIN trainee p ON p.id = e.trainee_id
       JOIN session s ON s.id = e.session_id
       JOIN training t ON t.id = s.training_id
       WHERE e.id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(ids))
}

type Refusal = { index: number; who: string; message: string }

/** The state machine says why; the service adds what only the database knows. */
function checkOne(c: EnrolmentCore, change: StatusChange, today: string): { ok: true; transition: Transition; effectiveDate: string } | { ok: false; message: string } {
  const r = checkTransition({
    from: c.status,
    to: change.to,
    effectiveDate: change.effectiveDate,
    reasonCode: change.reasonCode,
    today,
    session: { startDate: c.startDate, endDate: c.endDate },
    entryDate: c.entryDate
  })
  if (!r.ok) return r
  const t = r.transition
  const effectiveDate = change.effectiveDate ?? today
  if (t.requires.reason !== null && change.reasonCode === 'autre' && change.comment === null) {
    return { ok: false, message: 'Le motif « Autre » doit être précisé dans le commentaire.' }
  }
  if (t.kind === 'exit' || t.kind === 'dropout') {
    const noun = t.kind === 'exit' ? 'la sortie' : 'l’abandon'
    if (c.openInterruption !== null) {
      return {
        ok: false,
        message: `une interruption est en cours depuis le ${formatDateFr(c.openInterruption)} : indiquez d’abord sa date de fin avant de déclarer ${noun}.`
      }
    }
    if (c.lastInterruptionEnd !== null && c.lastInterruptionEnd > effectiveDate) {
      return {
        ok: false,
        message: `une interruption se termine le ${formatDateFr(c.lastInterruptionEnd)}, après la date de ${t.kind === 'exit' ? 'sortie' : 'l’abandon'} (${formatDateFr(effectiveDate)}) : corrigez d’abord l’interruption.`
      }
    }
  }
  return { ok: true, transition: t, effectiveDate }
}

const fullName = (c: { lastName: string; firstName: string }) => `${c.lastName} ${c.firstName}`

/**
 * One status change applied to many enrolments in one transaction, all or nothing: every row is
 * checked first; one refusal refuses the batch with the reason of each refused row.
 */
export function transitionEnrolments(ctx: ServiceContext, ids: readonly number[], change: StatusChange): EnrolmentRow[] {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  return db.transaction(() => {
    const unique = [...new Set(ids)]
    const cores = coresByIds(db, unique)
    const missing = unique.filter((id) => !cores.some((c) => c.id === id))
    if (missing.length > 0) {
      throw new AppError(
        'not_found',
        `Inscription${missing.length > 1 ? 's' : ''} introuvable${missing.length > 1 ? 's' : ''} : n° ${missing.join(', ')} (la liste a peut-être changé : rechargez-la).`
      )
    }
    const byId = new Map(cores.map((c) => [c.id, c]))
    // Every id was found just above: the list keeps the order the clerk gave.
    const ordered = unique.flatMap((id) => byId.get(id) ?? [])
    const refusals: Refusal[] = []
    const accepted: { core: EnrolmentCore; transition: Transition; effectiveDate: string }[] = []
    ordered.forEach((core, index) => {
      const r = checkOne(core, change, today)
      if (r.ok) accepted.push({ core, transition: r.transition, effectiveDate: r.effectiveDate })
      else refusals.push({ index, who: fullName(core), message: r.message })
    })
    // Places: people who start holding one, per session.
    if (holdsPlace(change.to)) {
      const joining = new Map<number, { core: EnrolmentCore; index: number }[]>()
      ordered.forEach((core, index) => {
        if (holdsPlace(core.status) || refusals.some((r) => r.index === index)) return
        joining.set(core.sessionId, [...(joining.get(core.sessionId) ?? []), { core, index }])
      })
      for (const group of joining.values()) {
        const first = group[0]?.core
        if (!first) continue
        const name = sessionName({ label: first.sessionLabel, trainingTitle: first.trainingTitle, startDate: first.startDate, intercarifSessionId: first.intercarifSessionId })
        const problem = capacityProblem({ capacity: first.capacity, holders: first.holders, name }, group.length)
        if (problem) for (const g of group) refusals.push({ index: g.index, who: fullName(g.core), message: problem })
      }
    }
    if (refusals.length > 0) {
      refusals.sort((a, b) => a.index - b.index)
      const detail = refusals.map((r) => `${r.who} — ${r.message}`).join(' ; ')
      const scope = ordered.length > 1 ? ` pour ${refusals.length} inscription${refusals.length > 1 ? 's' : ''} sur ${ordered.length}` : ''
      throw new AppError(
        'refused',
        `Changement refusé${scope}, rien n’a été enregistré : ${detail}`,
        refusals.map((r) => ({ path: `ids.${r.index}`, message: `${r.who} : ${r.message}` }))
      )
    }

    const before = new Map(rowsByIds(db, unique, today).map((r) => [r.id, r]))
    const now = nowIso(ctx.clock)
    const update = db.prepare(
      `UPDATE enrolment SET status = @to, status_since = @date,
         entry_date = CASE WHEN @kind = 'entry' THEN @date ELSE entry_date END,
         exit_date = CASE WHEN @kind IN ('exit', 'dropout') THEN @date ELSE exit_date END,
         exit_reason = CASE WHEN @kind = 'exit' THEN @label ELSE exit_reason END,
         dropout_reason = CASE WHEN @kind = 'dropout' THEN @label ELSE dropout_reason END,
         cancel_reason = CASE WHEN @kind = 'cancellation' THEN @label ELSE cancel_reason END,
         ais_status_code = CASE @to WHEN 'retenu' THEN 'ICR' WHEN 'non_retenu' THEN 'ICN' ELSE ais_status_code END,
         validated_on = CASE WHEN @to = 'inscrit' THEN @date ELSE validated_on END,
         validated_by = CASE WHEN @to = 'inscrit' THEN coalesce(validated_by, @validator) ELSE validated_by END,
         updated_at = @now
       WHERE id = @id`
    )
    for (const { core, transition, effectiveDate } of accepted) {
      const kind = transition.requires.reason
      const code = kind === null ? null : change.reasonCode
      const label = kind === null || code === null ? null : reasonLabel(kind, code)
      insertEvent(ctx, {
        enrolmentId: core.id,
        kind: transition.kind,
        from: core.status,
        to: change.to,
        effectiveDate,
        reasonCode: code,
        reasonLabel: label,
        comment: change.comment,
        requiresDeclaration: transition.declaredInKairos
      })
      const validator = (VALIDATORS as readonly string[]).includes(core.prescriber ?? '') ? core.prescriber : 'france_travail'
      update.run({ id: core.id, to: change.to, date: effectiveDate, kind: transition.kind, label, validator, now })
    }
    refreshPendingSince(db, unique)
    const after = rowsByIds(db, unique, today)
    for (const row of after) {
      const was = before.get(row.id)
      // An entry before the « inscrit » date is allowed (the dialog says so first); the log keeps the warning.
      const warning = was ? entryBeforeEnrolmentWarning([{ name: `${was.lastName} ${was.firstName}`, status: was.status, statusSince: was.statusSince }], change.to, change.effectiveDate ?? today) : null
      recordAudit(ctx, {
        operation: 'enrolments.transition',
        entity: 'enrolment',
        entityId: row.id,
        before: snapshot(was),
        after: { ...(snapshot(row) ?? {}), change, ...(warning ? { warning } : {}) }
      })
    }
    const position = new Map(unique.map((id, i) => [id, i]))
    return after.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
  })()
}

/** What the audit log keeps of an enrolment: its own fields, not the names or computed deadline states. */
export function snapshot(row: EnrolmentRow | undefined): Record<string, unknown> | null {
  if (!row) return null
  return {
    id: row.id,
    sessionId: row.sessionId,
    traineeId: row.traineeId,
    status: row.status,
    statusSince: row.statusSince,
    funding: row.funding,
    plannedStartDate: row.plannedStartDate,
    plannedEndDate: row.plannedEndDate,
    plannedHours: row.plannedHours,
    entryDate: row.entryDate,
    exitDate: row.exitDate
  }
}
