import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { todayIso } from '@shared/domain/dates'
import type { ServiceContext } from '../../electron/main/services/context'
import { createSession, getSession, listSessions, sessionListQuery, updateSession } from '../../electron/main/services/catalogue/sessionService'
import { createTraining, getTraining, listTrainings, updateTraining } from '../../electron/main/services/catalogue/trainingService'
import { createEvents } from '../../electron/main/services/recruitment/eventService'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

let t: TempDb
let ctx: ServiceContext
let today: string

const trainingInput = (raw: Record<string, unknown>) => contract['trainings:create'].input.parse(raw)
const sessionInput = (raw: Record<string, unknown>) => contract['sessions:create'].input.parse(raw)
const sessionPatch = (raw: Record<string, unknown>) => contract['sessions:update'].input.parse({ id: 1, changes: raw }).changes
const count = (table: string) => (t.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
  today = todayIso(ctx.clock.now())
})
afterEach(() => t.cleanup())

/** A training and its session as the LHEO import writes them (source 'lheo'), with an action and funders. */
function lheoCatalogue(): { trainingId: number; sessionId: number; actionId: number } {
  const db = t.db
  const org = db.prepare("INSERT INTO partner_org (kind, name, created_at, updated_at) VALUES ('responsible', 'GRETA Bretagne Sud', 'x', 'x')").run().lastInsertRowid
  const trainer = db.prepare("INSERT INTO partner_org (kind, name, created_at, updated_at) VALUES ('trainer', 'GRETA Lorient', 'x', 'x')").run().lastInsertRowid
  const place = db.prepare("INSERT INTO place (name, city, created_at) VALUES ('Lycée Dupuy de Lôme', 'Lorient', 'x')").run().lastInsertRowid
  const trainingId = Number(
    db
      .prepare(
        `INSERT INTO training (intercarif_formation_id, title, formacode, objective_code, total_hours, responsible_org_id, source,
           lheo_imported_at, created_at, updated_at)
         VALUES ('53_1262663', 'Titre professionnel Secrétaire assistant', '35054', 6, 735, ?, 'lheo', '2026-10-01T08:00:00Z', 'x', 'x')`
      )
      .run(org).lastInsertRowid
  )
  const actionId = Number(
    db
      .prepare(
        `INSERT INTO training_action (training_id, intercarif_action_id, places, hours_total, hours_centre, hours_company, entry_mode,
           funders_json, trainer_org_id, place_id, created_at, updated_at)
         VALUES (?, '53_1330305', 14, 735, 595, 140, 'fixed', ?, ?, ?, 'x', 'x')`
      )
      .run(trainingId, JSON.stringify([{ code: '2', label: 'Conseil régional de Bretagne' }]), trainer, place).lastInsertRowid
  )
  const sessionId = Number(
    db
      .prepare(
        `INSERT INTO session (training_id, action_id, intercarif_session_id, start_date, end_date, place_id, capacity, source, created_at, updated_at)
         VALUES (?, ?, '103725', '2027-01-11', '2027-06-30', ?, 14, 'lheo', 'x', 'x')`
      )
      .run(trainingId, actionId, place).lastInsertRowid
  )
  db.prepare("INSERT INTO session_funder (session_id, funder_code, label) VALUES (?, '3', 'Fonds social européen (FSE+)')").run(sessionId)
  return { trainingId, sessionId, actionId }
}

function enrol(sessionId: number, status: string, name = 'DUPRÉ'): void {
  const trainee = t.db.prepare("INSERT INTO trainee (last_name, first_name, created_at, updated_at) VALUES (?, 'Marie', 'x', 'x')").run(name).lastInsertRowid
  t.db
    .prepare("INSERT INTO enrolment (session_id, trainee_id, status, status_since, created_at, updated_at) VALUES (?, ?, ?, '2026-11-01', 'x', 'x')")
    .run(sessionId, trainee, status)
}

