import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { contract } from '@shared/api/contract'
import { todayIso } from '@shared/domain/dates'
import type { ServiceContext } from '../../electron/main/services/context'
import { createSession, getSession, listSessions } from '../../electron/main/services/catalogue/sessionService'
import { createTraining } from '../../electron/main/services/catalogue/trainingService'
import { cancelEvent, createEvents } from '../../electron/main/services/recruitment/eventService'
import {
  bookTrainees,
  listRegistrations,
  removeRegistration,
  setPresence,
  setRegistrationComment,
  setResult,
  transferRegistration
} from '../../electron/main/services/recruitment/registrationService'
import { createTrainee } from '../../electron/main/services/trainees/traineeService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

let t: TempDb
let ctx: ServiceContext
let today: string
let sessionId: number
/** 18/11/2026 (past, capacity 4), 25/11/2026 and 02/12/2026 (capacity 4): one weekly series. */
let ev: [number, number, number]

const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const person = (lastName: string, firstName = 'Marie') => createTrainee(ctx, contract['trainees:create'].input.parse({ lastName, firstName })).id
const book = (eventId: number, traineeIds: number[]) => bookTrainees(ctx, { eventId, traineeIds, newTrainees: [] })
const tab = (eventId: number, name: 'inscrits' | 'presence' | 'resultat') => listRegistrations(t.db, eventId, name).map((r) => r.lastName)
const writes = () => ['registration', 'registration_transfer', 'enrolment', 'enrolment_event', 'trainee', 'audit_log'].map(count)

function newSession(label: string): number {
  const training = createTraining(ctx, contract['trainings:create'].input.parse({ title: 'Titre professionnel Secrétaire assistant' }), today)
  return createSession(
    ctx,
    contract['sessions:create'].input.parse({ trainingId: training.id, label, startDate: '2027-01-11', endDate: '2027-06-30', capacity: 12, hoursCentre: 595, hoursCompany: 140 }),
    today
  ).id
}

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  today = todayIso(ctx.clock.now())
  sessionId = newSession('SA Lorient – janvier 2027')
  const series = createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId, kind: 'info_session', date: '2026-11-18', capacity: 4, repeatWeekly: 3 }))
  ev = series.map((e) => e.id) as [number, number, number]
})
afterEach(() => t.cleanup())

describe('booking', () => {
  it('books existing and new people, the new ones through the trainee registry', () => {
    const dupre = person('Dupré')
    const rows = bookTrainees(ctx, {
      eventId: ev[0],
      traineeIds: [dupre],
      newTrainees: [contract['trainees:create'].input.parse({ lastName: 'le gall', firstName: 'anne', ftId: '0676932w', phone: '06 12 34 56 78' })]
    })
    expect(rows.map((r) => [r.lastName, r.firstName, r.ftId, r.presence, r.result, r.resultCode])).toEqual([
      ['DUPRÉ', 'Marie', null, 'unknown', null, null],
      ['LE GALL', 'Anne', '0676932W', 'unknown', null, null]
    ])
    expect(count("audit_log WHERE operation = 'trainees.create'")).toBe(2)
    expect(count("audit_log WHERE operation = 'registrations.book'")).toBe(2)
    expect(tab(ev[0], 'inscrits')).toEqual(['DUPRÉ', 'LE GALL'])
  })

  it('refuses the whole booking when it exceeds the capacity, giving the places left', () => {
    book(ev[0], [person('A'), person('B')])
    const others = ['C', 'D', 'E'].map((n) => person(n))
    const before = writes()
    expect(() => bookTrainees(ctx, { eventId: ev[0], traineeIds: others, newTrainees: [] })).toThrow(/^Il reste 2 places sur cette réunion.*impossible d’en positionner 3/)
    expect(() =>
      bookTrainees(ctx, { eventId: ev[0], traineeIds: others.slice(0, 2), newTrainees: [contract['trainees:create'].input.parse({ lastName: 'Nouveau', firstName: 'Né' })] })
    ).toThrow(/Il reste 2 places/)
    expect(writes()).toEqual(before)
  })

  it('refuses someone already booked here, or on another slot of the session (suggesting a transfer)', () => {
    const dupre = person('Dupré')
    const martin = person('Martin', 'Paul')
    book(ev[0], [dupre])
    const before = writes()
    expect(() => book(ev[0], [martin, dupre])).toThrow(/Déjà positionné sur cette réunion : DUPRÉ Marie/)
    expect(() => book(ev[1], [martin, dupre])).toThrow(/autre réunion de cette session : DUPRÉ Marie \(l’information collective du 18\/11\/2026\).*Transférer/)
    expect(writes()).toEqual(before)
    // On another session, nothing prevents it.
    const other = newSession('SA Vannes')
    const [e] = createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId: other, kind: 'appointment', date: '2026-12-03' }))
    expect(book(e!.id, [dupre])).toHaveLength(1)
  })

  it('refuses a new person whose France Travail id is taken, booking nobody', () => {
    createTrainee(ctx, contract['trainees:create'].input.parse({ lastName: 'Dupré', firstName: 'Marie', ftId: '0676932W' }))
    const before = writes()
    expect(() =>
      bookTrainees(ctx, { eventId: ev[0], traineeIds: [person('Martin')], newTrainees: [contract['trainees:create'].input.parse({ lastName: 'X', firstName: 'Y', ftId: '0676932W' })] })
    ).toThrow(/déjà celui de DUPRÉ Marie/)
    expect(writes()).toEqual([before[0], before[1], before[2], before[3], (before[4] ?? 0) + 1, (before[5] ?? 0) + 1])
  })
})

