import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type Input } from '@shared/api/contract'
import { dayOfWeek, todayIso } from '@shared/domain/dates'
import type { ServiceContext } from '../../electron/main/services/context'
import { createSession, getSession } from '../../electron/main/services/catalogue/sessionService'
import { createTraining } from '../../electron/main/services/catalogue/trainingService'
import {
  cancelEvent,
  createEvents,
  deleteEvent,
  duplicateEvent,
  eventListQuery,
  firstEvent,
  getEvent,
  listEvents,
  updateEvent
} from '../../electron/main/services/recruitment/eventService'
import { bookTrainees, setPresence, setResult, transferRegistration } from '../../electron/main/services/recruitment/registrationService'
import { listRecruitmentWarnings } from '../../electron/main/services/recruitment/warningService'
import { createTrainee } from '../../electron/main/services/trainees/traineeService'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

let t: TempDb
let ctx: ServiceContext
let today: string
let sessionId: number

const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const events = (raw: Omit<Input<'recruitment:createEvents'>, 'sessionId' | 'kind'> & { kind?: Input<'recruitment:createEvents'>['kind']; sessionId?: number }) =>
  createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId, kind: 'info_session', ...raw }))
const changes = (raw: Record<string, unknown>) => contract['recruitment:updateEvent'].input.parse({ id: 1, changes: raw }).changes
const person = (lastName: string) => createTrainee(ctx, contract['trainees:create'].input.parse({ lastName, firstName: 'Marie' })).id
const book = (eventId: number, traineeIds: number[]) => bookTrainees(ctx, { eventId, traineeIds, newTrainees: [] })

function newSession(raw: Record<string, unknown> = {}): number {
  const training = createTraining(ctx, contract['trainings:create'].input.parse({ title: 'Titre professionnel Secrétaire assistant' }), today)
  return createSession(
    ctx,
    contract['sessions:create'].input.parse({ trainingId: training.id, label: 'SA Lorient – janvier 2027', startDate: '2027-01-11', endDate: '2027-06-30', placeName: 'Centre Lorient Sud', placeCity: 'Lorient', ...raw }),
    today
  ).id
}

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  today = todayIso(ctx.clock.now())
  sessionId = newSession()
})
afterEach(() => t.cleanup())