describe('trainings', () => {
  it('creates a training by hand, audited, and lists it with its sessions and next start', () => {
    const created = createTraining(ctx, trainingInput({ title: 'Agent de propreté et d’hygiène', formacode: '42829', totalHours: 490 }), today)
    expect(created).toMatchObject({ title: 'Agent de propreté et d’hygiène', source: 'local', sessionCount: 0, nextStart: null, actions: [] })
    const audit = t.db.prepare("SELECT clerk_name, entity, entity_id FROM audit_log WHERE operation = 'trainings.create'").get()
    expect(audit).toEqual({ clerk_name: 'Claire Martin', entity: 'training', entity_id: String(created.id) })

    createSession(ctx, sessionInput({ trainingId: created.id, startDate: '2026-09-01', endDate: '2026-12-18' }), today)
    createSession(ctx, sessionInput({ trainingId: created.id, startDate: '2027-03-01', endDate: '2027-06-30' }), today)
    createSession(ctx, sessionInput({ trainingId: created.id, startDate: '2027-01-11', endDate: '2027-05-30' }), today)
    const [row] = listTrainings(t.db, { today })
    expect(row).toMatchObject({ id: created.id, sessionCount: 3, nextStart: '2027-01-11', missingFromSource: false })
    expect(listTrainings(t.db, { today, search: 'PROPRETE' })).toHaveLength(1)
    expect(listTrainings(t.db, { today, search: 'cuisine' })).toHaveLength(0)
  })

  it('shows the actions of an LHEO training with their funders, trainer and place', () => {
    const { trainingId, actionId } = lheoCatalogue()
    const detail = getTraining(t.db, trainingId, today)
    expect(detail).toMatchObject({ source: 'lheo', responsibleOrgName: 'GRETA Bretagne Sud', sessionCount: 1, nextStart: '2027-01-11' })
    expect(detail.actions).toEqual([
      expect.objectContaining({
        id: actionId,
        intercarifActionId: '53_1330305',
        hoursCentre: 595,
        entryMode: 'fixed',
        trainerName: 'GRETA Lorient',
        placeLabel: 'Lycée Dupuy de Lôme, Lorient',
        funders: [
          { code: '2', label: 'Conseil régional de Bretagne' },
          { code: '3', label: 'Fonds social européen (FSE+)' }
        ]
      })
    ])
  })

  it('updates a local training and logs before/after', () => {
    const created = createTraining(ctx, trainingInput({ title: 'Agent de propreté', totalHours: 490 }), today)
    const after = updateTraining(ctx, created.id, { totalHours: 525 }, today)
    expect(after.totalHours).toBe(525)
    const row = t.db.prepare("SELECT before_json, after_json FROM audit_log WHERE operation = 'trainings.update'").get() as { before_json: string; after_json: string }
    expect(JSON.parse(row.before_json).totalHours).toBe(490)
    expect(JSON.parse(row.after_json).totalHours).toBe(525)
  })

  it('refuses to correct an LHEO training locally: it is corrected at the CARIF-OREF and re-imported', () => {
    const { trainingId } = lheoCatalogue()
    const audits = count('audit_log')
    expect(() => updateTraining(ctx, trainingId, { title: 'Secrétaire assistante' }, today)).toThrow(/CARIF-OREF.*nouvel import/)
    expect(getTraining(t.db, trainingId, today).title).toBe('Titre professionnel Secrétaire assistant')
    expect(count('audit_log')).toBe(audits)
  })

  it('refuses an InterCarif formation number already used', () => {
    lheoCatalogue()
    expect(() => createTraining(ctx, trainingInput({ title: 'Copie', intercarifFormationId: '53_1262663' }), today)).toThrow(/déjà celui de « Titre professionnel/)
    expect(count('training')).toBe(1)
  })
})

