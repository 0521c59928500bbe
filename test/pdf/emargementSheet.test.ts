import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { renderEmargement } from '../../electron/main/pdf/templates/emargement'
import { loadOrganisation } from '../../electron/main/services/documents/documentData'
import { emargementData } from '../../electron/main/services/documents/emargementData'
import { saveSchedule, saveSubjects } from '../../electron/main/services/sessions/scheduleService'
import type { ServiceContext } from '../../electron/main/services/context'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { documentsWorld } from '../services/documentsWorld'
import { pdfPages, renderWithPoppler } from './pdfText'

// Sign-in sheets assembled from a real database (timetable, ledger, enrolments) and rendered.
// PDF_OUT=/some/dir keeps the PDFs to look at (pdftoppm).
let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

const norm = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ')
const flat = (s: string) => s.replace(/\s+/g, ' ')
const issue = (ctx: ServiceContext) => ({ organisation: loadOrganisation(ctx.db), issuedOn: '2026-12-02', issuedAt: '2026-12-02T09:00:00.000Z' })

async function sheet(ctx: ServiceContext, sessionId: number, day: string, name: string) {
  const data = emargementData(ctx.db, sessionId, day, issue(ctx))
  const bytes = await renderEmargement(data)
  if (process.env.PDF_OUT) {
    mkdirSync(process.env.PDF_OUT, { recursive: true })
    writeFileSync(join(process.env.PDF_OUT, `${name}.pdf`), bytes)
  }
  const pages = (await pdfPages(bytes)).map(norm)
  expect(renderWithPoppler(bytes)).toBe(pages.length)
  return { data, pages, text: pages.join('\n') }
}

function world() {
  const ctx = serviceContext(t.db, fixedClock('2026-12-02T09:00:00.000Z'))
  const w = documentsWorld(ctx)
  t.db.prepare("UPDATE session SET trainer_name = 'Gwénaëlle Tanguy', weekly_hours_json = '[7,7,7,7,3.5,0,0]' WHERE id = ?").run(w.sessionId)
  t.db.prepare("UPDATE training_action SET intercarif_action_id = 'AF_0042' WHERE id = (SELECT action_id FROM session WHERE id = ?)").run(w.sessionId)
  return { ctx, w }
}