describe('presence, results and the three tabs', () => {
  it('moves people between tabs as presence and results are entered', () => {
    const regs = book(ev[0], ['ABSENT', 'PRESENT', 'RETENU', 'NONRETENU'].map((n) => person(n)))
    const id = (name: string) => regs.find((r) => r.lastName === name)!.id
    expect(tab(ev[0], 'presence')).toHaveLength(4)
    expect(tab(ev[0], 'resultat')).toEqual([])

    const absent = setPresence(ctx, [id('ABSENT')], 'absent')
    expect(absent[0]).toMatchObject({ presence: 'absent', result: null, resultCode: 'ICA' })
    setPresence(ctx, [id('PRESENT'), id('RETENU'), id('NONRETENU')], 'present')
    expect(tab(ev[0], 'presence')).toEqual(['ABSENT'])
    expect(tab(ev[0], 'resultat')).toEqual(['NONRETENU', 'PRESENT', 'RETENU'])

    expect(setResult(ctx, [id('RETENU')], 'retenu')[0]).toMatchObject({ result: 'retenu', resultCode: 'ICR', enrolmentStatus: 'retenu' })
    expect(setResult(ctx, [id('NONRETENU')], 'non_retenu')[0]).toMatchObject({ result: 'non_retenu', resultCode: 'ICN', enrolmentId: null })
    expect(setResult(ctx, [id('PRESENT')], 'en_attente')[0]).toMatchObject({ result: 'en_attente', resultCode: null })
    expect(tab(ev[0], 'resultat')).toEqual(['NONRETENU', 'PRESENT'])
    expect(tab(ev[0], 'inscrits')).toEqual(['ABSENT', 'NONRETENU', 'PRESENT', 'RETENU'])
  })

  it('an absent person loses any result and becomes ICA', () => {
    const [r] = book(ev[0], [person('Dupré')])
    setPresence(ctx, [r!.id], 'present')
    setResult(ctx, [r!.id], 'non_retenu')
    expect(setPresence(ctx, [r!.id], 'absent')[0]).toMatchObject({ presence: 'absent', result: null, resultCode: 'ICA' })
    expect(setPresence(ctx, [r!.id], 'unknown')[0]).toMatchObject({ presence: 'unknown', result: null, resultCode: null })
  })

  it('gives results to present people only, naming the others, writing nothing', () => {
    const regs = book(ev[0], [person('Dupré'), person('Martin', 'Paul'), person('Le Gall', 'Anne')])
    const id = (name: string) => regs.find((r) => r.lastName === name)!.id
    setPresence(ctx, [id('DUPRÉ')], 'present')
    setPresence(ctx, [id('MARTIN')], 'absent')
    const before = writes()
    expect(() => setResult(ctx, regs.map((r) => r.id), 'retenu')).toThrow(
      /Seules les personnes présentes reçoivent un résultat ; ce n’est pas le cas de : LE GALL Anne \(présence non renseignée\), MARTIN Paul \(absent\)/
    )
    expect(writes()).toEqual(before)
  })

  it('retenu creates the enrolment in status retenu with its history, ready for an AIS', () => {
    const [r] = book(ev[0], [person('Dupré')])
    setPresence(ctx, [r!.id], 'present')
    const [row] = setResult(ctx, [r!.id], 'retenu')
    const enrolment = t.db.prepare('SELECT * FROM enrolment').get() as Record<string, unknown>
    expect(enrolment).toMatchObject({
      id: row!.enrolmentId,
      session_id: sessionId,
      trainee_id: r!.traineeId,
      registration_id: r!.id,
      status: 'retenu',
      status_since: '2026-11-18',
      planned_start_date: '2027-01-11',
      planned_end_date: '2027-06-30',
      planned_hours: 735,
      ais_status_code: 'ICR'
    })
    expect(t.db.prepare('SELECT kind, from_status, to_status, effective_date, recorded_by FROM enrolment_event').all()).toEqual([
      { kind: 'status', from_status: null, to_status: 'retenu', effective_date: '2026-11-18', recorded_by: 'Claire Martin' }
    ])
    expect(count("audit_log WHERE operation = 'enrolments.create'")).toBe(1)
    expect(count("audit_log WHERE operation = 'registrations.setResult'")).toBe(1)
    expect(listSessions(t.db, {}, today)[0]?.placesTaken).toBe(1)
    // Setting it again changes nothing.
    setResult(ctx, [r!.id], 'retenu')
    expect(count('enrolment_event')).toBe(1)
  })

  it('dates the enrolment today when the meeting is still to come', () => {
    const [r] = book(ev[2], [person('Dupré')])
    setPresence(ctx, [r!.id], 'present')
    setResult(ctx, [r!.id], 'retenu')
    expect(t.db.prepare('SELECT status_since FROM enrolment').get()).toEqual({ status_since: today })
  })

  it('takes up an enrolment that already exists instead of failing', () => {
    const dupre = person('Dupré')
    const existing = t.db
      .prepare("INSERT INTO enrolment (session_id, trainee_id, status, status_since, created_at, updated_at) VALUES (?, ?, 'positionne', '2026-11-02', 'x', 'x')")
      .run(sessionId, dupre).lastInsertRowid
    const [r] = book(ev[0], [dupre])
    setPresence(ctx, [r!.id], 'present')
    const [row] = setResult(ctx, [r!.id], 'retenu')
    expect(row).toMatchObject({ enrolmentId: Number(existing), enrolmentStatus: 'retenu' })
    expect(count('enrolment')).toBe(1)
    expect(t.db.prepare('SELECT from_status, to_status FROM enrolment_event').all()).toEqual([{ from_status: 'positionne', to_status: 'retenu' }])
    // Undoing goes back to where it was, with a correction event.
    setResult(ctx, [r!.id], null)
    expect(t.db.prepare('SELECT status FROM enrolment').get()).toEqual({ status: 'positionne' })
    expect(t.db.prepare("SELECT from_status, to_status FROM enrolment_event WHERE kind = 'correction'").all()).toEqual([{ from_status: 'retenu', to_status: 'positionne' }])
  })

  it('clears a retenu while the enrolment is still retenu, refuses once it moved on', () => {
    const regs = book(ev[0], [person('Dupré'), person('Martin', 'Paul')])
    const ids = regs.map((r) => r.id)
    setPresence(ctx, ids, 'present')
    setResult(ctx, ids, 'retenu')
    expect(count('enrolment')).toBe(2)
    expect(setResult(ctx, [ids[0]!], null)[0]).toMatchObject({ result: null, resultCode: null, enrolmentId: null })
    expect(count('enrolment')).toBe(1)
    expect(count("audit_log WHERE operation = 'enrolments.delete'")).toBe(1)

    t.db.prepare("UPDATE enrolment SET status = 'inscrit'").run()
    const before = writes()
    expect(() => setResult(ctx, [ids[1]!], 'non_retenu')).toThrow(/l’inscription en formation a déjà avancé pour MARTIN Paul \(Inscrit\)/)
    expect(() => setPresence(ctx, [ids[1]!], 'absent')).toThrow(/MARTIN Paul est retenu\(e\) : effacez d’abord le résultat/)
    expect(() => removeRegistration(ctx, ids[1]!)).toThrow(/est retenu\(e\)/)
    expect(writes()).toEqual(before)
  })
})

