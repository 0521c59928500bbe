import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { todayIso } from '@shared/domain/dates'
import { ENROLMENT_STATUS_CODES, type EnrolmentStatus } from '@shared/domain/enrolment'
import { checkTransition, findTransition, TRANSITIONS, type Transition } from '@shared/domain/enrolmentStateMachine'
import type { ServiceContext } from '../../electron/main/services/context'
import { getEnrolment, listEnrolments } from '../../electron/main/services/enrolments/enrolmentQueries'
import { createEnrolment, updateEnrolment } from '../../electron/main/services/enrolments/enrolmentService'
import { createEvents } from '../../electron/main/services/recruitment/eventService'
import { bookTrainees, setPresence, setResult } from '../../electron/main/services/recruitment/registrationService'
import { enrolmentWorld, refusal } from '../helpers/enrolmentWorld'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

let t: TempDb
let ctx: ServiceContext
let today: string
let w: ReturnType<typeof enrolmentWorld>
let sessionId: number

// The fixed clock: Sunday 22 November 2026. The session started on Monday 16 November.
const START = '2026-11-16'

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  today = todayIso(ctx.clock.now())
  w = enrolmentWorld(ctx, today)
  sessionId = w.session()
})
afterEach(() => t.cleanup())

const latest = <E extends { id: number }>(list: E[]): E | undefined => list.reduce<E | undefined>((a, b) => (a === undefined || b.id > a.id ? b : a), undefined)
const ofKind = <E extends { kind: string }>(list: E[], kind: string): E | undefined => list.find((e) => e.kind === kind)

const events = (enrolmentId: number) =>
  t.db.prepare('SELECT kind, from_status AS "from", to_status AS "to", effective_date AS date, requires_declaration AS requires FROM enrolment_event WHERE enrolment_id = ? ORDER BY id').all(enrolmentId)
const audits = (operation: string) => (t.db.prepare('SELECT count(*) AS n FROM audit_log WHERE operation = ?').get(operation) as { n: number }).n

/** What a transition needs to pass, for the table of every transition. */
function changeFor(tr: Transition) {
  switch (tr.kind) {
    case 'entry':
      return { to: tr.to, effectiveDate: START }
    case 'exit':
      return { to: tr.to, effectiveDate: '2026-11-20', reasonCode: 'fin_anticipee_objectif' }
    case 'dropout':
      return { to: tr.to, effectiveDate: '2026-11-20', reasonCode: 'demenagement' }
    case 'cancellation':
      return { to: tr.to, effectiveDate: '2026-11-21', reasonCode: 'desistement' }
    case 'status':
      return { to: tr.to }
  }
}

