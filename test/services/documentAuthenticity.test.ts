import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type Input } from '@shared/api/contract'
import type { DocumentJob } from '@shared/api/areas/documents'
import { formatCode } from '@shared/domain/verificationCode'
import { documentJobsFor } from '../../electron/main/services/documents/documentJobs'
import type { DocumentTarget } from '../../electron/main/services/documents/documentData'
import { isProvisional } from '../../electron/main/services/documents/documentStamps'
import { verifyDocument } from '../../electron/main/services/documents/documentVerify'
import type { ServiceContext } from '../../electron/main/services/context'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { pdfPages } from '../pdf/pdfText'
import { documentsWorld } from './documentsWorld'

let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

async function generate(ctx: ServiceContext, raw: Input<'documents:generate'>): Promise<DocumentJob> {
  const jobs = documentJobsFor(ctx.db)
  return jobs.settled(jobs.start(ctx, contract['documents:generate'].input.parse(raw)).id)
}
const pagesOf = async (path: string) => (await pdfPages(readFileSync(path))).map((p) => p.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' '))
/** The documents world, with the region the NDA line names (a mandatory datum of every document). */
function world(ctx: ServiceContext) {
  const w = documentsWorld(ctx)
  t.db.prepare("UPDATE organisation SET region_code = '53' WHERE id = 1").run()
  return w
}
const attest = (enrolmentId: number, month: string) =>
  t.db.prepare("INSERT INTO attendance_month (enrolment_id, month, attested_at, attested_by) VALUES (?, ?, '2026-11-30T10:00:00Z', 'Claire') ON CONFLICT DO UPDATE SET attested_at = excluded.attested_at").run(enrolmentId, month)