describe('recruitment events', () => {
  it('creates one event held where the session is, audited', () => {
    const [e] = events({ date: '2026-12-01', startTime: '09:30', endTime: '12:00', capacity: 12, comment: 'Salle 2' })
    expect(e).toMatchObject({
      sessionId,
      sessionLabel: 'SA Lorient – janvier 2027',
      trainingTitle: 'Titre professionnel Secrétaire assistant',
      kind: 'info_session',
      date: '2026-12-01',
      place: 'Centre Lorient Sud',
      capacity: 12,
      booked: 0,
      seriesId: null,
      cancelled: false
    })
    expect(t.db.prepare("SELECT entity, entity_id FROM audit_log WHERE operation = 'recruitment.createEvent'").all()).toEqual([{ entity: 'recruitment_event', entity_id: String(e?.id) }])
  })

  it('creates a weekly series: same weekday every week, one series id', () => {
    const series = events({ date: '2026-12-01', startTime: '09:30', endTime: '12:00', place: 'Salle Ty Breizh', repeatWeekly: 6 })
    expect(series.map((e) => e.date)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29', '2027-01-05'])
    expect(new Set(series.map((e) => dayOfWeek(e.date)))).toEqual(new Set([2]))
    const ids = new Set(series.map((e) => e.seriesId))
    expect(ids.size).toBe(1)
    expect([...ids][0]).toMatch(/\w{8}-/)
    expect(series.every((e) => e.place === 'Salle Ty Breizh' && e.startTime === '09:30')).toBe(true)
    expect(count("audit_log WHERE operation = 'recruitment.createEvent'")).toBe(6)
  })

  it('refuses dates after the session end, an end time before the start, writing nothing', () => {
    const before = count('recruitment_event') + count('audit_log')
    expect(() => events({ date: '2027-07-01' })).toThrow(/après la fin de la session \(30\/06\/2027\)/)
    expect(() => events({ date: '2027-06-15', repeatWeekly: 4 })).toThrow(/^La réunion du 06\/07\/2027/)
    expect(() => events({ date: '2026-12-01', startTime: '14:00', endTime: '13:30' })).toThrow(/heure de fin \(13:30\) doit être après/)
    expect(contract['recruitment:createEvents'].input.safeParse({ sessionId, kind: 'info_session', date: '2026-12-01', capacity: 0 }).success).toBe(false)
    expect(count('recruitment_event') + count('audit_log')).toBe(before)
  })

  it('lists events with their booked, present, absent and retained counts', () => {
    const [a, b] = events({ date: '2026-11-18', capacity: 10, repeatWeekly: 2 })
    const ids = ['DUPRÉ', 'MARTIN', 'LE GALL', 'MORVAN'].map(person)
    const regs = book(a!.id, ids)
    setPresence(ctx, regs.slice(0, 3).map((r) => r.id), 'present')
    setPresence(ctx, [regs[3]!.id], 'absent')
    setResult(ctx, [regs[0]!.id, regs[1]!.id], 'retenu')
    setResult(ctx, [regs[2]!.id], 'non_retenu')
    const rows = listEvents(t.db, { sessionId, includeCancelled: true })
    expect(rows.map((r) => [r.date, r.booked, r.present, r.absent, r.retained])).toEqual([
      ['2026-11-18', 4, 3, 1, 2],
      ['2026-11-25', 0, 0, 0, 0]
    ])
    expect(listEvents(t.db, { from: '2026-11-20', includeCancelled: true }).map((r) => r.id)).toEqual([b!.id])
  })

  it('finds the slot opened first as the screen does: next one not cancelled nor over, else the last', () => {
    const [a, b, c] = events({ date: '2026-11-18', repeatWeekly: 3 })
    cancelEvent(ctx, b!.id, null)
    const all = { sessionId, includeCancelled: true }
    expect(firstEvent(t.db, all, '2026-11-19')).toMatchObject({ id: c!.id, date: '2026-12-02', booked: 0 })
    expect(firstEvent(t.db, all, '2026-11-18')?.id).toBe(a!.id)
    expect(firstEvent(t.db, all, '2026-12-03')?.id).toBe(c!.id)
    cancelEvent(ctx, c!.id, null)
    expect(firstEvent(t.db, all, '2026-11-19')?.id).toBe(c!.id)
    expect(firstEvent(t.db, { ...all, includeCancelled: false }, '2026-11-19')?.id).toBe(a!.id)
    expect(firstEvent(t.db, { from: '2027-01-01', includeCancelled: true }, '2026-11-19')).toBeNull()
  })

  it('updates an event, refusing a capacity below the people booked', () => {
    const [e] = events({ date: '2026-12-01', capacity: 12 })
    book(e!.id, [person('DUPRÉ'), person('MARTIN')])
    const after = updateEvent(ctx, e!.id, changes({ date: '2026-12-02', startTime: '14:00', endTime: '16:30', place: 'Salle 3', capacity: 2 }))
    expect(after).toMatchObject({ date: '2026-12-02', startTime: '14:00', endTime: '16:30', place: 'Salle 3', capacity: 2, booked: 2 })
    expect(() => updateEvent(ctx, e!.id, changes({ capacity: 1 }))).toThrow(/2 personnes sont déjà positionnées/)
    expect(() => updateEvent(ctx, e!.id, changes({ date: '2027-08-01' }))).toThrow(/après la fin de la session/)
    expect(getEvent(t.db, e!.id)).toMatchObject({ date: '2026-12-02', capacity: 2 })
    expect(count("audit_log WHERE operation = 'recruitment.updateEvent'")).toBe(1)
  })

  it('duplicates an event to a new date, without its bookings', () => {
    const [e] = events({ kind: 'application_window', date: '2026-12-01', endDate: '2026-12-10', startTime: '09:00', endTime: '17:00', capacity: 20, comment: 'Dossier en ligne' })
    book(e!.id, [person('DUPRÉ')])
    const copy = duplicateEvent(ctx, e!.id, '2027-01-04')
    expect(copy).toMatchObject({ kind: 'application_window', date: '2027-01-04', endDate: '2027-01-13', startTime: '09:00', capacity: 20, comment: 'Dossier en ligne', booked: 0, seriesId: null })
    expect(copy.id).not.toBe(e!.id)
    expect(() => duplicateEvent(ctx, e!.id, '2027-06-25')).toThrow(/fin de la période \(04\/07\/2027\)/)
  })

  it('cancels an event: kept, shown as cancelled, no new booking', () => {
    const [e] = events({ date: '2026-12-01', capacity: 12 })
    book(e!.id, [person('DUPRÉ')])
    const cancelled = cancelEvent(ctx, e!.id, 'Formatrice indisponible')
    expect(cancelled).toMatchObject({ cancelled: true, cancelReason: 'Formatrice indisponible', booked: 1 })
    expect(listEvents(t.db, { sessionId, includeCancelled: false })).toEqual([])
    expect(listEvents(t.db, { sessionId, includeCancelled: true })).toHaveLength(1)
    const other = person('MARTIN')
    const regs = count('registration')
    expect(() => book(e!.id, [other])).toThrow(/L’information collective du 01\/12\/2026 est annulée/)
    expect(count('registration')).toBe(regs)
    expect(() => cancelEvent(ctx, e!.id, null)).toThrow(/déjà annulée/)
    expect(() => updateEvent(ctx, e!.id, changes({ date: '2026-12-03' }))).toThrow(/annulée : seul son commentaire/)
    expect(updateEvent(ctx, e!.id, changes({ comment: 'Reportée' })).comment).toBe('Reportée')
  })

  it('deletes an event only when nobody is booked, else suggests cancelling it', () => {
    const [a, b] = events({ date: '2026-12-01', repeatWeekly: 2 })
    book(a!.id, [person('DUPRÉ')])
    expect(() => deleteEvent(ctx, a!.id)).toThrow(/1 personne y est positionnée.*Annulez-la plutôt/)
    expect(count('recruitment_event')).toBe(2)
    expect(deleteEvent(ctx, b!.id)).toEqual({ id: b!.id })
    expect(() => getEvent(t.db, b!.id)).toThrow(/introuvable/)
    expect(count("audit_log WHERE operation = 'recruitment.deleteEvent'")).toBe(1)
  })

  it('refuses to delete an event people were transferred from', () => {
    const [a, b] = events({ date: '2026-12-01', repeatWeekly: 2 })
    const [reg] = book(a!.id, [person('DUPRÉ')])
    transferRegistration(ctx, reg!.id, b!.id, null)
    expect(() => deleteEvent(ctx, a!.id)).toThrow(/transférées.*Annulez-la plutôt/)
  })

  it('lists events with indexed lookups only (no scan of registrations)', () => {
    const [e] = events({ date: '2026-12-01' })
    book(e!.id, [person('DUPRÉ')])
    for (const filter of [{ includeCancelled: true }, { sessionId, includeCancelled: false }, { from: today, includeCancelled: true }]) {
      const { sql, params } = eventListQuery(filter)
      const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((p) => p.detail)
      expect(plan.filter((d) => /^SCAN (g|registration|e|enrolment)\b/.test(d)), plan.join('\n')).toEqual([])
      expect(plan.some((d) => /SEARCH g USING .*INDEX sqlite_autoindex_registration_1 \(event_id=\?\)/.test(d)), plan.join('\n')).toBe(true)
      if ('sessionId' in filter) expect(plan.some((d) => /SEARCH r USING INDEX recruitment_event_session/.test(d)), plan.join('\n')).toBe(true)
      if ('from' in filter) expect(plan.some((d) => /SEARCH r USING INDEX recruitment_event_date/.test(d)), plan.join('\n')).toBe(true)
    }
  })
})

describe('recruitment warnings', () => {
  it('warns about an open session without a slot to come, until one is planned', () => {
    expect(listRecruitmentWarnings(t.db, today)).toEqual([
      { kind: 'no_future_slot', sessionId, eventId: null, message: 'Session SA Lorient – janvier 2027 : recrutement ouvert sans créneau à venir' }
    ])
    const [past] = events({ date: '2026-11-10' })
    expect(listRecruitmentWarnings(t.db, today)).toHaveLength(1)
    const [next] = events({ date: today })
    expect(listRecruitmentWarnings(t.db, today)).toEqual([])
    cancelEvent(ctx, next!.id, null)
    expect(listRecruitmentWarnings(t.db, today).map((w) => w.kind)).toEqual(['no_future_slot'])
    expect(past).toBeDefined()
  })

  it('counts an application window still running as a slot', () => {
    events({ kind: 'application_window', date: '2026-11-01', endDate: '2026-12-15' })
    expect(listRecruitmentWarnings(t.db, today)).toEqual([])
  })

  it('is quiet for closed or suspended recruitment and for ended sessions', () => {
    t.db.prepare("UPDATE session SET recruitment_state = 'closed'").run()
    const ended = newSession({ label: 'SA Vannes – 2026', startDate: '2026-03-02', endDate: '2026-10-30' })
    const suspended = newSession({ label: 'SA Auray', recruitmentState: 'suspended' })
    expect(listRecruitmentWarnings(t.db, today)).toEqual([])
    expect([ended, suspended]).toHaveLength(2)
  })

  it('flags an event with more people booked than places', () => {
    const [e] = events({ date: '2026-12-01', capacity: 3 })
    book(e!.id, ['A', 'B', 'C'].map(person))
    // Capacity changed outside the grid (an older database, an import): the warning says so.
    t.db.prepare('UPDATE recruitment_event SET capacity = 2 WHERE id = ?').run(e!.id)
    expect(listRecruitmentWarnings(t.db, today)).toEqual([
      { kind: 'over_capacity', sessionId, eventId: e!.id, message: 'Session SA Lorient – janvier 2027 : 3 personnes positionnées sur la réunion du 01/12/2026 pour 2 places' }
    ])
    expect(getSession(t.db, sessionId, today).warnings).toEqual(['Session SA Lorient – janvier 2027 : 3 personnes positionnées sur la réunion du 01/12/2026 pour 2 places'])
  })
})
