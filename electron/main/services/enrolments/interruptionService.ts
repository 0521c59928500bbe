import type { z } from 'zod'
import type { EnrolmentDetail, Interruption } from '@shared/api/areas/enrolments'
import type { interruptionOps } from '@shared/api/areas/interruptions'
import { AppError } from '@shared/api/result'
import { formatDateFr, todayIso } from '@shared/domain/dates'
import { checkInterruption, type InterruptionPeriod } from '@shared/domain/interruptions'
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { statusLabel } from '@shared/domain/enrolmentStateMachine'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { getEnrolment } from './enrolmentQueries'
import { insertEvent, refreshPendingSince } from './eventLog'

/*
 * Interruptions of more than 15 days (domain.md §4). What is declared in KAIROS, and when:
 *
 * - Recording an interruption adds an `interruption` event, effective on its first day, to declare
 *   within the legal deadline. KAIROS takes the interruption with its dates: when the end is known
 *   before the declaration is made, that one declaration carries both dates.
 * - Closing an open interruption (its end becomes known) adds a `resumption` event, effective on the
 *   interruption's last day. It needs its own declaration only when the interruption was already
 *   declared without its end (the end must then be added in KAIROS); otherwise it is history only.
 * - A date or reason already declared in KAIROS is never changed or removed here silently: the
 *   clerk corrects KAIROS first, then removes the tick ("déclaré le …") here, then corrects.
 *
 * Only a person in training (status « Entré ») gets a new interruption; existing ones can be
 * corrected afterwards. No event is recorded in advance: the first day is on or before today (the
 * end may be a known future return date).
 */

type NewInterruption = z.output<(typeof interruptionOps)['interruptions:create']['input']>
type InterruptionChanges = Omit<z.output<(typeof interruptionOps)['interruptions:update']['input']>, 'id'>

type EnrolmentCore = {
  id: number
  status: EnrolmentStatus
  entryDate: string | null
  exitDate: string | null
  plannedEnd: string | null
}

/** The listed interruption (without its day count) and the Kairos events it is declared by. */
type InterruptionCore = Omit<Interruption, 'days'> & {
  eventId: number | null
  resumptionEventId: number | null
  /** The interruption event's declaration, and the resumption event's. */
  eventDeclaredOn: string | null
  resumptionRequires: number | null
  resumptionDeclaredOn: string | null
}