describe('creating and updating an enrolment', () => {
  it('records the first status as an event, with the session’s plan, audited', () => {
    const marie = w.person('Dupré')
    const detail = getEnrolment(t.db, w.enrol(sessionId, marie, 'inscrit'), today)
    expect(detail).toMatchObject({
      sessionId,
      sessionLabel: 'SA Lorient – novembre 2026',
      sessionStartDate: START,
      lastName: 'DUPRÉ',
      status: 'inscrit',
      statusSince: today,
      plannedStartDate: START,
      plannedEndDate: '2027-03-31',
      plannedHours: 560,
      pendingDeclaration: null,
      interrupted: false
    })
    expect(detail.events).toMatchObject([{ kind: 'status', fromStatus: null, toStatus: 'inscrit', requiresDeclaration: false, recordedBy: 'Claire Martin' }])
    expect(detail.allowed.map((a) => a.to)).toEqual(['entre', 'annule'])
    expect(detail.allowed[0]).toEqual({ to: 'entre', label: 'Entré', needsDate: true, reasonKind: null })
    expect(audits('enrolments.create')).toBe(1)
  })

  it('refuses a second enrolment of the same person, an anonymised person and a plan outside the session', () => {
    const marie = w.person('Dupré')
    w.enrol(sessionId, marie, 'positionne')
    expect(refusal(() => w.enrol(sessionId, marie))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/DUPRÉ Marie a déjà une inscription .*Positionné/) })
    const paul = w.person('Martin', 'Paul')
    t.db.prepare('UPDATE trainee SET anonymised_at = ? WHERE id = ?').run('2026-01-01T00:00:00Z', paul)
    expect(refusal(() => w.enrol(sessionId, paul)).message).toMatch(/anonymisée/)
    const jo = w.person('Le Gall', 'Jo')
    const input = contract['enrolments:create'].input.parse({ sessionId, traineeId: jo, plannedStartDate: '2026-11-02' })
    expect(refusal(() => createEnrolment(ctx, input)).message).toBe('Le début prévu (02/11/2026) précède le début de la session (16/11/2026).')
    expect(w.count('enrolment')).toBe(1)
  })

  it('changes funding and plan within the session’s dates', () => {
    const id = w.enrol(sessionId, w.person('Dupré'))
    const changes = contract['enrolments:update'].input.parse({ id, changes: { funding: 'aif', fundingReference: 'AIF-1', plannedHours: 420 } }).changes
    expect(updateEnrolment(ctx, id, changes)).toMatchObject({ funding: 'aif', plannedHours: 420, plannedStartDate: START })
    const late = contract['enrolments:update'].input.parse({ id, changes: { plannedEndDate: '2027-04-30' } }).changes
    expect(refusal(() => updateEnrolment(ctx, id, late))).toMatchObject({
      code: 'invalid_input',
      message: 'La fin prévue (30/04/2027) dépasse la fin de la session (31/03/2027).',
      issues: [{ path: 'plannedEndDate' }]
    })
    expect(audits('enrolments.update')).toBe(1)
  })

  it('refuses a place beyond the session’s capacity', () => {
    const small = w.session({ label: 'Petite session', capacity: 1 })
    w.enrol(small, w.person('Un'), 'retenu')
    expect(refusal(() => w.enrol(small, w.person('Deux'), 'inscrit')).message).toMatch(/Petite session est complète \(1 place, 1 déjà prise\)/)
    const waiting = w.enrol(small, w.person('Trois'), 'positionne')
    const r = refusal(() => w.move([waiting], { to: 'retenu' }))
    expect(r.code).toBe('refused')
    expect(r.message).toMatch(/TROIS Marie — la session Petite session est complète/)
  })
})

