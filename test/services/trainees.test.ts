import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../shared/api/contract'
import type { ServiceContext } from '../../electron/main/services/context'
import { createTrainee, deleteTrainee, getTrainee, listTrainees, updateTrainee } from '../../electron/main/services/trainees/traineeService'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

let t: TempDb
let ctx: ServiceContext
const input = (raw: Record<string, unknown>) => contract['trainees:create'].input.parse(raw)

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
})
afterEach(() => t.cleanup())

function enrol(traineeId: number): void {
  const db = t.db
  const training = db.prepare("INSERT INTO training (title, created_at, updated_at) VALUES ('Titre pro', 'x', 'x')").run().lastInsertRowid
  const session = db.prepare("INSERT INTO session (training_id, start_date, end_date, created_at, updated_at) VALUES (?, '2026-09-01', '2027-01-31', 'x', 'x')").run(training).lastInsertRowid
  db.prepare("INSERT INTO enrolment (session_id, trainee_id, status, status_since, created_at, updated_at) VALUES (?, ?, 'inscrit', '2026-08-20', 'x', 'x')").run(session, traineeId)
}

describe('trainees registry', () => {
  it('creates with names in France Travail style and audits who did it', () => {
    const created = createTrainee(ctx, input({ lastName: 'lefèvre', firstName: 'jean-éric', ftId: '0676932w', birthDate: '1990-02-28' }))
    expect(created).toMatchObject({ lastName: 'LEFÈVRE', firstName: 'Jean-Éric', ftId: '0676932W', enrolmentCount: 0 })
    const audit = t.db.prepare('SELECT clerk_name, operation, entity_id, before_json, after_json FROM audit_log').get() as Record<string, string | null>
    expect(audit).toMatchObject({ clerk_name: 'Claire Martin', operation: 'trainees.create', entity_id: String(created.id), before_json: null })
    expect(JSON.parse(audit.after_json!)).toMatchObject({ lastName: 'LEFÈVRE' })
  })

  it('finds people whatever the accents and case, by several words', () => {
    createTrainee(ctx, input({ lastName: 'Dupré', firstName: 'Marie', city: 'Lorient' }))
    createTrainee(ctx, input({ lastName: 'Dupont', firstName: 'Marc' }))
    expect(listTrainees(t.db, 'dupre').map((x) => x.lastName)).toEqual(['DUPRÉ'])
    expect(listTrainees(t.db, 'DUP mar').map((x) => x.firstName)).toEqual(['Marc', 'Marie'])
    expect(listTrainees(t.db, 'lorient').map((x) => x.lastName)).toEqual(['DUPRÉ'])
    expect(listTrainees(t.db, '100%_')).toEqual([])
  })

  it('refuses a France Travail id already used by someone else', () => {
    createTrainee(ctx, input({ lastName: 'Dupré', firstName: 'Marie', ftId: '0676932W' }))
    expect(() => createTrainee(ctx, input({ lastName: 'Martin', firstName: 'Paul', ftId: '0676932w' }))).toThrow(/déjà celui de DUPRÉ Marie/)
    expect(listTrainees(t.db)).toHaveLength(1)
  })

  it('refuses an impossible birth date', () => {
    expect(() => createTrainee(ctx, input({ lastName: 'A', firstName: 'B', birthDate: '2030-01-01' }))).toThrow()
    expect(listTrainees(t.db)).toHaveLength(0)
  })

  it('updates one field, keeps the others and logs before/after', () => {
    const p = createTrainee(ctx, input({ lastName: 'Dupré', firstName: 'Marie', city: 'Vannes' }))
    const changes = contract['trainees:update'].input.parse({ id: p.id, changes: { city: 'Lorient', email: '' } }).changes
    const after = updateTrainee(ctx, p.id, changes)
    expect(after).toMatchObject({ lastName: 'DUPRÉ', city: 'Lorient', email: null })
    const row = t.db.prepare("SELECT before_json, after_json FROM audit_log WHERE operation = 'trainees.update'").get() as { before_json: string; after_json: string }
    expect(JSON.parse(row.before_json).city).toBe('Vannes')
    expect(JSON.parse(row.after_json).city).toBe('Lorient')
  })

  it('refuses to delete a person with enrolments, deletes otherwise', () => {
    const a = createTrainee(ctx, input({ lastName: 'Dupré', firstName: 'Marie' }))
    const b = createTrainee(ctx, input({ lastName: 'Martin', firstName: 'Paul' }))
    enrol(a.id)
    expect(() => deleteTrainee(ctx, a.id)).toThrow(/1 inscription en formation/)
    expect(getTrainee(t.db, a.id).enrolmentCount).toBe(1)
    expect(deleteTrainee(ctx, b.id)).toEqual({ id: b.id })
    expect(() => getTrainee(t.db, b.id)).toThrow(/introuvable/)
  })
})