describe('sessions', () => {
  it('creates a session by hand, finding or creating its place', () => {
    const training = createTraining(ctx, trainingInput({ title: 'Agent de propreté' }), today)
    const a = createSession(
      ctx,
      sessionInput({ trainingId: training.id, label: 'APH Vannes', startDate: '2027-01-11', endDate: '2027-04-30', placeName: 'Centre Kercado', placeCity: 'Vannes', capacity: 12, hoursCentre: 350, hoursCompany: 140, weeklyHours: [7, 7, 7, 7, 7, 0, 0] }),
      today
    )
    expect(a).toMatchObject({ placeName: 'Centre Kercado', placeCity: 'Vannes', capacity: 12, placesTaken: 0, recruitmentState: 'open', entryMode: 'fixed', source: 'local', weeklyHours: [7, 7, 7, 7, 7, 0, 0] })
    const b = createSession(ctx, sessionInput({ trainingId: training.id, startDate: '2027-05-03', endDate: '2027-08-30', placeName: 'centre kercado', placeCity: 'VANNES' }), today)
    expect(b.placeName).toBe('Centre Kercado')
    expect(count('place')).toBe(1)
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'sessions.create'").get()).toEqual({ n: 2 })
  })

  it('refuses a session of an unknown training, writing nothing', () => {
    expect(() => createSession(ctx, sessionInput({ trainingId: 99, startDate: '2027-01-11', endDate: '2027-04-30', placeName: 'X' }), today)).toThrow(/formation n° 99 est introuvable/)
    expect(count('session') + count('place') + count('audit_log')).toBe(0)
  })

  it('lists with places taken, funders, InterCarif numbers and the next event not cancelled', () => {
    const { sessionId } = lheoCatalogue()
    for (const status of ['retenu', 'a_valider', 'inscrit', 'entre', 'positionne', 'sorti', 'abandon', 'annule', 'non_retenu']) enrol(sessionId, status, status.toUpperCase())
    const [past] = createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId, kind: 'info_session', date: '2026-11-10' }))
    const [cancelled] = createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId, kind: 'info_session', date: '2026-11-24' }))
    createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId, kind: 'appointment', date: '2026-12-03' }))
    expect(past).toBeDefined()
    t.db.prepare("UPDATE recruitment_event SET cancelled_at = 'x' WHERE id = ?").run(cancelled?.id)
    const [row] = listSessions(t.db, {}, today)
    expect(row).toMatchObject({
      id: sessionId,
      trainingTitle: 'Titre professionnel Secrétaire assistant',
      intercarifFormationId: '53_1262663',
      intercarifActionId: '53_1330305',
      intercarifSessionId: '103725',
      placeName: 'Lycée Dupuy de Lôme',
      placeCity: 'Lorient',
      capacity: 14,
      placesTaken: 4,
      funders: ['Fonds social européen (FSE+)'],
      nextEventDate: '2026-12-03',
      missingFromSource: false,
      source: 'lheo'
    })
    const detail = getSession(t.db, sessionId, today)
    expect(detail.enrolmentsByStatus).toMatchObject({ retenu: 1, inscrit: 1, annule: 1 })
    expect(detail.events).toBe(3)
    expect(detail.registrations).toBe(0)
    expect(detail.warnings).toEqual([])
  })

  it('falls back on the action’s funders and filters by training, activity and recruitment state', () => {
    const { sessionId, trainingId } = lheoCatalogue()
    t.db.prepare('DELETE FROM session_funder WHERE session_id = ?').run(sessionId)
    expect(listSessions(t.db, {}, today)[0]?.funders).toEqual(['Conseil régional de Bretagne'])
    const other = createTraining(ctx, trainingInput({ title: 'Agent de propreté' }), today)
    const old = createSession(ctx, sessionInput({ trainingId: other.id, startDate: '2026-01-05', endDate: '2026-06-30', recruitmentState: 'closed' }), today)
    expect(listSessions(t.db, { trainingId }, today).map((s) => s.id)).toEqual([sessionId])
    expect(listSessions(t.db, { activeFrom: today }, today).map((s) => s.id)).toEqual([sessionId])
    expect(listSessions(t.db, { recruitmentState: 'closed' }, today).map((s) => s.id)).toEqual([old.id])
    expect(listSessions(t.db, {}, today).map((s) => s.id)).toEqual([old.id, sessionId])
  })

  it('warns in the detail when recruitment is open without any slot to come', () => {
    const { sessionId } = lheoCatalogue()
    expect(getSession(t.db, sessionId, today).warnings).toEqual(['Session Titre professionnel Secrétaire assistant n° 103725 du 11/01/2027 : recrutement ouvert sans créneau à venir'])
  })

  it('updates local fields of a session without resetting the others', () => {
    const training = createTraining(ctx, trainingInput({ title: 'Agent de propreté' }), today)
    const s = createSession(ctx, sessionInput({ trainingId: training.id, startDate: '2027-01-11', endDate: '2027-04-30', recruitmentState: 'suspended', entryMode: 'permanent' }), today)
    const after = updateSession(ctx, s.id, sessionPatch({ capacity: 10 }), today)
    expect(after).toMatchObject({ capacity: 10, recruitmentState: 'suspended', entryMode: 'permanent' })
    const moved = updateSession(ctx, s.id, sessionPatch({ endDate: '2027-05-31', placeName: 'Centre Kercado', placeCity: 'Vannes', trainerName: 'Anne Le Gall' }), today)
    expect(moved).toMatchObject({ endDate: '2027-05-31', startDate: '2027-01-11', placeName: 'Centre Kercado', trainerName: 'Anne Le Gall' })
    const audit = t.db.prepare("SELECT before_json, after_json FROM audit_log WHERE operation = 'sessions.update' ORDER BY id DESC").get() as { before_json: string; after_json: string }
    expect(JSON.parse(audit.before_json).endDate).toBe('2027-04-30')
    expect(JSON.parse(audit.after_json).endDate).toBe('2027-05-31')
  })

  it('refuses an end before the start, or before a planned recruitment event', () => {
    const training = createTraining(ctx, trainingInput({ title: 'Agent de propreté' }), today)
    const s = createSession(ctx, sessionInput({ trainingId: training.id, startDate: '2027-01-11', endDate: '2027-04-30' }), today)
    createEvents(ctx, contract['recruitment:createEvents'].input.parse({ sessionId: s.id, kind: 'info_session', date: '2027-02-01' }))
    const audits = count('audit_log')
    expect(() => updateSession(ctx, s.id, sessionPatch({ endDate: '2027-01-05' }), today)).toThrow(/précède la date de début/)
    expect(() => updateSession(ctx, s.id, sessionPatch({ endDate: '2027-01-31' }), today)).toThrow(/01\/02\/2027, après la nouvelle date de fin/)
    expect(getSession(t.db, s.id, today).endDate).toBe('2027-04-30')
    expect(count('audit_log')).toBe(audits)
  })

  it('keeps the catalogue dates of an LHEO session, but lets the clerk change local fields', () => {
    const { sessionId } = lheoCatalogue()
    const audits = count('audit_log')
    expect(() => updateSession(ctx, sessionId, sessionPatch({ startDate: '2027-01-18' }), today)).toThrow(/CARIF-OREF.*la date de début se corrige à la CARIF-OREF/)
    expect(() => updateSession(ctx, sessionId, sessionPatch({ endDate: '2027-07-02', recruitmentState: 'closed' }), today)).toThrow(/la date de fin/)
    expect(getSession(t.db, sessionId, today)).toMatchObject({ startDate: '2027-01-11', endDate: '2027-06-30', recruitmentState: 'open' })
    expect(count('audit_log')).toBe(audits)
    const after = updateSession(
      ctx,
      sessionId,
      sessionPatch({ startDate: '2027-01-11', recruitmentState: 'suspended', weeklyHours: [7, 7, 7, 7, 7, 0, 0], trainerName: 'Anne Le Gall', referentName: 'Paul Morvan' }),
      today
    )
    expect(after).toMatchObject({ recruitmentState: 'suspended', weeklyHours: [7, 7, 7, 7, 7, 0, 0], trainerName: 'Anne Le Gall', referentName: 'Paul Morvan', startDate: '2027-01-11' })
  })

  it('lists sessions with indexed lookups only (no scan of enrolments nor events)', () => {
    const { sessionId } = lheoCatalogue()
    enrol(sessionId, 'inscrit')
    for (const filter of [{}, { trainingId: 1 }, { activeFrom: today, recruitmentState: 'open' as const }]) {
      const { sql, params } = sessionListQuery(filter, today)
      const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((p) => p.detail)
      expect(plan.filter((d) => /^SCAN/.test(d) && !/^SCAN s\b/.test(d)), plan.join('\n')).toEqual([])
      expect(plan.some((d) => /SEARCH e USING COVERING INDEX enrolment_session_status/.test(d)), plan.join('\n')).toBe(true)
      expect(plan.some((d) => /SEARCH r USING (COVERING )?INDEX recruitment_event_session/.test(d)), plan.join('\n')).toBe(true)
    }
  })
})
