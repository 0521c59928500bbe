import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ServiceContext } from '../../electron/main/services/context'
import { decodeExtras } from '../../electron/main/import/lheo'
import { importLheoFile } from '../../electron/main/services/lheo/importCatalogue'
import { LheoJobs } from '../../electron/main/services/lheo/lheoJobs'
import { writeLargeLheo } from '../bench/lheoFixture'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { LHEO_SAMPLES } from '../helpers/reference'

const SAMPLES = LHEO_SAMPLES
const CVL = join(SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml')
const VALID_SAMPLES = ['intercarif_centre-val-de-loire_07_10.xml', 'intercarif_normandie_04_A815385.xml', 'onisep_bts-nrc_9436_18706.xml']

let t: TempDb
let ctx: ServiceContext
beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
})
afterEach(() => t.cleanup())

/** Counted by libxml2, independently of our reader. */
function xpathCount(file: string, element: string): number {
  const r = spawnSync('xmllint', ['--xpath', `count(//*[local-name()='${element}'])`, file], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return Number(r.stdout.trim())
}

const count = (table: string, where = '1'): number => t.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number
const tableCounts = () => Object.fromEntries(['training', 'training_action', 'session', 'session_funder', 'place', 'partner_org', 'catalogue_import', 'audit_log'].map((x) => [x, count(x)]))

function variant(edit: (xml: string) => string): string {
  const path = join(t.dir, 'variant.xml')
  writeFileSync(path, edit(readFileSync(CVL, 'utf8')))
  return path
}

describe('LHEO import into the catalogue', () => {
  it.each(VALID_SAMPLES)('imports %s with exactly the formations, actions and sessions the file holds', async (name) => {
    const file = join(SAMPLES, name)
    const { summary } = await importLheoFile(ctx, file)
    const expected = { formations: xpathCount(file, 'formation'), actions: xpathCount(file, 'action'), sessions: xpathCount(file, 'session') }
    expect(summary.formations.created).toBe(expected.formations)
    expect(summary.actions.created).toBe(expected.actions)
    expect(summary.sessions.created).toBe(expected.sessions)
    expect(count('training', "source = 'lheo'")).toBe(expected.formations)
    expect(count('training_action')).toBe(expected.actions)
    expect(count('session', "source = 'lheo'")).toBe(expected.sessions)
  })

  it('maps the Centre-Val de Loire file onto trainings, actions and sessions', async () => {
    await importLheoFile(ctx, CVL)
    const training = t.db.prepare("SELECT * FROM training WHERE intercarif_formation_id = '07_10'").get() as Record<string, unknown>
    expect(training.title).toBe('Titre professionnel plaquiste')
    expect(training.source).toBe('lheo')
    const sessions = t.db
      .prepare("SELECT s.intercarif_session_id, s.start_date, s.end_date, a.intercarif_action_id FROM session s JOIN training_action a ON a.id = s.action_id ORDER BY s.intercarif_session_id")
      .all()
    expect(sessions).toEqual([
      { intercarif_session_id: '114782', start_date: '2017-12-04', end_date: '2018-06-01', intercarif_action_id: '07_114782' },
      { intercarif_session_id: '123324', start_date: '2017-10-30', end_date: '2018-06-01', intercarif_action_id: '07_123324' }
    ])
    expect(count('session_funder')).toBeGreaterThan(0)
    expect(count('catalogue_import')).toBe(1)
    expect(count('audit_log', "operation = 'lheo.import'")).toBe(1)
  })

  it('re-imports the same file as unchanged', async () => {
    await importLheoFile(ctx, CVL)
    const { summary } = await importLheoFile(ctx, CVL)
    expect(summary.formations).toEqual({ created: 0, updated: 0, unchanged: 1 })
    expect(summary.actions).toEqual({ created: 0, updated: 0, unchanged: 2 })
    expect(summary.sessions).toEqual({ created: 0, updated: 0, unchanged: 2 })
  })

  it('updates catalogue fields in place and never touches local work; missing sessions are flagged, not deleted', async () => {
    await importLheoFile(ctx, CVL)
    const session = t.db.prepare("SELECT id, training_id FROM session WHERE intercarif_session_id = '123324'").get() as { id: number; training_id: number }
    // Local work on the imported session: a recruitment event, a booking, an enrolment, attendance.
    t.db.prepare("UPDATE session SET trainer_name = 'Paul Morel', weekly_hours_json = '[7,7,7,7,7,0,0]' WHERE id = ?").run(session.id)
    const event = t.db.prepare("INSERT INTO recruitment_event (session_id, kind, date, created_at, updated_at) VALUES (?, 'info_session', '2017-10-10', 'x', 'x')").run(session.id).lastInsertRowid
    const trainee = t.db.prepare("INSERT INTO trainee (last_name, first_name, created_at, updated_at) VALUES ('DUPRÉ', 'Marie', 'x', 'x')").run().lastInsertRowid
    t.db.prepare("INSERT INTO registration (event_id, trainee_id, presence, result, result_code, created_at, updated_at) VALUES (?, ?, 'present', 'retenu', 'ICR', 'x', 'x')").run(event, trainee)
    const enrolment = t.db.prepare("INSERT INTO enrolment (session_id, trainee_id, status, status_since, entry_date, created_at, updated_at) VALUES (?, ?, 'entre', '2017-10-30', '2017-10-30', 'x', 'x')").run(session.id, trainee).lastInsertRowid
    t.db.prepare("INSERT INTO attendance_day (enrolment_id, date, hours, updated_at, updated_by) VALUES (?, '2017-10-30', 7, 'x', 'Claire')").run(enrolment)
    const before = t.db.prepare('SELECT * FROM recruitment_event').all()

    const edited = variant((xml) => xml.replace('Titre professionnel plaquiste', 'Titre professionnel plaquiste (session 2018)').replace('<session numero="123324"', '<session numero="999999"'))
    const { summary } = await importLheoFile(ctx, edited)
    expect(summary.formations).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect(summary.sessions).toEqual({ created: 1, updated: 0, unchanged: 1 })
    expect(summary.missingSessions).toBe(1)

    expect(t.db.prepare('SELECT title FROM training WHERE id = ?').pluck().get(session.training_id)).toBe('Titre professionnel plaquiste (session 2018)')
    const kept = t.db.prepare('SELECT missing_from_source_at, trainer_name, weekly_hours_json FROM session WHERE id = ?').get(session.id) as Record<string, string | null>
    expect(kept.missing_from_source_at).not.toBeNull()
    expect(kept.trainer_name).toBe('Paul Morel')
    expect(kept.weekly_hours_json).toBe('[7,7,7,7,7,0,0]')
    expect(t.db.prepare('SELECT * FROM recruitment_event').all()).toEqual(before)
    expect(count('registration')).toBe(1)
    expect(count('enrolment', "status = 'entre'")).toBe(1)
    expect(count('attendance_day')).toBe(1)

    // The session comes back in a later file: the flag is lifted.
    const { summary: again } = await importLheoFile(ctx, CVL)
    expect(again.missingSessions).toBe(1) // now 999999 is the one missing
    expect(t.db.prepare('SELECT missing_from_source_at FROM session WHERE id = ?').pluck().get(session.id)).toBeNull()
  })

  it('a session listed twice in a new action is created once', async () => {
    const doubled = variant((xml) => xml.replace(/(<session numero="114782"[\s\S]*?<\/session>)/, '$1$1'))
    const { summary } = await importLheoFile(ctx, doubled)
    expect(summary.sessions).toEqual({ created: 2, updated: 0, unchanged: 1 })
    expect(count('session', "intercarif_session_id = '114782'")).toBe(1)
  })

  it("stores extras as JSON data, with the formation's web address and dates", async () => {
    await importLheoFile(ctx, CVL)
    const training = JSON.parse(t.db.prepare("SELECT lheo_extras_json FROM training WHERE intercarif_formation_id = '07_10'").pluck().get() as string) as { url: string; createdOn: string; extras: unknown[] }
    expect(training.url).toMatch(/^http/)
    expect(training.createdOn).toBe('2001-05-03')
    expect(decodeExtras(JSON.stringify(training.extras))[0]?.name).toBe('organisme-formation-responsable')
    const session = decodeExtras(t.db.prepare("SELECT lheo_extras_json FROM session WHERE intercarif_session_id = '114782'").pluck().get() as string)
    const cpf = session.filter((e) => e.attributes.info === 'eligibilite-cpf')
    expect(cpf.map((e) => e.attributes.numero)).toEqual(['130805', '1487', '167204', '18320'])
    expect(cpf[1]?.children.filter((c) => c.attributes.info === 'branche').map((c) => c.text)).toEqual(['23.61Z', '23.62Z'])
  })

  it('writes nothing on a dry run', async () => {
    const before = tableCounts()
    const { summary } = await importLheoFile(ctx, CVL, { dryRun: true })
    expect(summary.sessions.created).toBe(2)
    expect(tableCounts()).toEqual(before)
  })

  it.each([
    ['anotea_intercarif-data-test.xml', /coordonneFs.*ligne 14/],
    ['legacy-1.3/lheo-1.3_exemple-photographe.xml', /Version LHEO non prise en charge/],
    ['../edof/Exemple_de_catalogue_a_importer_v7r0.xml', /format EDOF/]
  ])('refuses %s with a French message and writes nothing', async (name, message) => {
    const before = tableCounts()
    await expect(importLheoFile(ctx, join(SAMPLES, name))).rejects.toThrow(message)
    expect(tableCounts()).toEqual(before)
  })

  it('refuses a file that is not XML', async () => {
    const path = join(t.dir, 'liste.xml')
    writeFileSync(path, 'Nom;Prénom\nDUPRÉ;Marie\n')
    await expect(importLheoFile(ctx, path)).rejects.toThrow(/pas un XML valide/)
    expect(count('training')).toBe(0)
  })
})

describe('import jobs (preview, apply, cancel)', () => {
  it('previews without writing, then applies in one go', async () => {
    const jobs = new LheoJobs()
    const started = jobs.startPreview(ctx, 'offre.xml', readFileSync(CVL))
    expect(started.state).toBe('running')
    const preview = await jobs.settled(started.id)
    expect(preview).toMatchObject({ state: 'done', progress: 1, version: '2.2', summary: { sessions: { created: 2 } } })
    expect(count('session')).toBe(0)
    const started2 = jobs.apply(ctx, preview.id)
    expect(started2).toMatchObject({ kind: 'apply', state: 'running' })
    expect(() => jobs.apply(ctx, preview.id)).toThrow(/déjà été importé/)
    const applied = await jobs.settled(started2.id)
    expect(applied).toMatchObject({ kind: 'apply', state: 'done', progress: 1, summary: { sessions: { created: 2 } } })
    expect(count('session')).toBe(2)
    // Written by the worker's own connection, audited with the clerk and the context's time.
    expect(t.db.prepare("SELECT clerk_name, at FROM audit_log WHERE operation = 'lheo.import'").get()).toEqual({ clerk_name: ctx.actor.name, at: ctx.clock.now().toISOString() })
  })

  it('reports a refused file as a failed job, with the element and line', async () => {
    const jobs = new LheoJobs()
    const started = jobs.startPreview(ctx, 'anotea.xml', readFileSync(join(SAMPLES, 'anotea_intercarif-data-test.xml')))
    const done = await jobs.settled(started.id)
    expect(done.state).toBe('failed')
    expect(done.error).toMatch(/coordonneFs/)
  })

  it('cancels an import being written: rolled back, nothing written', async () => {
    const big = join(t.dir, 'big.xml')
    writeLargeLheo(big, 400)
    const jobs = new LheoJobs()
    const preview = await jobs.settled(jobs.startPreview(ctx, 'big.xml', readFileSync(big)).id)
    expect(preview.state).toBe('done')
    const started = jobs.apply(ctx, preview.id)
    jobs.cancel(started.id)
    const done = await jobs.settled(started.id)
    expect(done.state).toBe('cancelled')
    expect(done.error).toMatch(/rien n’a été enregistré/)
    expect(count('training')).toBe(0)
    expect(t.db.inTransaction).toBe(false)
    // The database is free again: another import writes.
    const again = await jobs.settled(jobs.apply(ctx, (await jobs.settled(jobs.startPreview(ctx, 'offre.xml', readFileSync(CVL)).id)).id).id)
    expect(again.state).toBe('done')
    expect(count('training')).toBe(1)
  })

  it('cancels a preview: nothing can be applied', async () => {
    const jobs = new LheoJobs()
    const started = jobs.startPreview(ctx, 'offre.xml', readFileSync(CVL))
    const cancelled = jobs.cancel(started.id)
    const done = await jobs.settled(cancelled.id)
    expect(['cancelled', 'done']).toContain(done.state)
    if (done.state === 'done') jobs.cancel(done.id)
    expect(jobs.get(started.id).state).toBe('cancelled')
    expect(() => jobs.apply(ctx, started.id)).toThrow()
    expect(count('session')).toBe(0)
  })
})