describe('the status workflow', () => {
  it.each(TRANSITIONS.map((tr) => [`${tr.from} → ${tr.to}`, tr] as const))('%s is applied with its event', (_name, tr) => {
    const id = w.enrol(sessionId, w.person('Dupré'), 'positionne')
    w.force(id, tr.from, tr.from === 'entre' ? { entryDate: START } : {})
    const change = changeFor(tr)
    const [row] = w.move([id], change)
    expect(row?.status).toBe(tr.to)
    const last = latest(getEnrolment(t.db, id, today).events)
    expect(last).toMatchObject({
      kind: tr.kind,
      fromStatus: tr.from,
      toStatus: tr.to,
      effectiveDate: 'effectiveDate' in change ? change.effectiveDate : today,
      requiresDeclaration: tr.declaredInKairos,
      kairosDeclaredOn: null,
      recordedBy: 'Claire Martin'
    })
    if (tr.requires.reason) expect(last?.reasonLabel).toBeTruthy()
    const enrolment = t.db.prepare('SELECT entry_date, exit_date, exit_reason, dropout_reason, cancel_reason, status_since FROM enrolment WHERE id = ?').get(id)
    expect(enrolment).toMatchObject({ status_since: 'effectiveDate' in change ? change.effectiveDate : today })
    if (tr.kind === 'entry') expect(enrolment).toMatchObject({ entry_date: START })
    if (tr.kind === 'exit') expect(enrolment).toMatchObject({ exit_date: '2026-11-20', exit_reason: 'Fin de formation anticipée – objectif atteint' })
    if (tr.kind === 'dropout') expect(enrolment).toMatchObject({ exit_date: '2026-11-20', dropout_reason: 'Déménagement' })
    if (tr.kind === 'cancellation') expect(enrolment).toMatchObject({ cancel_reason: 'Désistement du candidat' })
    expect(row?.pendingDeclaration?.kind ?? null).toBe(tr.declaredInKairos ? tr.kind : null)
    w.expectPendingConsistent()
    expect(audits('enrolments.transition')).toBe(1)
  })

  const refused: [EnrolmentStatus, EnrolmentStatus][] = ENROLMENT_STATUS_CODES.flatMap((from) =>
    ENROLMENT_STATUS_CODES.filter((to) => findTransition(from, to) === null).map((to) => [from, to] as [EnrolmentStatus, EnrolmentStatus])
  )

  it.each(refused)('%s → %s is refused with the state machine’s reason, nothing written', (from, to) => {
    const id = w.enrol(sessionId, w.person('Dupré'), 'positionne')
    w.force(id, from, from === 'entre' || from === 'sorti' || from === 'abandon' ? { entryDate: START } : {})
    const before = { events: w.count('enrolment_event'), audit: w.count('audit_log') }
    const change = { to, effectiveDate: '2026-11-20', reasonCode: 'autre', comment: 'essai' }
    const expected = checkTransition({ from, to, effectiveDate: change.effectiveDate, reasonCode: change.reasonCode, today, session: { startDate: START, endDate: '2027-03-31' }, entryDate: from === 'entre' ? START : null })
    expect(expected.ok).toBe(false)
    const r = refusal(() => w.move([id], change))
    expect(r.code).toBe('refused')
    expect(r.message).toBe(`Changement refusé, rien n’a été enregistré : DUPRÉ Marie — ${expected.ok ? '' : expected.message}`)
    expect(w.status(id)).toBe(from)
    expect({ events: w.count('enrolment_event'), audit: w.count('audit_log') }).toEqual(before)
  })

  it('checks dates and reasons in French', () => {
    const id = w.enrol(sessionId, w.person('Dupré'))
    expect(refusal(() => w.move([id], { to: 'entre' })).message).toMatch(/La date d’entrée est obligatoire\.$/)
    expect(refusal(() => w.move([id], { to: 'entre', effectiveDate: '2026-11-13' })).message).toMatch(/antérieure au début de la session \(16\/11\/2026\)/)
    expect(refusal(() => w.move([id], { to: 'entre', effectiveDate: '2026-11-23' })).message).toMatch(/postérieure à aujourd’hui \(22\/11\/2026\)/)
    expect(refusal(() => w.move([id], { to: 'annule', effectiveDate: '2026-11-20', reasonCode: 'autre' })).message).toMatch(/« Autre » doit être précisé dans le commentaire/)
    w.move([id], { to: 'entre', effectiveDate: START })
    expect(refusal(() => w.move([id], { to: 'sorti', effectiveDate: '2026-11-20' })).message).toMatch(/Le motif de sortie est obligatoire/)
    expect(refusal(() => w.move([id], { to: 'abandon', effectiveDate: '2026-11-20', reasonCode: 'fin_prevue' })).message).toMatch(/Le motif d’abandon « fin_prevue » n’existe pas/)
    expect(w.status(id)).toBe('entre')
  })

  it('applies one change to many enrolments all or nothing, naming each refused person', () => {
    const ids = ['Alpha', 'Bravo', 'Charlie'].map((n) => w.enrol(sessionId, w.person(n)))
    const late = w.enrol(sessionId, w.person('Delta'), 'a_valider')
    const before = { events: w.count('enrolment_event'), audit: w.count('audit_log') }
    const r = refusal(() => w.move([...ids, late], { to: 'entre', effectiveDate: START }))
    expect(r.message).toMatch(/^Changement refusé pour 1 inscription sur 4, rien n’a été enregistré : DELTA Marie — Impossible de passer de « À valider » à « Entré »/)
    expect(r.issues).toEqual([{ path: 'ids.3', message: expect.stringMatching(/^DELTA Marie : Impossible/) }])
    expect(ids.map(w.status)).toEqual(['inscrit', 'inscrit', 'inscrit'])
    expect({ events: w.count('enrolment_event'), audit: w.count('audit_log') }).toEqual(before)

    const rows = w.move(ids, { to: 'entre', effectiveDate: START, comment: 'Entrée collective' })
    expect(rows.map((row) => [row.lastName, row.status, row.entryDate])).toEqual([
      ['ALPHA', 'entre', START],
      ['BRAVO', 'entre', START],
      ['CHARLIE', 'entre', START]
    ])
    // Entered on 16/11, due on 19/11: late on Sunday 22/11.
    expect(rows[0]?.pendingDeclaration).toMatchObject({ kind: 'entry', effectiveDate: START, dueDate: '2026-11-19', state: 'en_retard' })
    expect(audits('enrolments.transition')).toBe(3)
    w.expectPendingConsistent()
  })

  it('refuses an exit while an interruption is open or after the exit date', () => {
    const id = w.enrol(sessionId, w.person('Dupré'))
    t.db.prepare("UPDATE session SET start_date = '2026-09-01' WHERE id = ?").run(sessionId)
    w.move([id], { to: 'entre', effectiveDate: '2026-09-01' })
    const detail = w.interrupt({ enrolmentId: id, startDate: '2026-10-01', reason: 'Arrêt maladie' })
    const exit = { to: 'sorti' as const, effectiveDate: '2026-11-20', reasonCode: 'fin_prevue' }
    expect(refusal(() => w.move([id], exit)).message).toMatch(/une interruption est en cours depuis le 01\/10\/2026 : indiquez d’abord sa date de fin/)
    w.changeInterruption({ id: detail.interruptions[0]?.id ?? 0, endDate: '2026-10-31' })
    expect(refusal(() => w.move([id], { ...exit, effectiveDate: '2026-10-20' })).message).toMatch(/se termine le 31\/10\/2026, après la date de sortie/)
    expect(w.move([id], exit)[0]?.status).toBe('sorti')
  })

  it('keeps enrolments made by recruitment results free of declarations', () => {
    const [event] = createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId, kind: 'info_session', date: '2026-11-10' }))
    const regs = bookTrainees(ctx, { eventId: event?.id ?? 0, traineeIds: [w.person('Dupré')], newTrainees: [] })
    setPresence(ctx, regs.map((r) => r.id), 'present')
    setResult(ctx, regs.map((r) => r.id), 'retenu')
    const [row] = listEnrolments(t.db, { sessionId }, today)
    expect(row).toMatchObject({ status: 'retenu', pendingDeclaration: null })
    expect(events(row?.id ?? 0)).toEqual([{ kind: 'status', from: null, to: 'retenu', date: '2026-11-10', requires: 0 }])
    w.expectPendingConsistent()
  })
})