describe('document authenticity: codes, PROVISOIRE, « Remplace », verification', () => {
  it('each document gets a unique code, printed with its QR on every page and kept in the register', async () => {
    const ctx = serviceContext(t.db, fixedClock('2026-12-02T09:00:00.000Z'))
    const w = world(ctx)
    const ids = w.trainees(w.sessionId, 6)
    const job = await generate(ctx, { kind: 'attestation_entree', enrolmentIds: ids, output: 'both' })
    expect(job.state).toBe('done')
    const codes = [...job.documents.map((d) => d.verificationCode), job.merged?.verificationCode]
    expect(codes.every((c) => typeof c === 'string' && /^[A-Z2-7]{10}$/.test(c))).toBe(true)
    expect(new Set(codes).size).toBe(7)
    const stored = t.db.prepare<[], { n: number }>('SELECT count(DISTINCT verification_code) AS n FROM generated_document').get()
    expect(stored?.n).toBe(7)
    const first = job.documents[0]
    const pages = await pagesOf(first?.path ?? '')
    for (const page of pages) expect(page).toContain(`Code de vérification ${formatCode(first?.verificationCode ?? '')}`)
    // An attestation d'entrée certifies no month: never provisional.
    expect(pages.join(' ')).not.toContain('PROVISOIRE')
    const merged = await pagesOf(job.merged?.path ?? '')
    expect(merged).toHaveLength(6)
    for (const page of merged) expect(page).toContain(formatCode(job.merged?.verificationCode ?? ''))
  })

  it('PROVISOIRE on a certificate covering a month not attested, not once attested; « Remplace le document du … (code …) » on a regeneration', async () => {
    const ctx = serviceContext(t.db, fixedClock('2026-11-22T09:30:00.000Z'))
    const w = world(ctx)
    const a = w.trainee(w.sessionId, 'Dupont', 'Marie')
    w.attend(a, [['2026-11-02', 7, null]])
    // A certificat de réalisation covering September to today: provisional until every month is attested.
    const draft = await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: [a] })
    const draftDoc = draft.documents[0]
    expect((await pagesOf(draftDoc?.path ?? '')).every((p) => p.includes('PROVISOIRE'))).toBe(true)
    for (const m of ['2026-09', '2026-10', '2026-11', '2026-12']) attest(a, m)
    const later = serviceContext(t.db, fixedClock('2026-12-02T09:00:00.000Z'))
    const final = await generate(later, { kind: 'certificat_realisation', enrolmentIds: [a] })
    const finalDoc = final.documents[0]
    expect(finalDoc?.supersedesId).toBe(draftDoc?.id)
    const text = (await pagesOf(finalDoc?.path ?? '')).join(' ')
    expect(text).not.toContain('PROVISOIRE')
    expect(text).toContain(`Remplace le document du 22/11/2026 (code ${formatCode(draftDoc?.verificationCode ?? '')})`)

    // The monthly statement of an attested month is not provisional; of a month not attested, it is.
    const statement = await generate(later, { kind: 'etat_presence', enrolmentIds: [a], period: '2026-11' })
    expect((await pagesOf(statement.documents[0]?.path ?? '')).join(' ')).not.toContain('PROVISOIRE')
    const target = { kind: 'etat_presence' as const, enrolmentId: a, period: '2026-10', sessionId: w.sessionId, traineeId: null, subject: '', data: { kind: 'etat_presence', month: '2026-10' } }
    expect(isProvisional(t.db, target as unknown as DocumentTarget, '2026-12-02')).toBe(false)
    t.db.prepare("UPDATE attendance_month SET attested_at = NULL WHERE month = '2026-10'").run()
    expect(isProvisional(t.db, target as unknown as DocumentTarget, '2026-12-02')).toBe(true)

    // A sign-in sheet is a blank form: never provisional.
    const sheet = await generate(later, { kind: 'emargement', sessionId: w.sessionId, period: '2026-11-16' })
    expect((await pagesOf(sheet.documents[0]?.path ?? '')).join(' ')).not.toContain('PROVISOIRE')
  })

  it('verifies a file by its SHA-256, a typed code, a tampered file and an unknown one', async () => {
    const ctx = serviceContext(t.db, fixedClock('2026-11-22T09:30:00.000Z'))
    const w = world(ctx)
    const a = w.trainee(w.sessionId, 'Dupont', 'Marie')
    const first = (await generate(ctx, { kind: 'attestation_entree', enrolmentIds: [a] })).documents[0]
    const bytes = readFileSync(first?.path ?? '')
    const code = first?.verificationCode ?? ''

    const ok = verifyDocument(t.db, contract['documents:verify'].input.parse({ base64: bytes.toString('base64') }))
    expect(ok).toMatchObject({ found: true, sha256Match: true, code, document: { id: first?.id, generatedBy: 'Claire Martin', supersededBy: null } })
    expect(ok.message).toMatch(/^Document authentique : Attestation d'entrée en formation de DUPONT Marie, généré le 22\/11\/2026 par Claire Martin/)

    const typed = verifyDocument(t.db, contract['documents:verify'].input.parse({ code: formatCode(code).toLowerCase() }))
    expect(typed).toMatchObject({ found: true, sha256Match: null, document: { id: first?.id } })

    // A changed byte in the content: the code (metadata) is still read, the SHA-256 no longer matches.
    const tampered = Buffer.from(bytes)
    const at = tampered.indexOf('stream') + 20
    tampered[at] = (tampered[at] ?? 0) ^ 0xff
    const altered = verifyDocument(t.db, { base64: tampered.toString('base64') })
    expect(altered).toMatchObject({ found: true, sha256Match: false, code })
    expect(altered.message).toContain('ALTÉRÉ')

    // Regenerated: the first one is reported as replaced.
    const second = (await generate(ctx, { kind: 'attestation_entree', enrolmentIds: [a] })).documents[0]
    expect(verifyDocument(t.db, { code }).document?.supersededBy).toMatchObject({ id: second?.id, code: second?.verificationCode })
    expect(verifyDocument(t.db, { code }).message).toContain('Attention : il a été remplacé le 22/11/2026')

    const unknown = verifyDocument(t.db, { base64: Buffer.from('%PDF-1.3\n%%EOF').toString('base64') })
    expect(unknown).toMatchObject({ found: false, sha256Match: false, document: null })
    expect(verifyDocument(t.db, { code: 'AAAAA-AAAAA' })).toMatchObject({ found: false, document: null })
    expect(refusal(() => verifyDocument(t.db, { code: 'pas un code' })).message).toContain('Code de vérification invalide')
    expect(refusal(() => verifyDocument(t.db, { base64: Buffer.from('bonjour').toString('base64') })).message).toBe('Ce fichier n’est pas un PDF.')
    expect(contract['documents:verify'].input.safeParse({}).success).toBe(false)
  })

  it('npm run verify: the same answer on the command line, exit 0 authentic, 2 altered, 1 refused', async () => {
    const ctx = serviceContext(t.db, fixedClock('2026-11-22T09:30:00.000Z'))
    const w = world(ctx)
    const a = w.trainee(w.sessionId, 'Dupont', 'Marie')
    const doc = (await generate(ctx, { kind: 'attestation_entree', enrolmentIds: [a] })).documents[0]
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join('electron', 'main', 'cli', 'verify.ts'), ...args, '--db', t.path], { encoding: 'utf8' })
    const ok = cli(doc?.path ?? '')
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ found: true, sha256Match: true, code: doc?.verificationCode })
    expect(ok.stderr).toContain('Document authentique')
    const tampered = readFileSync(doc?.path ?? '')
    const at = tampered.indexOf('stream') + 20
    tampered[at] = (tampered[at] ?? 0) ^ 0xff
    const file = join(t.dir, 'modifié.pdf')
    writeFileSync(file, tampered)
    const bad = cli(file)
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('ALTÉRÉ')
    expect(cli('--code', formatCode(doc?.verificationCode ?? '')).status).toBe(0)
    const refused = cli(join(t.dir, 'absent.pdf'))
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('Fichier introuvable')
  })
})