function enrolmentCore(db: Db, id: number): EnrolmentCore {
  const e = db
    .prepare<unknown[], EnrolmentCore>(
      `SELECT e.id, e.status, e.entry_date AS entryDate, e.exit_date AS exitDate, coalesce(e.planned_end_date, s.end_date) AS plannedEnd
       FROM enrolment e JOIN session s ON s.id = e.session_id WHERE e.id = ?`
    )
    .get(id)
  if (!e) throw new AppError('not_found', `L’inscription n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return e
}

function interruptionCore(db: Db, id: number): InterruptionCore {
  const i = db
    .prepare<unknown[], InterruptionCore>(
      `SELECT i.id, i.enrolment_id AS enrolmentId, i.start_date AS startDate, i.end_date AS endDate, i.reason, i.comment,
              i.event_id AS eventId, re.id AS resumptionEventId,
              ev.kairos_declared_on AS eventDeclaredOn, re.requires_declaration AS resumptionRequires, re.kairos_declared_on AS resumptionDeclaredOn
       FROM interruption i
       LEFT JOIN enrolment_event ev ON ev.id = i.event_id
       -- Rows written without the link (older data, the demo): the first resumption after the start.
       LEFT JOIN enrolment_event re ON re.id = coalesce(i.resumption_event_id, CASE WHEN i.end_date IS NOT NULL THEN (
         SELECT x.id FROM enrolment_event x
         WHERE x.enrolment_id = i.enrolment_id AND x.kind = 'resumption' AND x.effective_date > i.start_date
         ORDER BY x.effective_date, x.id LIMIT 1) END)
       WHERE i.id = ?`
    )
    .get(id)
  if (!i) throw new AppError('not_found', `L’interruption n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return i
}

function others(db: Db, enrolmentId: number, selfId: number | null): InterruptionPeriod[] {
  return (
    db.prepare<unknown[], {
      start: string
      end: string | null
    }>('SELECT start_date AS start, end_date AS "end" FROM interruption WHERE enrolment_id = ? AND id IS NOT ?').all(enrolmentId, selfId)
  ).map((o) => ({ start: o.start, end: o.end }))
}

function check(db: Db, e: EnrolmentCore, start: string, end: string | null, selfId: number | null): void {
  const r = checkInterruption({
    start,
    end,
    enrolment: { entryDate: e.entryDate, exitDate: e.exitDate, plannedEnd: e.plannedEnd },
    others: others(db, e.id, selfId)
  })
  if (!r.ok) throw new AppError('refused', r.message)
}

const period = (start: string, end: string | null) =>
  end === null ? `en cours depuis le ${formatDateFr(start)}` : `du ${formatDateFr(start)} au ${formatDateFr(end)}`

function declaredMessage(i: InterruptionCore, on: string, action: string): string {
  return (
    `L’interruption ${period(i.startDate, i.endDate)} a été déclarée dans KAIROS le ${formatDateFr(on)} : ` +
    `corrigez-la d’abord dans KAIROS, puis décochez sa déclaration ici avant de ${action}.`
  )
}

/** The declaration that carries the end date: the resumption's own one, or the interruption's. */
function endDeclaredOn(i: InterruptionCore): string | null {
  if (i.resumptionRequires === 1) return i.resumptionDeclaredOn
  return i.endDate === null ? null : i.eventDeclaredOn
}

function snapshot(db: Db, id: number): unknown {
  return db
    .prepare(
      `SELECT id, enrolment_id AS enrolmentId, start_date AS startDate, end_date AS endDate, reason, comment, event_id AS eventId,
              resumption_event_id AS resumptionEventId
       FROM interruption WHERE id = ?`
    )
    .get(id)
}

function addResumption(ctx: ServiceContext, i: { enrolmentId: number }, end: string, needsDeclaration: boolean): number {
  return insertEvent(ctx, {
    enrolmentId: i.enrolmentId,
    kind: 'resumption',
    from: null,
    to: null,
    effectiveDate: end,
    reasonCode: null,
    reasonLabel: null,
    comment: needsDeclaration
      ? `Fin de l’interruption le ${formatDateFr(end)} : à ajouter dans KAIROS (l’interruption y a été déclarée sans date de fin)`
      : `Fin de l’interruption le ${formatDateFr(end)}`,
    requiresDeclaration: needsDeclaration
  })
}

export function createInterruption(ctx: ServiceContext, input: NewInterruption): EnrolmentDetail {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  return db.transaction(() => {
    const e = enrolmentCore(db, input.enrolmentId)
    if (e.status !== 'entre') {
      throw new AppError(
        'refused',
        `Une interruption ne s’enregistre que pour une personne en formation (statut « Entré ») ; cette inscription est au statut « ${statusLabel(e.status)} ».`
      )
    }
    if (input.startDate > today) {
      throw new AppError(
        'refused',
        `Le début de l’interruption (${formatDateFr(input.startDate)}) est postérieur à aujourd’hui (${formatDateFr(today)}) : une interruption s’enregistre une fois commencée.`
      )
    }
    check(db, e, input.startDate, input.endDate, null)
    const eventId = insertEvent(ctx, {
      enrolmentId: e.id,
      kind: 'interruption',
      from: null,
      to: null,
      effectiveDate: input.startDate,
      reasonCode: null,
      reasonLabel: input.reason,
      comment: `Interruption ${period(input.startDate, input.endDate)}${input.comment ? ` — ${input.comment}` : ''}`,
      requiresDeclaration: true
    })
    const now = nowIso(ctx.clock)
    const info = db
      .prepare(
        `INSERT INTO interruption (enrolment_id, start_date, end_date, reason, comment, event_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(e.id, input.startDate, input.endDate, input.reason, input.comment, eventId, now, now)
    const id = Number(info.lastInsertRowid)
    refreshPendingSince(db, [e.id])
    recordAudit(ctx, { operation: 'interruptions.create', entity: 'interruption', entityId: id, after: snapshot(db, id) })
    return getEnrolment(db, e.id, today)
  })()
}

/** Closes, reopens or corrects an interruption (end date, reason, comment). */
export function updateInterruption(ctx: ServiceContext, id: number, changes: InterruptionChanges): EnrolmentDetail {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  return db.transaction(() => {
    const i = interruptionCore(db, id)
    const e = enrolmentCore(db, i.enrolmentId)
    const before = snapshot(db, id)
    const end = changes.endDate === undefined ? i.endDate : changes.endDate
    const reason = changes.reason ?? i.reason
    const comment = changes.comment === undefined ? i.comment : changes.comment
    const now = nowIso(ctx.clock)

    if (reason !== i.reason && i.eventDeclaredOn !== null) throw new AppError('refused', declaredMessage(i, i.eventDeclaredOn, 'changer son motif'))

    let resumptionEventId = i.resumptionEventId
    if (end !== i.endDate) {
      check(db, e, i.startDate, end, id)
      if (i.endDate === null) {
        // Closing: the end is new information, declared on its own if KAIROS already has the start.
        resumptionEventId = addResumption(ctx, i, end as string, i.eventDeclaredOn !== null)
      } else {
        const declared = endDeclaredOn(i)
        if (declared !== null) throw new AppError('refused', declaredMessage(i, declared, end === null ? 'la rouvrir' : 'changer sa date de fin'))
        if (end === null) {
          if (i.resumptionEventId !== null) db.prepare('DELETE FROM enrolment_event WHERE id = ?').run(i.resumptionEventId)
          resumptionEventId = null
        } else if (i.resumptionEventId !== null) {
          db.prepare('UPDATE enrolment_event SET effective_date = ?, comment = ? WHERE id = ?').run(
            end,
            i.resumptionRequires === 1
              ? `Fin de l’interruption le ${formatDateFr(end)} : à ajouter dans KAIROS (l’interruption y a été déclarée sans date de fin)`
              : `Fin de l’interruption le ${formatDateFr(end)}`,
            i.resumptionEventId
          )
        }
      }
    }
    if (i.eventId !== null) {
      // The interruption event describes the period; its declared content (start, reason) is unchanged here.
      db.prepare('UPDATE enrolment_event SET reason_label = ?, comment = ? WHERE id = ?').run(
        reason,
        `Interruption ${period(i.startDate, end)}${comment ? ` — ${comment}` : ''}`,
        i.eventId
      )
    }
    db.prepare('UPDATE interruption SET end_date = ?, reason = ?, comment = ?, resumption_event_id = ?, updated_at = ? WHERE id = ?').run(
      end,
      reason,
      comment,
      resumptionEventId,
      now,
      id
    )
    refreshPendingSince(db, [i.enrolmentId])
    recordAudit(ctx, { operation: 'interruptions.update', entity: 'interruption', entityId: id, before, after: snapshot(db, id) })
    return getEnrolment(db, i.enrolmentId, today)
  })()
}

/** Removes an interruption entered by mistake, with its events; refused once declared in KAIROS. */
export function deleteInterruption(ctx: ServiceContext, id: number): EnrolmentDetail {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  return db.transaction(() => {
    const i = interruptionCore(db, id)
    const declared = i.eventDeclaredOn ?? i.resumptionDeclaredOn
    if (declared !== null) throw new AppError('refused', declaredMessage(i, declared, 'la supprimer'))
    const before = snapshot(db, id)
    db.prepare('DELETE FROM interruption WHERE id = ?').run(id)
    db.prepare('DELETE FROM enrolment_event WHERE id IN (?, ?)').run(i.eventId, i.resumptionEventId)
    refreshPendingSince(db, [i.enrolmentId])
    recordAudit(ctx, { operation: 'interruptions.delete', entity: 'interruption', entityId: id, before })
    return getEnrolment(db, i.enrolmentId, today)
  })()
}