describe('declarations in KAIROS', () => {
  let ids: number[]
  beforeEach(() => {
    ids = ['Alpha', 'Bravo'].map((n) => w.enrol(sessionId, w.person(n)))
    w.move(ids, { to: 'entre', effectiveDate: START })
  })

  it('ticks the pending events of enrolments, and undoes a tick', () => {
    const rows = w.declare({ enrolmentIds: ids, declaredOn: '2026-11-18' })
    expect(rows.map((r) => r.pendingDeclaration)).toEqual([null, null])
    const entry = ofKind(getEnrolment(t.db, ids[0] ?? 0, today).events, 'entry')
    expect(entry).toMatchObject({ kind: 'entry', kairosDeclaredOn: '2026-11-18', kairosDeclaredBy: 'Claire Martin', dueDate: '2026-11-19', declarationState: 'declare' })
    expect(t.db.prepare('SELECT count(*) AS n FROM enrolment WHERE kairos_pending_since IS NOT NULL').get()).toEqual({ n: 0 })
    expect(audits('enrolments.markDeclared')).toBe(2)

    const undone = w.undeclare(entry?.id ?? 0)
    expect(undone).toMatchObject({ kairosDeclaredOn: null, declarationState: 'en_retard', dueDate: '2026-11-19' })
    expect(listEnrolments(t.db, { declaration: 'en_retard' }, today).map((r) => r.id)).toEqual([ids[0]])
    expect(audits('enrolments.unmarkDeclared')).toBe(1)
    w.expectPendingConsistent()
  })

  it('ticks explicit events and refuses wrong dates and events that are not declared', () => {
    const entry = ofKind(getEnrolment(t.db, ids[0] ?? 0, today).events, 'entry')
    const status = ofKind(getEnrolment(t.db, ids[0] ?? 0, today).events, 'status')
    expect(refusal(() => w.declare({ eventIds: [entry?.id ?? 0], declaredOn: '2026-11-23' }))).toMatchObject({
      code: 'invalid_input',
      message: 'La date de déclaration (23/11/2026) est postérieure à aujourd’hui (22/11/2026) : cochez la déclaration une fois faite dans KAIROS.'
    })
    expect(refusal(() => w.declare({ eventIds: [entry?.id ?? 0], declaredOn: '2026-11-15' })).message).toBe(
      'Déclaration refusée, rien n’a été enregistré : ALPHA Marie — entrée du 16/11/2026 : la date de déclaration (15/11/2026) précède la date de l’événement.'
    )
    expect(refusal(() => w.declare({ eventIds: [status?.id ?? 0, entry?.id ?? 0], declaredOn: '2026-11-20' })).message).toMatch(/ALPHA Marie — changement de statut du 22\/11\/2026 : cet événement ne se déclare pas dans KAIROS/)
    expect(listEnrolments(t.db, { declaration: 'any_pending' }, today)).toHaveLength(2)
    w.declare({ eventIds: [entry?.id ?? 0], declaredOn: '2026-11-20' })
    expect(refusal(() => w.declare({ eventIds: [entry?.id ?? 0], declaredOn: '2026-11-21' })).message).toMatch(/déjà déclaré\(e\) le 20\/11\/2026/)
    expect(refusal(() => w.declare({ enrolmentIds: [ids[0] ?? 0], declaredOn: '2026-11-21' })).message).toBe('Aucune déclaration KAIROS n’est en attente pour les inscriptions choisies.')
    expect(refusal(() => w.undeclare(status?.id ?? 0)).message).toMatch(/n’est pas marqué comme déclaré/)
    w.expectPendingConsistent()
  })

  it('follows the deadline as of the chosen day', () => {
    // Entered on Monday 16/11: due Thursday 19/11.
    expect(listEnrolments(t.db, { declaration: 'a_faire' }, '2026-11-19')).toHaveLength(2)
    expect(listEnrolments(t.db, { declaration: 'en_retard' }, '2026-11-19')).toHaveLength(0)
    expect(listEnrolments(t.db, { declaration: 'en_retard' }, '2026-11-20')).toHaveLength(2)
    // Before the event took place, nothing is pending.
    expect(listEnrolments(t.db, { declaration: 'any_pending' }, '2026-11-15')).toHaveLength(0)
    expect(listEnrolments(t.db, {}, '2026-11-15')[0]?.pendingDeclaration).toBeNull()
  })
})

