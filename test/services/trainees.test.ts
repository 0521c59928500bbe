import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import type { ServiceContext } from '../../electron/main/services/context'
import { createTrainee, deleteTrainee, getTrainee, listTrainees, updateTrainee } from '../../electron/main/services/trainees/traineeService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

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

  it('keeps the prescriber’s agency and the adviser’s e-mail: create, get, list, update, audit', () => {
    const created = createTrainee(
      ctx,
      input({
        lastName: 'Morvan',
        firstName: 'Gwenaëlle',
        prescriber: 'mission_locale',
        prescriberAgency: '  Mission locale du Pays de Lorient ',
        adviserName: 'Mme Cadiou',
        adviserEmail: ' C.Cadiou@ML-Lorient.example '
      })
    )
    // Trimmed; the e-mail's domain in lower case, as for the trainee's own e-mail.
    expect(created).toMatchObject({ prescriberAgency: 'Mission locale du Pays de Lorient', adviserName: 'Mme Cadiou', adviserEmail: 'C.Cadiou@ml-lorient.example' })
    expect(getTrainee(t.db, created.id)).toEqual(created)
    expect(listTrainees(t.db)).toEqual([created])
    expect(t.db.prepare('SELECT prescriber_agency, adviser_email FROM trainee WHERE id = ?').get(created.id)).toEqual({
      prescriber_agency: 'Mission locale du Pays de Lorient',
      adviser_email: 'C.Cadiou@ml-lorient.example'
    })
    // Not part of the person's search text: the agency's town would find everyone it sent.
    expect(listTrainees(t.db, 'mission')).toEqual([])

    const update = (changes: Record<string, unknown>) => updateTrainee(ctx, created.id, contract['trainees:update'].input.parse({ id: created.id, changes }).changes)
    const moved = update({ prescriberAgency: 'Mission locale de Quimperlé', adviserEmail: 'm.kerherve@exemple.fr' })
    expect(moved).toMatchObject({ prescriberAgency: 'Mission locale de Quimperlé', adviserName: 'Mme Cadiou', adviserEmail: 'm.kerherve@exemple.fr', city: null })
    const row = t.db.prepare("SELECT before_json, after_json FROM audit_log WHERE operation = 'trainees.update'").get() as { before_json: string; after_json: string }
    expect(JSON.parse(row.before_json)).toMatchObject({ prescriberAgency: 'Mission locale du Pays de Lorient', adviserEmail: 'C.Cadiou@ml-lorient.example' })
    expect(JSON.parse(row.after_json)).toMatchObject({ prescriberAgency: 'Mission locale de Quimperlé', adviserEmail: 'm.kerherve@exemple.fr' })
    // Another field changed alone leaves them as they are; blanks clear them.
    expect(update({ city: 'Quimperlé' })).toMatchObject({ prescriberAgency: 'Mission locale de Quimperlé', adviserEmail: 'm.kerherve@exemple.fr' })
    expect(update({ prescriberAgency: ' ', adviserEmail: '' })).toMatchObject({ prescriberAgency: null, adviserEmail: null, adviserName: 'Mme Cadiou' })
  })

  it('refuses an invalid adviser e-mail through the API, in French, naming the adviser, and saves nothing', async () => {
    const backend = { db: t.db, clock: fixedClock(), host: { kind: 'browser' as const, version: '0.0.0-test', dbPath: t.path } }
    const dispatch = createDispatch(backend, handlers, () => undefined)
    await dispatch('clerks:select', { name: 'Claire Martin' })
    const message = 'Adresse e-mail du conseiller invalide : « s.lebihan@francetravail ». Exemple : prenom.nom@exemple.fr'
    const refused = await dispatch('trainees:create', { lastName: 'Dupré', firstName: 'Marie', adviserEmail: 's.lebihan@francetravail' })
    expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', message, issues: [{ path: 'adviserEmail', message }] } })
    expect(t.db.prepare('SELECT count(*) FROM trainee').pluck().get()).toBe(0)

    const created = await dispatch('trainees:create', { lastName: 'Dupré', firstName: 'Marie', prescriberAgency: 'France Travail Lorient' })
    if (!created.ok) throw new Error(created.error.message)
    const id = (created.value as { id: number }).id
    const before = t.db.prepare('SELECT * FROM trainee').all()
    const auditBefore = t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const update = await dispatch('trainees:update', { id, changes: { adviserEmail: 'sophie le bihan@ml-lorient.fr', prescriberAgency: 'x'.repeat(121) } })
    expect(update).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!update.ok && update.error.issues).toEqual([
      { path: 'changes.prescriberAgency', message: 'L’agence prescriptrice : 120 caractères au maximum.' },
      { path: 'changes.adviserEmail', message: 'Adresse e-mail du conseiller invalide : « sophie le bihan@ml-lorient.fr ». Exemple : prenom.nom@exemple.fr' }
    ])
    expect(t.db.prepare('SELECT * FROM trainee').all()).toEqual(before)
    expect(t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore)
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