describe('feuille d’émargement from the session’s timetable', () => {
  it('one week, 12 trainees: real times, no afternoon on a 3,5-hour Friday, a trainer cell per half-day, subjects', async () => {
    const { ctx, w } = world()
    w.trainees(w.sessionId, 12, '2026-09-07', 'KERGOAT')
    saveSubjects(ctx, w.sessionId, [
      { date: '2026-11-16', half: 'am', subject: 'Module 1 – accueil physique' },
      { date: '2026-11-20', half: 'am', subject: 'Évaluation en cours de formation' }
    ])
    const { data, text, pages } = await sheet(ctx, w.sessionId, '2026-11-18', 'semaine-12')
    expect(data.days.map((d) => d.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'])
    expect(data.days[4]?.pm).toBeNull()
    expect(data.rows).toHaveLength(12)
    expect(data.rows.every((r) => r.cells.length === 9 && r.cells.every((c) => c.kind === 'sign'))).toBe(true)
    expect(text).toContain('Semaine du 16 novembre 2026 au 20 novembre 2026')
    expect(text).toContain('9h00–12h30')
    expect(text).toContain('13h30–17h00')
    expect(flat(text)).toContain('Module 1 – accueil physique')
    expect(text).toContain('Ven. 20/11')
    // 5 mornings + 4 afternoons, each with its times; the Friday has no afternoon.
    expect(text.match(/Après-midi/g)?.length).toBe(4 * pages.length)
    for (const page of pages) {
      expect(flat(page)).toContain('Signature du formateur ou de la formatrice')
      expect(page).toContain('Titre professionnel Secrétaire assistant')
      expect(page).toContain('session 103725')
    }
  })

  it('a week with 11 November: the holiday is a column marked FÉRIÉ; struck cells before entry, after exit, in an interruption', async () => {
    const { ctx, w } = world()
    const ids = w.trainees(w.sessionId, 5, '2026-09-07', 'LE GALL')
    const late = w.trainee(w.sessionId, 'ÉVENO', 'Nolwenn', '2026-11-12')
    w.move([ids[0] ?? 0], { to: 'sorti', effectiveDate: '2026-11-10', reasonCode: 'fin_prevue' })
    w.interrupt({ enrolmentId: ids[1] ?? 0, startDate: '2026-11-12', endDate: '2026-11-30', reason: 'Maladie' })
    // Someone entering later is not on this week's sheet.
    w.trainee(w.sessionId, 'ZÉLIE', 'Tardive', '2026-11-23')
    // Nor, on a past week, someone registered who never entered.
    w.enrol(w.sessionId, w.person('YVINEC', 'Jamais'), 'inscrit')
    const { data, text } = await sheet(ctx, w.sessionId, '2026-11-09', 'ferie-11-novembre')
    expect(data.days.find((d) => d.date === '2026-11-11')?.closed).toEqual({ kind: 'holiday', label: 'Armistice 1918' })
    expect(text).toContain('FÉRIÉ')
    expect(flat(text)).toContain('Armistice 1918')
    expect(text).not.toContain('ZÉLIE')
    expect(text).not.toContain('YVINEC')
    const row = (name: string) => data.rows.find((r) => r.trainee.lastName.startsWith(name))
    // Columns: Mon am/pm, Tue am/pm, Thu am/pm, Fri am (the holiday has none).
    expect(row('ÉVENO')?.cells.map((c) => c.kind)).toEqual(['struck', 'struck', 'struck', 'struck', 'sign', 'sign', 'sign'])
    expect(row('ÉVENO')?.note).toBe('entrée le 12/11/2026')
    expect(late).toBeGreaterThan(0)
    const exited = data.rows.find((r) => r.note?.startsWith('sortie'))
    expect(exited?.cells.map((c) => c.kind)).toEqual(['sign', 'sign', 'sign', 'sign', 'struck', 'struck', 'struck'])
    const interrupted = data.rows.find((r) => r.note === 'interruption')
    expect(interrupted?.cells.slice(4)).toEqual([{ kind: 'struck', reason: 'interruption' }, { kind: 'struck', reason: 'interruption' }, { kind: 'struck', reason: 'interruption' }])
    expect(text).toContain('avant l’entrée')
    expect(text).toContain('après la sortie')
    expect(text).toContain('entrée le 12/11/2026')
    // ÉVENO sorts with the E (French collation), before KERGOAT-like names and after « LE GALL »? No: E < L.
    expect(data.rows[0]?.trainee.lastName).toBe('ÉVENO')
  })

  it('a week not over yet also lists someone registered and due to start, struck before the planned start', () => {
    const { ctx, w } = world()
    w.trainees(w.sessionId, 2)
    const id = w.enrol(w.sessionId, w.person('YVINEC', 'Prévue'), 'inscrit')
    t.db.prepare("UPDATE enrolment SET planned_start_date = '2026-12-09' WHERE id = ?").run(id)
    const data = emargementData(ctx.db, w.sessionId, '2026-12-07', issue(ctx))
    const row = data.rows.find((r) => r.trainee.lastName === 'YVINEC')
    expect(row?.note).toBe('entrée prévue le 09/12/2026')
    expect(row?.cells.map((c) => c.kind)).toEqual(['struck', 'struck', 'struck', 'struck', 'sign', 'sign', 'sign', 'sign', 'sign'])
    expect(emargementData(ctx.db, w.sessionId, '2026-11-30', issue(ctx)).rows.some((r) => r.trainee.lastName === 'YVINEC')).toBe(false)
  })

  it('a session closure shows FERMETURE; a saved timetable prints its own times', async () => {
    const { ctx, w } = world()
    w.trainees(w.sessionId, 3)
    w.sessionBreak(w.sessionId, '2026-11-19', '2026-11-20', 'Pont de formation')
    const week = [8, 8, 8, 8, 3, 0, 0].map((h) => ({ am: h > 0 ? { start: '08:30', end: h > 4 ? '12:30' : '11:30' } : null, pm: h > 4 ? { start: '13:30', end: '17:30' } : null }))
    saveSchedule(ctx, w.sessionId, week)
    const { text } = await sheet(ctx, w.sessionId, '2026-11-16', 'fermeture')
    expect(text).toContain('8h30–12h30')
    expect(text).toContain('13h30–17h30')
    expect(text).toContain('FERMÉ')
    expect(flat(text)).toContain('Pont de formation')
  })

  it('40 trainees: several pages, each with the identity, the headers and the trainer’s row', async () => {
    const { ctx, w } = world()
    w.trainees(w.sessionId, 40)
    const { pages } = await sheet(ctx, w.sessionId, '2026-11-16', 'quarante')
    expect(pages.length).toBeGreaterThanOrEqual(2)
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('Titre professionnel Secrétaire assistant')
      expect(page).toContain('N° Intercarif')
      expect(page).toContain('Lieu')
      expect(page).toContain('Lundi 16/11')
      expect(flat(page)).toContain('Semaine du 16 novembre 2026 au 20 novembre 2026')
      expect(flat(page)).toContain('Signature du formateur ou de la formatrice')
      expect(page).toContain('Gwénaëlle Tanguy')
      expect(page).toContain(`Page ${i + 1} / ${pages.length}`)
    }
    const all = pages.join('\n')
    for (let i = 1; i <= 40; i++) expect(all).toContain(`STAGIAIRE ${String(i).padStart(4, '0')}`)
  })

  it('refuses a week outside the session and a week with nobody in training', () => {
    const { ctx, w } = world()
    expect(refusal(() => emargementData(ctx.db, w.sessionId, '2026-11-16', issue(ctx))).message).toContain('Personne n’est en formation')
    expect(refusal(() => emargementData(ctx.db, w.sessionId, '2027-06-07', issue(ctx))).message).toContain('ne se tient pas cette semaine-là')
    expect(contract['sessions:saveSubjects'].input.safeParse({ sessionId: 1, subjects: [{ date: '2026-11-16', half: 'soir', subject: 'x' }] }).success).toBe(false)
  })
})