describe('interruptions', () => {
  let id: number
  beforeEach(() => {
    t.db.prepare("UPDATE session SET start_date = '2026-09-01' WHERE id = ?").run(sessionId)
    id = w.enrol(sessionId, w.person('Dupré'))
    w.move([id], { to: 'entre', effectiveDate: '2026-09-01' })
    w.declare({ enrolmentIds: [id], declaredOn: '2026-09-01' })
  })

  it('records an interruption as an event to declare, shown on the row while it runs', () => {
    const detail = w.interrupt({ enrolmentId: id, startDate: '2026-11-02', reason: 'Arrêt maladie', comment: 'Certificat reçu' })
    expect(detail.interruptions).toEqual([{ id: expect.any(Number), enrolmentId: id, startDate: '2026-11-02', endDate: null, reason: 'Arrêt maladie', comment: 'Certificat reçu', days: null }])
    expect(ofKind(detail.events, 'interruption')).toMatchObject({ kind: 'interruption', effectiveDate: '2026-11-02', reasonLabel: 'Arrêt maladie', requiresDeclaration: true, declarationState: 'en_retard', dueDate: '2026-11-05' })
    expect(detail).toMatchObject({ interrupted: true, pendingDeclaration: { kind: 'interruption', effectiveDate: '2026-11-02' } })
    expect(listEnrolments(t.db, { sessionId }, '2026-11-01')[0]?.interrupted).toBe(false)
    expect(audits('interruptions.create')).toBe(1)
    w.expectPendingConsistent()
  })

  it('applies the rules: in training, more than 15 days, no overlap, not in the future', () => {
    expect(refusal(() => w.interrupt({ enrolmentId: id, startDate: '2026-11-02', endDate: '2026-11-16', reason: 'Maladie' })).message).toMatch(/dépasse 15 jours \(ici 15 jours\)/)
    expect(refusal(() => w.interrupt({ enrolmentId: id, startDate: '2026-09-01', endDate: '2026-09-30', reason: 'Maladie' })).message).toMatch(/commencer après la date d’entrée \(01\/09\/2026\)/)
    expect(refusal(() => w.interrupt({ enrolmentId: id, startDate: '2026-11-23', reason: 'Maladie' })).message).toMatch(/postérieur à aujourd’hui/)
    w.interrupt({ enrolmentId: id, startDate: '2026-10-01', endDate: '2026-10-20', reason: 'Maladie' })
    expect(refusal(() => w.interrupt({ enrolmentId: id, startDate: '2026-10-15', endDate: '2026-11-15', reason: 'Garde d’enfant' })).message).toBe('Cette interruption chevauche celle du 01/10/2026 au 20/10/2026.')
    const other = w.enrol(sessionId, w.person('Martin'))
    expect(refusal(() => w.interrupt({ enrolmentId: other, startDate: '2026-10-01', reason: 'Maladie' })).message).toMatch(/statut « Inscrit »/)
    w.expectPendingConsistent()
  })

  it('closes an interruption: one declaration carries both dates, unless the start was already declared', () => {
    const a = w.interrupt({ enrolmentId: id, startDate: '2026-09-14', reason: 'Maladie' }).interruptions[0]?.id ?? 0
    const closed = w.changeInterruption({ id: a, endDate: '2026-10-09' })
    expect(closed.interruptions[0]).toMatchObject({ endDate: '2026-10-09', days: 26 })
    expect(closed.events.filter((e) => e.kind === 'resumption')).toMatchObject([{ effectiveDate: '2026-10-09', requiresDeclaration: false }])
    expect(closed.pendingDeclaration).toMatchObject({ kind: 'interruption', effectiveDate: '2026-09-14' })

    const b = w.interrupt({ enrolmentId: id, startDate: '2026-10-19', reason: 'Garde d’enfant' }).interruptions[1]?.id ?? 0
    w.declare({ enrolmentIds: [id], declaredOn: '2026-10-21' })
    const afterClose = w.changeInterruption({ id: b, endDate: '2026-11-13' })
    // Friday 13/11 + 3 days is Monday 16/11: late on the 22nd.
    expect(latest(afterClose.events)).toMatchObject({ kind: 'resumption', effectiveDate: '2026-11-13', requiresDeclaration: true, declarationState: 'en_retard', dueDate: '2026-11-16' })
    expect(getEnrolment(t.db, id, today).pendingDeclaration).toMatchObject({ kind: 'resumption', state: 'en_retard' })
    w.expectPendingConsistent()
  })

  it('refuses to change or delete what KAIROS already has, until the tick is removed', () => {
    const detail = w.interrupt({ enrolmentId: id, startDate: '2026-10-01', endDate: '2026-10-30', reason: 'Maladie' })
    const iid = detail.interruptions[0]?.id ?? 0
    const eventId = ofKind(detail.events, 'interruption')?.id ?? 0
    w.declare({ eventIds: [eventId], declaredOn: '2026-10-02' })
    const declared = 'L’interruption du 01/10/2026 au 30/10/2026 a été déclarée dans KAIROS le 02/10/2026 : corrigez-la d’abord dans KAIROS, puis décochez sa déclaration ici avant de'
    expect(refusal(() => w.removeInterruption(iid)).message).toBe(`${declared} la supprimer.`)
    expect(refusal(() => w.changeInterruption({ id: iid, endDate: '2026-11-02' })).message).toBe(`${declared} changer sa date de fin.`)
    expect(refusal(() => w.changeInterruption({ id: iid, reason: 'Hospitalisation' })).message).toBe(`${declared} changer son motif.`)
    expect(w.changeInterruption({ id: iid, comment: 'Prolongation possible' }).interruptions[0]?.comment).toBe('Prolongation possible')

    w.undeclare(eventId)
    const after = w.removeInterruption(iid)
    expect(after.interruptions).toEqual([])
    expect(after.events.some((e) => e.kind === 'interruption')).toBe(false)
    expect(after.pendingDeclaration).toBeNull()
    expect(audits('interruptions.delete')).toBe(1)
    w.expectPendingConsistent()
  })

  it('reopens and deletes an undeclared interruption with its events', () => {
    const iid = w.interrupt({ enrolmentId: id, startDate: '2026-10-01', reason: 'Maladie' }).interruptions[0]?.id ?? 0
    w.changeInterruption({ id: iid, endDate: '2026-10-30' })
    expect(w.count('enrolment_event')).toBe(4)
    const reopened = w.changeInterruption({ id: iid, endDate: null })
    expect(reopened.interruptions[0]?.endDate).toBeNull()
    expect(reopened.events.some((e) => e.kind === 'resumption')).toBe(false)
    w.changeInterruption({ id: iid, endDate: '2026-10-31' })
    const gone = w.removeInterruption(iid)
    expect(gone.events.map((e) => e.kind)).toEqual(['status', 'entry'])
    w.expectPendingConsistent()
  })
})

