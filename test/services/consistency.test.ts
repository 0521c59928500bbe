import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type Input } from '@shared/api/contract'
import type { DocumentJob } from '@shared/api/areas/documents'
import type { DifferenceKind } from '@shared/domain/invoiceConsistency'
import { checkConsistency } from '../../electron/main/services/consistency/checkConsistency'
import type { ServiceContext } from '../../electron/main/services/context'
import { documentJobsFor } from '../../electron/main/services/documents/documentJobs'
import { enrolmentLedgers } from '../../electron/main/services/hours/hoursService'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { documentsWorld } from './documentsWorld'

/*
 * The check before invoicing on one session of November 2026, checked on 2 December: a trainee
 * whose every piece agrees (no difference), then one trainee per kind of difference, each with
 * exactly one deliberate mismatch. Certificates come from the real documents pipeline (the register
 * keeps their hours); invoices are written as the invoices service leaves them (migration 0090).
 */
const TODAY = '2026-12-02'
let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

function weekdays(from: string, to: string, skip: string[] = []): string[] {
  const out: string[] = []
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10)
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !skip.includes(iso)) out.push(iso)
  }
  return out
}

async function generate(ctx: ServiceContext, raw: Input<'documents:generate'>): Promise<DocumentJob> {
  const jobs = documentJobsFor(ctx.db)
  return jobs.settled(jobs.start(ctx, contract['documents:generate'].input.parse(raw)).id)
}

const KINDS = ['certificate_hours', 'certificate_missing', 'invoice_hours', 'entry_date', 'exit_date', 'undeclared_date', 'presence_outside', 'month_not_attested', 'future_hours'] as const satisfies readonly DifferenceKind[]

async function world() {
  const ctx = serviceContext(t.db, fixedClock(`${TODAY}T09:00:00.000Z`))
  const w = documentsWorld(ctx)
  const s = w.sessionId
  const november = weekdays('2026-11-02', '2026-11-27', ['2026-11-11'])
  const ids = new Map<string, number>()
  for (const name of ['clean', ...KINDS]) {
    const id = w.trainee(s, name.toUpperCase().replace(/_/g, ' '), 'Alex', '2026-11-02')
    ids.set(name, id)
    const days: [string, number | null, string | null][] = november.map((d) => [d, 7, null])
    if (name === 'entry_date') days.splice(0, 2, ['2026-11-02', null, 'MAL'], ['2026-11-03', null, 'MAL'])
    if (name === 'exit_date') days.splice(-2, 2, ['2026-11-26', null, 'ANJ'], ['2026-11-27', null, 'ANJ'])
    w.attend(id, days)
    if (name !== 'future_hours') w.move([id], { to: 'sorti', effectiveDate: '2026-11-27', reasonCode: 'fin_prevue' })
  }
  const id = (name: string): number => ids.get(name) ?? 0
  t.db.prepare("UPDATE enrolment SET funding = 'region'").run()
  t.db.prepare("UPDATE enrolment_event SET kairos_declared_on = effective_date, kairos_declared_by = 'test' WHERE requires_declaration = 1").run()
  t.db.prepare("UPDATE enrolment_event SET kairos_declared_on = NULL WHERE enrolment_id = ? AND kind = 'exit'").run(id('undeclared_date'))
  const attest = t.db.prepare("INSERT INTO attendance_month (enrolment_id, month, attested_at, attested_by) VALUES (?, '2026-11', '2026-11-30T16:00:00Z', 'Claire Martin')")
  for (const [name, e] of ids) if (name !== 'month_not_attested') attest.run(e)

  // Certificates through the documents pipeline, for every trainee out of training but one.
  const exited = [...ids].filter(([name]) => name !== 'future_hours' && name !== 'certificate_missing').map(([, e]) => e)
  const job = await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: exited, force: true })
  expect(job.state).toBe('done')
  expect(job.documents).toHaveLength(exited.length)

  // After the certificates: a day corrected (the certificate no longer matches), a day after exit, a day in the future.
  t.db.prepare("UPDATE attendance_day SET hours = 3.5 WHERE enrolment_id = ? AND date = '2026-11-20'").run(id('certificate_hours'))
  w.attend(id('presence_outside'), [['2026-11-30', 7, null]])
  w.attend(id('future_hours'), [['2026-12-10', 7, null]])

  // One issued invoice for the session, one line per trainee at the ledger's hours (3,5 h short for one).
  const ledgers = new Map(enrolmentLedgers(t.db, [...ids.values()], TODAY).map((l) => [l.enrolmentId, l.summary.realisedHours]))
  const invoice = issue(s, 'invoice', null, [...ids].map(([name, e]) => [e, (ledgers.get(e) ?? 0) - (name === 'invoice_hours' ? 3.5 : 0)]))
  return { ctx, s, ids, id, ledgers, invoice }
}

/**
 * An invoice or credit note as the invoices service leaves it (migration 0090): a draft with its
 * lines, then issued with the next number of the year. `issued: false` leaves the draft.
 */
