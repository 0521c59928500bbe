// Demo data: One trainee's path through a session: registration, result, KAIROS statuses and their events.
import type { EnrolmentStatus } from '@shared/domain/enrolment'
import { CANCEL_REASONS, DROPOUT_REASONS, NON_RETENU_COMMENTS } from './catalogue'
import type { Day, EnrolmentPlan, EventPlan, SessionPlan, StepKind, StepPlan, TraineePlan } from './demoPlans'
import type { DemoState } from './demoState'

export function planEnrolment(b: DemoState, s: SessionPlan, trainee: TraineePlan): EnrolmentPlan {
  const rng = b.rng
  const permanent = s.training.entryMode === 'permanent'
  const p: EnrolmentPlan = {
    id: 0,
    trainee,
    session: s,
    registration: null,
    status: 'positionne',
    statusSince: 0,
    funding: 'region',
    fundingReference: null,
    entry: null,
    exit: null,
    exitReason: null,
    dropoutReason: null,
    cancelReason: null,
    validatedBy: null,
    validatedOn: null,
    ais: null,
    steps: [],
    interruption: null,
    createdDay: 0
  }
  p.funding = trainee.prescriber === 'cap_emploi' && rng.chance(0.5) ? 'agefiph' : rng.weighted(s.training.funding)
  p.fundingReference =
    p.funding === 'region'
      ? s.training.fundingReference
      : p.funding === 'agefiph'
        ? 'Convention AGEFIPH Bretagne 2026'
        : p.funding === 'opco'
          ? 'OPCO EP – Transitions'
          : null

  // How the candidate met the organisation: information collective, individual appointment or directly.
  let meeting: Day
  const way = rng.weighted([
    ['info', 86],
    ['appointment', 10],
    ['direct', 4]
  ] as const)
  if (way === 'info') {
    const infos = s.events.filter((e) => e.kind === 'info_session')
    let event = rng.pick(infos)
    let transferredFrom: EventPlan | null = null
    if (event.cancelled && s.transfer) {
      transferredFrom = event
      event = s.transfer.to
    }
    event.regs++
    meeting = event.date
    p.registration = { event, presence: 'unknown', result: null, resultCode: null, resultDay: null, createdDay: 0, transferredFrom }
  } else if (way === 'appointment') {
    const date = b.cal.nextWeekday(s.start - rng.int(6, 35))
    const hour = rng.pick([9, 10, 11, 14, 15, 16])
    const event: EventPlan = {
      id: 0,
      kind: 'appointment',
      date,
      endDate: null,
      startTime: `${String(hour).padStart(2, '0')}:00`,
      endTime: `${String(hour).padStart(2, '0')}:45`,
      capacity: 1,
      comment: 'Entretien individuel de positionnement',
      cancelled: false,
      regs: 1,
      createdDay: Math.min(date - rng.int(3, 15), -1)
    }
    s.events.push(event)
    meeting = date
    p.registration = { event, presence: 'unknown', result: null, resultCode: null, resultDay: null, createdDay: 0, transferredFrom: null }
  } else {
    meeting = s.start - rng.int(8, 30)
  }

  let booking = meeting - rng.int(2, 21)
  if (booking > 0) booking = -rng.int(0, 20)
  // A candidate moved from the cancelled meeting was booked before it was cancelled (day -2).
  if (p.registration?.transferredFrom) booking = Math.min(booking, -3 - rng.int(0, 10))
  if (p.registration) {
    p.registration.createdDay = booking
    p.registration.event.createdDay = Math.min(p.registration.event.createdDay, booking - 1)
  }
  p.createdDay = booking
  trainee.createdDay = Math.min(trainee.createdDay, booking - rng.int(1, 10))

  const step = (kind: StepKind, to: EnrolmentStatus | null, date: Day, extra: Partial<StepPlan> = {}): StepPlan => {
    const requires = kind === 'entry' || kind === 'interruption' || kind === 'exit' || kind === 'dropout'
    const st: StepPlan = {
      kind,
      from: kind === 'status' && p.steps.length === 0 ? null : p.status,
      to,
      date,
      reasonCode: null,
      reasonLabel: null,
      comment: null,
      requires,
      declaredOn: requires ? b.declaration(date) : null,
      ...extra
    }
    p.steps.push(st)
    if (to) {
      p.status = to
      p.statusSince = date
    }
    return st
  }

  step('status', 'positionne', booking)
  // Results are entered after the meeting; a few recent meetings still wait for them.
  if (meeting >= 0 || (meeting >= -3 && rng.chance(0.3))) return p

  let result = rng.weighted([
    ['retenu', 80],
    ['non_retenu', 10],
    ['en_attente', 10]
  ] as const) as 'retenu' | 'non_retenu' | 'en_attente'
  if (result === 'retenu' && s.retenuCount >= s.capacity) result = s.start > 0 ? 'en_attente' : 'non_retenu'
  // Upcoming sessions usually keep someone on the waiting list.
  if (s.start > 0 && !s.waitlisted && ++s.results >= 5) result = 'en_attente'
  if (result === 'en_attente') s.waitlisted = true
  if (p.registration) {
    p.registration.presence = 'present'
    p.registration.result = result
    p.registration.resultCode = result === 'retenu' ? 'ICR' : result === 'non_retenu' ? 'ICN' : null
    p.registration.resultDay = meeting
  }
  if (result === 'non_retenu') {
    step('status', 'non_retenu', meeting, { comment: rng.pick(NON_RETENU_COMMENTS) })
    p.ais = 'ICN'
    return p
  }
  if (result === 'en_attente') {
    step('status', 'en_attente', meeting, { comment: 'Liste d’attente' })
    if (s.start <= 0) {
      step('status', 'non_retenu', Math.max(meeting + 1, s.start - 3), { comment: 'Liste d’attente : session complète' })
      p.ais = 'ICN'
    }
    return p
  }

  s.retenuCount++
  p.ais = 'ICR'
  step('status', 'retenu', meeting)
  let validation = meeting + rng.int(1, 14)
  let inscription = validation + rng.int(3, 20)
  if (!permanent) {
    validation = Math.max(meeting + 1, Math.min(validation, s.start - 2))
    inscription = Math.max(validation + 1, Math.min(inscription, s.start - 1))
  }
  // Upcoming sessions usually have a project still waiting for the adviser's validation, and one
  // candidate accepted so recently that the validation request is not sent yet.
  if (s.start >= 3 && !s.awaitingRequest && validation <= 0) {
    validation = 1
    inscription = Math.max(inscription, 2)
  }
  if (s.start >= 3 && validation > 0) s.awaitingRequest = true
  if (s.start > 1 && !s.awaitingValidation && validation <= 0 && inscription <= 0) inscription = 1
  if (s.start > 1 && validation <= 0 && inscription > 0) s.awaitingValidation = true
  let entryDay: Day
  if (permanent) entryDay = b.nextWorkday(s, Math.max(s.start, inscription + rng.int(1, 7)))
  else entryDay = b.nextWorkday(s, rng.chance(0.04) ? s.start + rng.int(1, 3) : s.start)
  if (entryDay > s.end - 5) entryDay = b.previousWorkday(s, s.end - 5, s.start)

  let cancelDay: Day | null = null
  if (rng.chance(0.07)) {
    const hi = Math.min(entryDay - 1, -1)
    if (hi >= meeting + 1) cancelDay = rng.int(meeting + 1, hi)
  }
  const noShow = cancelDay === null && rng.chance(0.02)

  for (const [status, day] of [
    ['a_valider', validation],
    ['inscrit', inscription]
  ] as const) {
    if (day > 0 || (cancelDay !== null && cancelDay <= day)) break
    if (status === 'inscrit') {
      p.validatedBy = trainee.prescriber === 'mission_locale' || trainee.prescriber === 'cap_emploi' ? trainee.prescriber : 'france_travail'
      p.validatedOn = day
      step('status', 'inscrit', day, { comment: `Projet validé par ${trainee.agency ?? 'France Travail'}` })
    } else step('status', 'a_valider', day)
  }
  if (cancelDay !== null) {
    const [code, label] =
      p.status === 'a_valider' && rng.chance(0.3)
        ? (['NON_VALIDE', 'Projet non validé par le conseiller'] as const)
        : rng.weighted(CANCEL_REASONS)
    step('cancellation', 'annule', cancelDay, { reasonCode: code, reasonLabel: label })
    p.cancelReason = label
    return p
  }
  if (p.status !== 'inscrit' || entryDay > 0) return p
  if (s.entriesPending && entryDay >= -7) return p
  if (noShow) {
    const label = 'Ne s’est pas présenté(e) le jour de l’entrée'
    step('cancellation', 'annule', entryDay, { reasonCode: 'ABSENT_ENTREE', reasonLabel: label })
    p.cancelReason = label
    return p
  }

  step('entry', 'entre', entryDay)
  p.entry = entryDay
  s.entered++
  // Dropouts happen; make sure a small demo shows at least one.
  const forceDropout = !b.dropoutSeen && s.end < 0 && s.entered === 3
  if (forceDropout || rng.chance(0.1)) {
    const drop = b.previousWorkday(s, entryDay + rng.int(3, Math.max(3, s.end - entryDay - 1)), entryDay)
    if (drop <= 0) {
      const [code, label] = rng.weighted(DROPOUT_REASONS)
      step('dropout', 'abandon', drop, { reasonCode: code, reasonLabel: label })
      b.dropoutSeen = true
      p.exit = drop
      p.dropoutReason = label
      return p
    }
  }
  if (s.end < 0) {
    step('exit', 'sorti', s.end, { reasonCode: 'FIN', reasonLabel: 'Fin de formation' })
    p.exit = s.end
    p.exitReason = 'Fin de formation'
  }
  return p
}