describe('the enrolments grid', () => {
  it('filters by status, session, person, search and entry deadline', () => {
    const other = w.session({ label: 'ADVF Vannes', startDate: '2026-11-20', endDate: '2027-02-26' })
    const a = w.enrol(sessionId, w.person('Dupré', 'Hélène'))
    const b = w.enrol(sessionId, w.person('Martin', 'Paul'), 'a_valider')
    const c = w.enrol(other, w.person('Le Gall', 'Noé'))
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((x, y) => x - y)
    expect(ids(listEnrolments(t.db, {}, today))).toEqual([a, b, c])
    expect(listEnrolments(t.db, {}, today).map((r) => r.id)).toEqual([c, b, a])
    expect(ids(listEnrolments(t.db, { statuses: ['a_valider'] }, today))).toEqual([b])
    expect(ids(listEnrolments(t.db, { sessionId: other }, today))).toEqual([c])
    expect(ids(listEnrolments(t.db, { search: 'helene dup' }, today))).toEqual([a])
    expect(ids(listEnrolments(t.db, { search: 'martin', sessionId }, today))).toEqual([b])
    expect(ids(listEnrolments(t.db, { search: '100%' }, today))).toEqual([])
    // Session of 16/11 (due 19/11) is late on the 22nd; the one of Friday 20/11 is due Monday 23/11.
    expect(ids(listEnrolments(t.db, { entry: 'en_retard' }, today))).toEqual([a])
    expect(ids(listEnrolments(t.db, { entry: 'a_faire' }, today))).toEqual([c])
    expect(ids(listEnrolments(t.db, { entry: 'a_faire' }, '2026-11-19'))).toEqual([a])
    expect(listEnrolments(t.db, { limit: 1 }, today)).toHaveLength(1)
  })
})
