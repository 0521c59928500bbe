import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../electron/main/demo/generateDemoData'
import type { Db } from '../../electron/main/db/open'
import { verifyAudit } from '../../electron/main/services/audit/auditService'
import type { ServiceContext } from '../../electron/main/services/context'
import { recordDocuments } from '../../electron/main/services/documents/documentRegister'
import { anonymisePeople, anonymisePreview } from '../../electron/main/services/privacy/anonymise'
import { anonymisationCandidates } from '../../electron/main/services/privacy/eligibility'
import type { PersonExport } from '../../electron/main/services/privacy/personExport'
import { exportPersonData } from '../../electron/main/services/privacy/privacyExport'
import { privacySettings, savePrivacySettings } from '../../electron/main/services/privacy/privacySettings'
import { setEnrolmentFunding } from '../../electron/main/services/quotes/fundingService'
import { setRegistrationComment } from '../../electron/main/services/recruitment/registrationService'
import { getTrainee, updateTrainee } from '../../electron/main/services/trainees/traineeService'
import { AppError } from '@shared/api/result'
import { contract } from '@shared/api/contract'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

const TODAY = '2026-11-22'
const TARGET = { lastName: 'QUATREVENTS', firstName: 'Zéphyrine', email: 'zephyrine.quatrevents@exemple.fr', phone: '06 98 76 54 32', ftId: '1234567Z' }
/** What must be found nowhere once she is anonymised (lower case; the phone also without spaces). */
const NEEDLES = ['quatrevents', 'zéphyrine', 'zephyrine', '06 98 76 54 32', '0698765432', '1234567z']

type Hit = { table: string; column: string; value: string }

