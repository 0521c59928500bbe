import type { EnrolmentEvent, EnrolmentRow } from '@shared/api/areas/enrolments'
import { AppError } from '@shared/api/result'
import { formatDateFr, todayIso } from '@shared/domain/dates'
import { recordAudit } from '../audit/recordAudit'
import type { ServiceContext } from '../context'
import { getEvent, rowsByIds } from './enrolmentQueries'
import { refreshPendingSince } from './eventLog'

/*
 * "Déclaré dans KAIROS le …": there is no public API to KAIROS, so the clerk ticks each event once
 * entered there. The date is the day it was entered: not in the future, not before the event.
 */

export const EVENT_KIND_LABELS: Record<EnrolmentEvent['kind'], string> = {
  status: 'Changement de statut',
  entry: 'Entrée',
  interruption: 'Interruption',
  resumption: 'Fin d’interruption',
  exit: 'Sortie',
  dropout: 'Abandon',
  cancellation: 'Annulation',
  correction: 'Correction'
}

type EventCore = {
  id: number
  enrolmentId: number
  kind: EnrolmentEvent['kind']
  effectiveDate: string
  requiresDeclaration: number
  declaredOn: string | null
  lastName: string
  firstName: string
}

const CORE_SELECT = `
  SELECT ev.id, ev.enrolment_id AS enrolmentId, ev.kind, ev.effective_date AS effectiveDate, ev.requires_declaration AS requiresDeclaration,
         ev.kairos_declared_on AS declaredOn, p.last_name AS lastName, p.first_name AS firstName
  FROM enrolment_event ev JOIN enrolment e ON e.id = ev.enrolment_id JOIN trainee p ON p.id = e.trainee_id`

const describe = (e: EventCore) => `${e.lastName} ${e.firstName} — ${EVENT_KIND_LABELS[e.kind].toLocaleLowerCase('fr')} du ${formatDateFr(e.effectiveDate)}`

export type Declaration = { eventIds: number[]; enrolmentIds: number[]; declaredOn: string }

/** Marks explicit events, and every pending event of the given enrolments, all or nothing. */
export function markDeclared(ctx: ServiceContext, input: Declaration): EnrolmentRow[] {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  const { declaredOn } = input
  if (declaredOn > today) {
    const message = `La date de déclaration (${formatDateFr(declaredOn)}) est postérieure à aujourd’hui (${formatDateFr(today)}) : cochez la déclaration une fois faite dans KAIROS.`
    throw new AppError('invalid_input', message, [{ path: 'declaredOn', message }])
  }
  return db.transaction(() => {
    const eventIds = [...new Set(input.eventIds)]
    const enrolmentIds = [...new Set(input.enrolmentIds)]
    const explicit = db.prepare<unknown[], EventCore>(`${CORE_SELECT} WHERE ev.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(eventIds))
    const missingEvents = eventIds.filter((id) => !explicit.some((e) => e.id === id))
    if (missingEvents.length > 0) {
      throw new AppError('not_found', `Événement${missingEvents.length > 1 ? 's' : ''} introuvable${missingEvents.length > 1 ? 's' : ''} : n° ${missingEvents.join(', ')} (rechargez la liste).`)
    }
    const found = db.prepare<unknown[], { id: number }>('SELECT id FROM enrolment WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(enrolmentIds))
    const missingEnrolments = enrolmentIds.filter((id) => !found.some((e) => e.id === id))
    if (missingEnrolments.length > 0) {
      throw new AppError('not_found', `Inscription${missingEnrolments.length > 1 ? 's' : ''} introuvable${missingEnrolments.length > 1 ? 's' : ''} : n° ${missingEnrolments.join(', ')} (rechargez la liste).`)
    }
    const pending = db
      .prepare<unknown[], EventCore>(
        `${CORE_SELECT} WHERE ev.enrolment_id IN (SELECT value FROM json_each(?)) AND ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL
         ORDER BY ev.effective_date, ev.id`
      )
      .all(JSON.stringify(enrolmentIds))

    const problems: string[] = []
    for (const e of explicit) {
      if (e.requiresDeclaration !== 1) problems.push(`${describe(e)} : cet événement ne se déclare pas dans KAIROS`)
      else if (e.declaredOn !== null) problems.push(`${describe(e)} : déjà déclaré(e) le ${formatDateFr(e.declaredOn)} (décochez d’abord pour corriger la date)`)
    }
    const events = [...explicit, ...pending.filter((p) => !eventIds.includes(p.id))]
    if (problems.length === 0 && events.length === 0) {
      throw new AppError('refused', 'Aucune déclaration KAIROS n’est en attente pour les inscriptions choisies.')
    }
    for (const e of events) {
      if (e.effectiveDate > declaredOn) {
        problems.push(`${describe(e)} : la date de déclaration (${formatDateFr(declaredOn)}) précède la date de l’événement`)
      }
    }
    if (problems.length > 0) {
      throw new AppError('refused', `Déclaration refusée, rien n’a été enregistré : ${problems.join(' ; ')}.`)
    }

    const update = db.prepare('UPDATE enrolment_event SET kairos_declared_on = ?, kairos_declared_by = ? WHERE id = ?')
    for (const e of events) {
      update.run(declaredOn, ctx.actor.name, e.id)
      recordAudit(ctx, {
        operation: 'enrolments.markDeclared',
        entity: 'enrolment_event',
        entityId: e.id,
        before: { enrolmentId: e.enrolmentId, kind: e.kind, effectiveDate: e.effectiveDate, kairosDeclaredOn: null },
        after: { enrolmentId: e.enrolmentId, kind: e.kind, effectiveDate: e.effectiveDate, kairosDeclaredOn: declaredOn, kairosDeclaredBy: ctx.actor.name }
      })
    }
    const touched = [...new Set(events.map((e) => e.enrolmentId))]
    refreshPendingSince(db, touched)
    return rowsByIds(db, touched, today)
  })()
}

/** Removes the tick, to correct a wrong declaration date or a declaration made by mistake. */
export function unmarkDeclared(ctx: ServiceContext, eventId: number): EnrolmentEvent {
  const db = ctx.db
  const today = todayIso(ctx.clock.now())
  return db.transaction(() => {
    const e = db.prepare<unknown[], EventCore>(`${CORE_SELECT} WHERE ev.id = ?`).get(eventId)
    if (!e) throw new AppError('not_found', `L’événement n° ${eventId} est introuvable (il a peut-être été supprimé).`)
    if (e.declaredOn === null) throw new AppError('refused', `${describe(e)} : cet événement n’est pas marqué comme déclaré dans KAIROS.`)
    const by = db.prepare<[number], { by: string | null }>('SELECT kairos_declared_by AS by FROM enrolment_event WHERE id = ?').get(eventId)?.by ?? null
    db.prepare('UPDATE enrolment_event SET kairos_declared_on = NULL, kairos_declared_by = NULL WHERE id = ?').run(eventId)
    refreshPendingSince(db, [e.enrolmentId])
    recordAudit(ctx, {
      operation: 'enrolments.unmarkDeclared',
      entity: 'enrolment_event',
      entityId: eventId,
      before: { enrolmentId: e.enrolmentId, kind: e.kind, effectiveDate: e.effectiveDate, kairosDeclaredOn: e.declaredOn, kairosDeclaredBy: by },
      after: { enrolmentId: e.enrolmentId, kind: e.kind, effectiveDate: e.effectiveDate, kairosDeclaredOn: null }
    })
    const { enrolmentId: _enrolmentId, ...event } = getEvent(db, eventId, today)
    return event
  })()
}