function issue(sessionId: number, kind: 'invoice' | 'credit_note', credited: number | null, lines: [number, number][], issued = true): number {
  const at = `${TODAY}T09:00:00Z`
  const id = Number(
    t.db
      .prepare(
        `INSERT INTO invoice (kind, status, credited_invoice_id, session_id, funder_code, buyer_name, issue_date, created_at, created_by, updated_at)
         VALUES (?, 'draft', ?, ?, 'region', 'Région Bretagne', ?, ?, 'test', ?)`
      )
      .run(kind, credited, sessionId, TODAY, at, at).lastInsertRowid
  )
  const line = t.db.prepare(
    `INSERT INTO invoice_line (invoice_id, position, enrolment_id, label, quantity_hundredths, unit, unit_price_cents, net_cents) VALUES (?, ?, ?, 'Heures de formation', ?, 'HUR', 1000, ?)`
  )
  lines.forEach(([enrolmentId, hours], i) => line.run(id, i + 1, enrolmentId, Math.round(hours * 100), Math.round(hours * 1000)))
  if (!issued) return id
  const seq = t.db.prepare<[], { n: number }>("INSERT INTO invoice_sequence (year, last_number) VALUES (2026, 1) ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number AS n").get()?.n ?? 0
  t.db
    .prepare("UPDATE invoice SET status = 'issued', year = 2026, sequence = ?, number = printf('%04d-%05d', 2026, ?), issued_at = ?, issued_by = 'test' WHERE id = ?")
    .run(seq, seq, at, id)
  return id
}

describe('consistency check before invoicing', () => {
  it('finds exactly one difference of each kind, on the trainee given it, and none on the clean one', async () => {
    const { s, ids, id } = await world()
    const report = checkConsistency(t.db, { sessionId: s, asOf: TODAY })
    expect(report.ok).toBe(false)
    expect(report.checkedEnrolments).toBe(ids.size)
    expect(report.differences.filter((d) => d.enrolmentId === id('clean'))).toEqual([])
    for (const kind of KINDS) {
      const own = report.differences.filter((d) => d.enrolmentId === id(kind))
      expect(own.map((d) => d.kind), kind).toEqual([kind])
    }
    expect(report.differences).toHaveLength(KINDS.length)
    for (const d of report.differences) {
      expect(d.message.length).toBeGreaterThan(10)
      expect(d.fix.route).toMatch(/^\/(assiduite|sessions\/\d+\/(entrees|bilans)|devis-factures)$/)
    }
  })

  it('states what was expected and found, in French, with where to fix it', async () => {
    const { s, id } = await world()
    const report = checkConsistency(t.db, { sessionId: s, asOf: TODAY })
    const of = (kind: DifferenceKind) => report.differences.find((d) => d.kind === kind)
    expect(of('certificate_hours')).toMatchObject({ expected: '129,5\u202fh', found: '133\u202fh', fix: { route: `/sessions/${s}/bilans` } })
    expect(of('invoice_hours')).toMatchObject({ expected: '133\u202fh', found: '129,5\u202fh', fix: { route: '/devis-factures', params: { session: String(s) } } })
    expect(of('entry_date')).toMatchObject({ expected: '02/11/2026', found: '04/11/2026' })
    expect(of('exit_date')).toMatchObject({ expected: '27/11/2026', found: '25/11/2026' })
    expect(of('undeclared_date')?.message).toBe('La sortie du 27/11/2026 n’est pas déclarée dans KAIROS.')
    expect(of('presence_outside')).toMatchObject({ found: '30/11/2026', fix: { route: '/assiduite', params: { mois: '2026-11', session: String(s) } } })
    expect(of('month_not_attested')).toMatchObject({ found: '11/2026', fix: { params: { mois: '2026-11' } } })
    expect(of('future_hours')).toMatchObject({ found: '10/12/2026', fix: { params: { mois: '2026-12' } } })
    expect(of('certificate_missing')?.enrolmentId).toBe(id('certificate_missing'))
  })

  it('checks only the enrolments asked for, counts a draft only when named, and refuses strangers', async () => {
    const { s, id, invoice } = await world()
    expect(checkConsistency(t.db, { sessionId: s, asOf: TODAY, enrolmentIds: [id('clean')] })).toEqual({ ok: true, asOf: TODAY, checkedEnrolments: 1, differences: [] })
    // A draft for the clean trainee: ignored until it is the invoice being issued (then the hours are invoiced twice).
    const draft = issue(s, 'invoice', null, [[id('clean'), 7]], false)
    expect(checkConsistency(t.db, { sessionId: s, asOf: TODAY, enrolmentIds: [id('clean')] }).ok).toBe(true)
    expect(checkConsistency(t.db, { sessionId: s, asOf: TODAY, enrolmentIds: [id('clean')], invoiceId: draft }).differences.map((d) => d.kind)).toEqual(['invoice_hours'])
    // A credit note of 3,5 h on the clean trainee's line: the net hours invoiced fall short.
    issue(s, 'credit_note', invoice, [[id('clean'), 3.5]])
    expect(checkConsistency(t.db, { sessionId: s, asOf: TODAY, enrolmentIds: [id('clean')] }).differences).toMatchObject([{ kind: 'invoice_hours', found: '129,5\u202fh' }])
    expect(() => checkConsistency(t.db, { sessionId: s, asOf: TODAY, enrolmentIds: [999999] })).toThrow(/n’appartiennent pas/)
    expect(() => checkConsistency(t.db, { sessionId: 424242, asOf: TODAY })).toThrow(/introuvable/)
  })

  it('keeps the hours printed on the certificat de réalisation in the register', async () => {
    const { id, ledgers } = await world()
    const row = t.db.prepare<[number], { hours: number | null }>("SELECT hours FROM generated_document WHERE kind = 'certificat_realisation' AND enrolment_id = ?").get(id('clean'))
    expect(row?.hours).toBe(ledgers.get(id('clean')))
  })
})