/** Every column of every table (sqlite_master), every row: where do the needles appear? */
function scanDatabase(db: Db, needles: readonly string[]): Hit[] {
  const hits: Hit[] = []
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
  for (const { name } of tables) {
    for (const row of db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`).iterate()) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value instanceof Uint8Array || Buffer.isBuffer(value)) continue
        const text = String(value).toLowerCase()
        const digits = text.replace(/\D/g, '')
        if (needles.some((n) => text.includes(n) || (/^\d+$/.test(n) && digits.includes(n)))) hits.push({ table: name, column, value: String(value).slice(0, 200) })
      }
    }
  }
  return hits
}

describe('personal data: export and anonymisation', () => {
  let t: TempDb
  let ctx: ServiceContext
  let target: number
  let other: number
  let otherBefore: Record<string, unknown>
  let docPath: string

  beforeAll(async () => {
    t = await tempDb()
    ctx = serviceContext(t.db, fixedClock())
    generateDemoData(ctx, { trainees: 80, seed: 7 })
    // A person whose every enrolment is over, with the most kinds of data (exit report, interruption, quote, booking).
    const rows = t.db
      .prepare<[], { id: number; score: number }>(
        `SELECT t.id,
           (SELECT count(*) FROM enrolment e JOIN exit_report x ON x.enrolment_id = e.id WHERE e.trainee_id = t.id) * 4
           + (SELECT count(*) FROM enrolment e JOIN interruption i ON i.enrolment_id = e.id WHERE e.trainee_id = t.id) * 2
           + (SELECT count(*) FROM aif_quote q WHERE q.trainee_id = t.id) * 2
           + (SELECT count(*) FROM registration r WHERE r.trainee_id = t.id) AS score
         FROM trainee t ORDER BY score DESC, t.id`
      )
      .all()
    const due = new Set(anonymisationCandidates(t.db, TODAY, TODAY).map((c) => c.id))
    const pick = rows.find((r) => due.has(r.id))
    if (!pick) throw new Error('the demo has nobody whose enrolments are over')
    target = pick.id
    other = rows.find((r) => r.id !== target && !due.has(r.id))?.id ?? 0

    // Her identity, through the service (an audited update that quotes it).
    updateTrainee(ctx, target, { ...TARGET, notes: 'Appeler Zéphyrine le matin au 06 98 76 54 32.', addressLine1: '3 rue des Quatre-Vents' })
    const registration = t.db.prepare<[number], { id: number }>('SELECT id FROM registration WHERE trainee_id = ? LIMIT 1').get(target)
    if (registration) setRegistrationComment(ctx, registration.id, 'Mme QUATREVENTS Zéphyrine rappellera.')
    const enrolments = t.db.prepare<[number], { id: number; session_id: number }>('SELECT id, session_id FROM enrolment WHERE trainee_id = ? ORDER BY id').all(target)
    const first = enrolments[0]
    if (!first) throw new Error('target without enrolment')
    setEnrolmentFunding(ctx, first.id, 'opco', 'OPCO-2024-991', 'Boulangerie Quatrevents')
    t.db.prepare("UPDATE exit_report SET comments = 'Zéphyrine QUATREVENTS a trouvé un emploi.', next_step = 'CDI' WHERE enrolment_id = ?").run(first.id)
    t.db.prepare("UPDATE attendance_day SET comment = 'appel de zephyrine.quatrevents@exemple.fr' WHERE enrolment_id = ? AND date = (SELECT min(date) FROM attendance_day WHERE enrolment_id = ?)").run(first.id, first.id)
    // A quote (the demo's quotes go to people still in training).
    const quote = t.db
      .prepare(
        `INSERT INTO aif_quote (number, year, sequence, trainee_id, session_id, enrolment_id, status, start_date, end_date, total_cents, comment, kairos_reference, created_at, created_by, updated_at)
         SELECT 'DEV-2025-0999', 2025, 999, e.trainee_id, e.session_id, e.id, 'validated', s.start_date, s.end_date, 420000, 'Dossier de Zéphyrine', 'K-1234567Z', '2025-01-02T09:00:00Z', 'test', '2025-01-02T09:00:00Z'
         FROM enrolment e JOIN session s ON s.id = e.session_id WHERE e.id = ?`
      )
      .run(first.id)
    t.db.prepare("INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) VALUES (?, 'cpf', 100000)").run(quote.lastInsertRowid)
    // A PDF in the register, named after her.
    const folder = join(t.dir, 'docs')
    mkdirSync(folder, { recursive: true })
    docPath = join(folder, '2026-01 Certificat de réalisation - QUATREVENTS Zéphyrine.pdf')
    writeFileSync(docPath, '%PDF-1.4 test')
    recordDocuments(ctx, [
      { kind: 'certificat_realisation', traineeId: target, sessionId: first.session_id, enrolmentId: first.id, period: '2026-01', fileName: '2026-01 Certificat de réalisation - QUATREVENTS Zéphyrine.pdf', path: docPath, sha256: 'a'.repeat(64), sizeBytes: 13, verificationCode: 'K7QX2MA4PD' }
    ] as Parameters<typeof recordDocuments>[1])
    // The stored answer of a recent write (kept for a read-back after a lost connection) holds her row whole.
    t.db
      .prepare("INSERT INTO answered_request (key, op, ok, result, created_at) VALUES ('3f1c1d9e-6a51-4c1b-9d0e-2b7f4f9a1c01', 'trainees:update', 1, ?, '2026-11-22T09:00:00.000Z')")
      .run(JSON.stringify({ ok: true, value: getTrainee(t.db, target) }))
    // Someone else's notes quote her full name: the sweep must find it there too.
    updateTrainee(ctx, other, { notes: 'Covoiturage avec Zéphyrine Quatrevents.' })
    otherBefore = t.db.prepare<[number], Record<string, unknown>>('SELECT * FROM trainee WHERE id = ?').get(other) ?? {}
  })
  afterAll(() => t.cleanup())

  it('finds her everywhere before (the scan works)', () => {
    const tables = new Set(scanDatabase(t.db, NEEDLES).map((h) => h.table))
    expect([...tables].sort()).toEqual(expect.arrayContaining(['answered_request', 'audit_log', 'attendance_day', 'enrolment', 'exit_report', 'generated_document', 'registration', 'trainee']))
  })

  it('exports every section of her data, as JSON and as a workbook, and audits the export without her data', async () => {
    const { files } = await exportPersonData(ctx, target)
    expect(files.map((f) => f.fileName)).toEqual([`donnees-personnelles-${target}-${TODAY}.json`, `donnees-personnelles-${target}-${TODAY}.xlsx`])
    const json = JSON.parse(Buffer.from(files[0]?.base64 ?? '', 'base64').toString('utf8')) as PersonExport
    expect(json.person).toMatchObject({ id: target, last_name: 'QUATREVENTS', first_name: 'Zéphyrine', email: TARGET.email, phone: TARGET.phone })
    expect(json.registrations.length).toBeGreaterThan(0)
    expect(json.enrolments.length).toBeGreaterThan(0)
    expect(json.enrolments.flatMap((e) => e.events).length).toBeGreaterThan(0)
    expect(json.enrolments.flatMap((e) => e.interruptions).length).toBeGreaterThan(0)
    expect(json.enrolments.flatMap((e) => e.attendanceByMonth).length).toBeGreaterThan(0)
    expect(json.enrolments.filter((e) => e.exitReport !== null).length).toBeGreaterThan(0)
    expect(json.quotes.length).toBeGreaterThan(0)
    expect(json.documents).toHaveLength(1)
    expect(json.audit.map((a) => a.operation)).toEqual(expect.arrayContaining(['trainees.update', 'enrolment.funding', 'document.generate']))
    const book = new ExcelJS.Workbook()
    const bytes = Buffer.from(files[1]?.base64 ?? '', 'base64')
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Personne', 'Positionnements', 'Inscriptions', 'Événements', 'Interruptions', 'Assiduité par mois', 'Bilans', 'Devis AIF', 'Documents', 'Historique'])
    const identity = book.getWorksheet('Personne')
    expect(identity?.getColumn(2).values).toEqual(expect.arrayContaining(['QUATREVENTS', 'Zéphyrine', TARGET.email]))
    const last = t.db.prepare<[], { operation: string; after_json: string }>('SELECT operation, after_json FROM audit_log ORDER BY id DESC LIMIT 1').get()
    expect(last?.operation).toBe('privacy.export')
    expect(last?.after_json.toLowerCase()).not.toContain('quatrevents')
  })

  it('previews who would be anonymised, refuses a future date and a stale choice', () => {
    const preview = anonymisePreview(t.db, ctx.clock, TODAY)
    const mine = preview.candidates.find((c) => c.id === target)
    expect(mine).toMatchObject({ lastName: 'QUATREVENTS', firstName: 'Zéphyrine', documents: 1 })
    expect(preview.candidates.some((c) => c.id === other)).toBe(false)
    expect(() => anonymisePreview(t.db, ctx.clock, '2026-12-01')).toThrow(/futur/)
    const auditRows = t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()?.n
    expect(() => anonymisePeople(ctx, { before: TODAY, ids: [target, other] })).toThrow(AppError)
    expect(getTrainee(t.db, target).lastName).toBe('QUATREVENTS')
    expect(t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()?.n).toBe(auditRows)
  })

  it('leaves no name, e-mail or phone of hers in any table, audit included; the chain verifies; others are untouched', () => {
    const result = anonymisePeople(ctx, { before: TODAY, ids: [target] })
    expect(result).toMatchObject({ anonymised: 1, documentsDeleted: 1, documentsNotDeleted: 0, kept: [] })
    expect(result.auditRowsRedacted).toBeGreaterThan(0)
    expect(scanDatabase(t.db, NEEDLES)).toEqual([])
    expect(t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM answered_request').get()?.n).toBe(0)
    expect(existsSync(docPath)).toBe(false)
    expect(verifyAudit(t.db)).toMatchObject({ ok: true, broken: null })
    expect(verifyAudit(t.db).redacted).toBeGreaterThan(0)

    const me = getTrainee(t.db, target)
    expect(me).toMatchObject({ lastName: 'Personne anonymisée', firstName: `n° ${target}`, email: null, phone: null, birthDate: null, ftId: null, notes: null })
    expect(me.anonymisedAt).toBe('2026-11-22T09:30:00.000Z')
    // The register keeps the document's hash and code; its enrolments keep their statuses and dates.
    expect(t.db.prepare<[number], { sha256: string; verification_code: string }>('SELECT sha256, verification_code FROM generated_document WHERE trainee_id = ?').get(target)).toEqual({ sha256: 'a'.repeat(64), verification_code: 'K7QX2MA4PD' })
    // The other person: only her name went from the notes; every other column is as it was.
    const after = t.db.prepare<[number], Record<string, unknown>>('SELECT * FROM trainee WHERE id = ?').get(other) ?? {}
    expect(after.notes).toBe('Covoiturage avec Personne anonymisée.')
    expect({ ...after, notes: null }).toEqual({ ...otherBefore, notes: null })
    const last = t.db.prepare<[], { operation: string; after_json: string }>('SELECT operation, after_json FROM audit_log ORDER BY id DESC LIMIT 1').get()
    expect(last?.operation).toBe('privacy.anonymise')
  })

  it('keeps an anonymised person read-only and out of the next preview', () => {
    expect(() => updateTrainee(ctx, target, { lastName: 'QUATREVENTS' })).toThrow(/anonymisée/)
    expect(anonymisePreview(t.db, ctx.clock, TODAY).candidates.some((c) => c.id === target)).toBe(false)
  })

  it('stores the retention period and counts who is past it', () => {
    expect(privacySettings(t.db, ctx.clock)).toMatchObject({ retentionYears: 6, defaultRetentionYears: 6, cutoff: '2020-11-22', dueCount: 0 })
    const saved = savePrivacySettings(ctx, contract['privacy:saveSettings'].input.parse({ retentionYears: 1 }))
    expect(saved).toMatchObject({ retentionYears: 1, cutoff: '2025-11-22' })
    expect(saved.dueCount).toBe(anonymisationCandidates(t.db, '2025-11-22', TODAY).length)
    expect(contract['privacy:saveSettings'].input.safeParse({ retentionYears: 11 }).success).toBe(false)
    expect(() => savePrivacySettings(ctx, { retentionYears: 0 })).toThrow(/de 1 à 10/)
  })
})