describe('transfers', () => {
  it('moves a booking to another slot of the session, resets presence and result, keeps the trace', () => {
    const [r] = book(ev[0], [person('Dupré')])
    setPresence(ctx, [r!.id], 'absent')
    const moved = transferRegistration(ctx, r!.id, ev[1], 'Absente pour raison médicale')
    expect(moved).toMatchObject({ id: r!.id, eventId: ev[1], presence: 'unknown', result: null, resultCode: null, transferredFrom: 'transféré depuis : Information collective du 18/11/2026' })
    expect(t.db.prepare('SELECT from_event_id, to_event_id, transferred_by, comment FROM registration_transfer').get()).toEqual({
      from_event_id: ev[0],
      to_event_id: ev[1],
      transferred_by: 'Claire Martin',
      comment: 'Absente pour raison médicale'
    })
    expect(tab(ev[0], 'inscrits')).toEqual([])
    expect(listRegistrations(t.db, ev[1], 'inscrits')[0]?.transferredFrom).toMatch(/18\/11\/2026/)
    expect(count("audit_log WHERE operation = 'registrations.transfer'")).toBe(1)
  })

  it('shows that the source was cancelled', () => {
    const [r] = book(ev[1], [person('Dupré')])
    cancelEvent(ctx, ev[1], 'Formatrice indisponible')
    expect(transferRegistration(ctx, r!.id, ev[2], null).transferredFrom).toBe('transféré depuis : Information collective du 25/11/2026 (annulée)')
  })

  it('refuses a cancelled, full or other-session target, and a retained person', () => {
    const [r] = book(ev[0], [person('Dupré')])
    book(ev[2], ['A', 'B', 'C', 'D'].map((n) => person(n)))
    const other = newSession('SA Vannes')
    const [elsewhere] = createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId: other, kind: 'info_session', date: '2026-12-03' }))
    cancelEvent(ctx, ev[1], null)
    const before = writes()
    expect(() => transferRegistration(ctx, r!.id, ev[1], null)).toThrow(/L’information collective du 25\/11\/2026 est annulée/)
    expect(() => transferRegistration(ctx, r!.id, ev[2], null)).toThrow(/02\/12\/2026 est complète.*Il ne reste aucune place/)
    expect(() => transferRegistration(ctx, r!.id, elsewhere!.id, null)).toThrow(/même session/)
    expect(() => transferRegistration(ctx, r!.id, 9999, null)).toThrow(/introuvable/)
    expect(() => transferRegistration(ctx, r!.id, ev[0], null)).toThrow(/déjà positionné/)
    setPresence(ctx, [r!.id], 'present')
    setResult(ctx, [r!.id], 'retenu')
    const afterRetain = writes()
    t.db.prepare('UPDATE recruitment_event SET cancelled_at = NULL WHERE id = ?').run(ev[1])
    expect(() => transferRegistration(ctx, r!.id, ev[1], null)).toThrow(/déjà retenu/)
    expect(writes()).toEqual(afterRetain)
    expect(before).toHaveLength(6)
  })

  it('refuses presence or results on a cancelled event: transfer first', () => {
    const [r] = book(ev[1], [person('Dupré')])
    cancelEvent(ctx, ev[1], null)
    expect(() => setPresence(ctx, [r!.id], 'present')).toThrow(/annulée pour DUPRÉ Marie : transférez/)
  })
})

