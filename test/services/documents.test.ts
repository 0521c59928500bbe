import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type Input } from '@shared/api/contract'
import type { DocumentJob } from '@shared/api/areas/documents'
import { documentJobsFor } from '../../electron/main/services/documents/documentJobs'
import { listDocuments, readDocumentFile } from '../../electron/main/services/documents/documentRegister'
import { saveExitReport } from '../../electron/main/services/exitReports/exitReportService'
import type { ServiceContext } from '../../electron/main/services/context'
import { refusal } from '../helpers/enrolmentWorld'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { pdfPages } from '../pdf/pdfText'
import { documentsWorld } from './documentsWorld'

let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

async function generate(ctx: ServiceContext, raw: Input<'documents:generate'>): Promise<DocumentJob> {
  const jobs = documentJobsFor(ctx.db)
  const job = jobs.start(ctx, contract['documents:generate'].input.parse(raw))
  return jobs.settled(job.id)
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const text = async (path: string) => (await pdfPages(readFileSync(path))).join('\n').replace(/[\u202f\u00a0]/g, ' ')

describe('documents: generation on a worker thread, register', () => {
  it('certificates only for retenu/inscrit; files named as a clerk expects, recorded with their SHA-256', async () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const inscrit = w.enrol(w.sessionId, w.person('Dupont', 'Marie'), 'inscrit')
    const retenu = w.enrol(w.sessionId, w.person('Lefèvre', 'Élodie'), 'retenu')
    const entered = w.trainee(w.sessionId, 'Ménard', 'Anaïs')
    t.db.prepare("UPDATE enrolment SET funding = 'region' WHERE id IN (?, ?)").run(inscrit, retenu)

    const r = refusal(() => documentJobsFor(t.db).start(ctx, contract['documents:generate'].input.parse({ kind: 'certificat_inscription', enrolmentIds: [inscrit, entered] })))
    expect(r.code).toBe('refused')
    expect(r.message).toContain('MÉNARD Anaïs')
    expect(r.message).toContain('retenu ou inscrit')

    const job = await generate(ctx, { kind: 'certificat_inscription', sessionId: w.sessionId, output: 'files' })
    expect(job.state).toBe('done')
    expect(job.done).toBe(2)
    expect(job.total).toBe(2)
    const names = job.documents.map((d) => d.fileName).sort()
    expect(names).toEqual(["2026-11 Certificat d'inscription - DUPONT Marie.pdf", "2026-11 Certificat d'inscription - LEFÈVRE Élodie.pdf"])
    for (const d of job.documents) {
      expect(dirname(d.path)).toBe(join(t.dir, 'Documents générés', '2026-11'))
      expect(d.sha256).toBe(sha(d.path))
      expect(d.sizeBytes).toBe(readFileSync(d.path).length)
      expect(d.generatedBy).toBe('Claire Martin')
      expect(d.enrolmentId === inscrit || d.enrolmentId === retenu).toBe(true)
    }
    const dupont = job.documents.find((d) => d.enrolmentId === inscrit)
    expect(await text(dupont?.path ?? '')).toContain('est inscrit(e)')
    const lefevre = job.documents.find((d) => d.enrolmentId === retenu)
    const pre = await text(lefevre?.path ?? '')
    expect(pre).toContain('a été retenu(e)')
    // Only retenu: the title says it is not an enrolment yet.
    expect(pre).toContain('ATTESTATION DE PRÉ-INSCRIPTION')
    expect(pre).not.toContain('CERTIFICAT D’INSCRIPTION')
    expect(listDocuments(t.db, { sessionId: w.sessionId, kind: 'certificat_inscription' })).toHaveLength(2)
  })

  it('regenerating keeps the earlier file: « (2) » and a supersedes chain', async () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const a = w.trainee(w.sessionId, 'Dupont', 'Marie', '2026-09-07', '0676932W')
    w.attend(a, [['2026-11-02', 7, null], ['2026-11-03', 7.5, null]])
    const first = await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: [a] })
    const second = await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: [a] })
    const third = await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: [a] })
    const [d1, d2, d3] = [first.documents[0], second.documents[0], third.documents[0]]
    expect(d1?.fileName).toBe('2026-11 Certificat de réalisation - DUPONT Marie.pdf')
    expect(d2?.fileName).toBe('2026-11 Certificat de réalisation - DUPONT Marie (2).pdf')
    expect(d3?.fileName).toBe('2026-11 Certificat de réalisation - DUPONT Marie (3).pdf')
    expect(d1?.supersedesId).toBeNull()
    expect(d2?.supersedesId).toBe(d1?.id)
    expect(d3?.supersedesId).toBe(d2?.id)
    for (const d of [d1, d2, d3]) expect(existsSync(d?.path ?? '')).toBe(true)
    expect(listDocuments(t.db, { traineeId: d1?.traineeId ?? 0 }).map((d) => d.id)).toEqual([d3?.id])
    const all = listDocuments(t.db, { traineeId: d1?.traineeId ?? 0, includeSuperseded: true })
    expect(all).toHaveLength(3)
    expect(all.find((d) => d.id === d1?.id)?.supersededById).toBe(d2?.id)
    const { bytes } = readDocumentFile(t.db, d1?.id ?? 0)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(d1?.sha256)
    const content = await text(d1?.path ?? '')
    expect(content).toContain('14,5 heures')
    expect(content).toContain('0676932W')
  })

  it('merged output: one pdfkit document with every trainee, plus one file each with « both »', async () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const ids = w.trainees(w.sessionId, 6)
    const job = await generate(ctx, { kind: 'attestation_entree', enrolmentIds: ids, output: 'both' })
    expect(job.state).toBe('done')
    expect(job.documents).toHaveLength(6)
    expect(job.merged?.fileName).toBe("2026-11 Attestation d'entrée en formation - sélection (6 documents).pdf")
    const pages = await pdfPages(readFileSync(job.merged?.path ?? ''))
    expect(pages).toHaveLength(6)
    expect(pages.join('\n')).toContain('STAGIAIRE 0006')
    expect(job.merged?.sha256).toBe(sha(job.merged?.path ?? ''))
  })

  it('cancel stops between documents and never leaves a partial merged file', async () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const ids = w.trainees(w.sessionId, 200)
    const jobs = documentJobsFor(t.db)
    const started = jobs.start(ctx, contract['documents:generate'].input.parse({ kind: 'attestation_entree', enrolmentIds: ids, output: 'merged' }))
    expect(started.state).toBe('running')
    expect(started.total).toBe(200)
    // Cancel in the middle: once the worker reports its first drawn pages.
    while (jobs.get(started.id).done === 0) await new Promise((r) => setTimeout(r, 1))
    jobs.cancel(started.id)
    const job = await jobs.settled(started.id)
    expect(job.state).toBe('cancelled')
    expect(job.done).toBeLessThan(200)
    expect(job.merged).toBeNull()
    const dir = join(t.dir, 'Documents générés', '2026-11')
    const left = existsSync(dir) ? readdirSync(dir) : []
    expect(left.filter((f) => f.endsWith('.part'))).toEqual([])
    expect(left.filter((f) => f.includes('(200 documents)'))).toEqual([])
    expect(listDocuments(t.db, {})).toEqual([])

    // The worker that was cancelled is reused: the next batch runs to its end.
    const next = await generate(ctx, { kind: 'attestation_entree', enrolmentIds: ids.slice(0, 3), output: 'merged' })
    expect(next.state).toBe('done')
    expect(await pdfPages(readFileSync(next.merged?.path ?? ''))).toHaveLength(3)
  })

  it('every kind from the database: attendance statement, sign-in sheet, exit documents', async () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const a = w.trainee(w.sessionId, 'Dupont', 'Marie', '2026-09-07', '0676932W')
    const b = w.trainee(w.sessionId, 'Œuvray', 'Gaëlle')
    w.attend(a, [['2026-11-02', 7, null], ['2026-11-03', 7.5, null], ['2026-11-04', null, 'MAL']])
    w.attend(b, [['2026-11-02', 7, null]])
    const session = await generate(ctx, { kind: 'etat_presence', sessionId: w.sessionId, period: '2026-11', output: 'both' })
    expect(session.documents).toHaveLength(1)
    expect(session.documents[0]?.fileName).toBe('2026-11 État de présence mensuel - SA Lorient – septembre 2026.pdf')
    expect(session.documents[0]?.period).toBe('2026-11')
    const sText = await text(session.documents[0]?.path ?? '')
    expect(sText).toContain('ŒUVRAY Gaëlle')
    expect(sText).toContain('14,5')

    // November is not attested: refused unless the clerk generates it anyway, which the register keeps.
    expect(refusal(() => documentJobsFor(t.db).start(ctx, contract['documents:generate'].input.parse({ kind: 'etat_presence', enrolmentIds: [a], period: '2026-11' }))).message).toContain('mois de novembre 2026 non attesté')
    const perTrainee = await generate(ctx, { kind: 'etat_presence', enrolmentIds: [a], period: '2026-11', force: true })
    expect(t.db.prepare<[number], { forced: string | null }>('SELECT forced_missing AS forced FROM generated_document WHERE id = ?').get(perTrainee.documents[0]?.id ?? 0)?.forced).toBe('mois de novembre 2026 non attesté')
    const pText = await text(perTrainee.documents[0]?.path ?? '')
    expect(pText).toContain('03/11/2026')
    expect(pText).toContain('MAL – Maladie')

    const sheet = await generate(ctx, { kind: 'emargement', sessionId: w.sessionId, period: '2026-11-18' })
    expect(sheet.documents[0]?.fileName).toBe("2026-11-16 Feuille d'émargement - SA Lorient – septembre 2026.pdf")
    const eText = await text(sheet.documents[0]?.path ?? '')
    expect(eText).toContain('Lundi 16/11')
    expect(eText).toContain('DUPONT Marie')

    w.move([a], { to: 'sorti', effectiveDate: '2026-11-20', reasonCode: 'fin_prevue' })
    // The bilan names the adviser and the address it is sent to.
    t.db.prepare("UPDATE trainee SET adviser_name = 'Yann Le Floc’h', adviser_email = 'yann.lefloch@francetravail.example' WHERE id = (SELECT trainee_id FROM enrolment WHERE id = ?)").run(a)
    saveExitReport(ctx, contract['exitReports:save'].input.parse({ enrolmentId: a, certificationResult: 'partielle', skillsAcquired: 'Accueil et bureautique', nextStep: 'Emploi' }))
    for (const kind of ['bilan_fin', 'attestation_fin', 'certificat_realisation'] as const) {
      const job = await generate(ctx, { kind, enrolmentIds: [a] })
      expect(job.state).toBe('done')
      const content = await text(job.documents[0]?.path ?? '')
      expect(content).toContain('Madame Marie DUPONT'.replace('Madame ', ''))
      expect(content).toContain('14,5')
      expect(content).toContain('Fait à Lorient, le 22 novembre 2026')
      if (kind === 'bilan_fin') expect(content).toMatch(/Yann Le Floc’h[\s\S]*\(yann\.lefloch@francetravail\.example\)/)
    }
    expect(refusal(() => documentJobsFor(t.db).start(ctx, contract['documents:generate'].input.parse({ kind: 'bilan_fin', enrolmentIds: [b] }))).message).toContain('pas encore sorti')
    expect(basename(listDocuments(t.db, { kind: 'bilan_fin' })[0]?.path ?? '')).toBe('2026-11 Bilan de fin de formation - DUPONT Marie.pdf')
  })
})