describe('removing a booking', () => {
  it('removes a booking and its transfer history, audited', () => {
    const [r] = book(ev[0], [person('Dupré')])
    transferRegistration(ctx, r!.id, ev[1], null)
    expect(removeRegistration(ctx, r!.id)).toEqual({ id: r!.id })
    expect(count('registration') + count('registration_transfer')).toBe(0)
    expect(count("audit_log WHERE operation = 'registrations.remove'")).toBe(1)
    expect(getSession(t.db, sessionId, today).registrations).toBe(0)
  })
})

describe('who sent the candidate', () => {
  it('lists the prescriber, its agency and the adviser from the trainee record', () => {
    const sent = createTrainee(
      ctx,
      contract['trainees:create'].input.parse({
        lastName: 'Dupré',
        firstName: 'Marie',
        prescriber: 'mission_locale',
        prescriberAgency: 'Mission locale du Pays de Lorient',
        adviserName: 'Sophie Le Bihan',
        adviserEmail: 's.lebihan@ml-lorient.fr'
      })
    ).id
    book(ev[0], [sent, person('Martin', 'Paul')])
    expect(
      listRegistrations(t.db, ev[0], 'inscrits').map((r) => [r.lastName, r.prescriber, r.prescriberAgency, r.adviserName, r.adviserEmail])
    ).toEqual([
      ['DUPRÉ', 'mission_locale', 'Mission locale du Pays de Lorient', 'Sophie Le Bihan', 's.lebihan@ml-lorient.fr'],
      ['MARTIN', null, null, null, null]
    ])
  })
})

describe('comment of a booking', () => {
  const comment = (id: number) => (t.db.prepare('SELECT comment FROM registration WHERE id = ?').get(id) as { comment: string | null }).comment
  const audits = () =>
    (t.db.prepare("SELECT clerk_name, entity_id, before_json, after_json FROM audit_log WHERE operation = 'registrations.setComment' ORDER BY id").all() as {
      clerk_name: string
      entity_id: string
      before_json: string
      after_json: string
    }[]).map((a) => ({ clerk: a.clerk_name, id: Number(a.entity_id), before: (JSON.parse(a.before_json) as { comment: unknown }).comment, after: (JSON.parse(a.after_json) as { comment: unknown }).comment }))

  it('sets and clears the comment, each change audited with before and after', () => {
    const [r] = book(ev[0], [person('Dupré')])
    const set = setRegistrationComment(ctx, r!.id, 'Rappeler lundi : attend l’accord de sa conseillère')
    expect(set).toMatchObject({ id: r!.id, lastName: 'DUPRÉ', presence: 'unknown', comment: 'Rappeler lundi : attend l’accord de sa conseillère' })
    expect(listRegistrations(t.db, ev[0], 'inscrits')[0]?.comment).toBe('Rappeler lundi : attend l’accord de sa conseillère')
    // The same text again writes nothing.
    setRegistrationComment(ctx, r!.id, 'Rappeler lundi : attend l’accord de sa conseillère')
    expect(setRegistrationComment(ctx, r!.id, null).comment).toBeNull()
    expect(comment(r!.id)).toBeNull()
    expect(audits()).toEqual([
      { clerk: 'Claire Martin', id: r!.id, before: null, after: 'Rappeler lundi : attend l’accord de sa conseillère' },
      { clerk: 'Claire Martin', id: r!.id, before: 'Rappeler lundi : attend l’accord de sa conseillère', after: null }
    ])
  })

  it('goes through the contract: blank clears, more than 500 characters is refused in French and changes nothing', async () => {
    const [r] = book(ev[0], [person('Dupré')])
    const dispatch = createDispatch({ db: t.db, clock: fixedClock(), host: { kind: 'browser', version: '0.0.0-test', dbPath: t.path } }, handlers, () => undefined)
    await dispatch('clerks:select', { name: 'Claire Martin' })
    expect(await dispatch('registrations:setComment', { id: r!.id, comment: '  Vient avec sa conseillère  ' })).toMatchObject({ ok: true, value: { comment: 'Vient avec sa conseillère' } })
    const before = writes()
    const tooLong = await dispatch('registrations:setComment', { id: r!.id, comment: 'x'.repeat(501) })
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Le commentaire : 500 caractères au maximum.' } })
    expect(comment(r!.id)).toBe('Vient avec sa conseillère')
    expect(writes()).toEqual(before)
    expect(await dispatch('registrations:setComment', { id: r!.id, comment: 'x'.repeat(500) })).toMatchObject({ ok: true })
    expect(await dispatch('registrations:setComment', { id: r!.id, comment: '   ' })).toMatchObject({ ok: true, value: { comment: null } })
    expect(comment(r!.id)).toBeNull()
    expect(audits().map((a) => a.after)).toEqual(['Vient avec sa conseillère', 'x'.repeat(500), null])
  })

  it('refuses an unknown booking, and keeps a note on a cancelled slot', () => {
    const [r] = book(ev[1], [person('Dupré')])
    const before = writes()
    expect(() => setRegistrationComment(ctx, 9999, 'x')).toThrow(/Le positionnement n° 9999 est introuvable/)
    expect(writes()).toEqual(before)
    cancelEvent(ctx, ev[1], 'Formatrice indisponible')
    expect(setRegistrationComment(ctx, r!.id, 'À transférer sur le 02/12').comment).toBe('À transférer sur le 02/12')
  })
})
