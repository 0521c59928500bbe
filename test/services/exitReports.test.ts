import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { getExitReport, listExitReports, saveExitReport } from '../../electron/main/services/exitReports/exitReportService'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { refusal } from '../helpers/enrolmentWorld'
import { documentsWorld } from './documentsWorld'

let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

const parse = (raw: unknown) => contract['exitReports:save'].input.parse(raw)

describe('exit reports', () => {
  it('lists entered, exited and dropped-out trainees with the hours computed from attendance', () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const a = w.trainee(w.sessionId, 'Dupont', 'Marie', '2026-09-07', '0676932W')
    const b = w.trainee(w.sessionId, 'Ménard', 'Anaïs')
    const c = w.enrol(w.sessionId, w.person('Quéré', 'Loïc'), 'inscrit')
    w.attend(a, [['2026-11-02', 7, null], ['2026-11-03', 7.5, null], ['2026-11-04', null, 'MAL'], ['2026-11-05', 3.5, 'RDV'], ['2026-12-10', 7, null]])
    w.move([b], { to: 'abandon', effectiveDate: '2026-11-10', reasonCode: 'demenagement' })
    // As of 22 November (the ledger): the 7 hours typed for 10 December are not counted.
    const rows = listExitReports(t.db, w.sessionId, '2026-11-22')
    expect(rows.map((r) => r.lastName)).toEqual(['DUPONT', 'MÉNARD'])
    expect(rows.find((r) => r.enrolmentId === c)).toBeUndefined()
    expect(rows[0]?.hoursComputed).toBe(18)
    expect(rows[0]?.hoursCompleted).toBe(18)
    expect(rows[0]?.reportId).toBeNull()
    expect(rows[1]?.status).toBe('abandon')
    expect(rows[1]?.exitDate).toBe('2026-11-10')
  })

  it('saves (audited); overriding the hours needs a reason; null returns to the computed hours', () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const a = w.trainee(w.sessionId, 'Dupont')
    w.attend(a, [['2026-11-02', 7, null], ['2026-11-03', 7.5, null]])
    const saved = saveExitReport(ctx, parse({ enrolmentId: a, certificationResult: 'totale', skillsAcquired: 'Accueil, bureautique', nextStep: 'Emploi' }))
    expect(saved.reportId).not.toBeNull()
    expect(saved.hoursCompleted).toBe(14.5)
    expect(saved.certificationResult).toBe('totale')

    const r = refusal(() => saveExitReport(ctx, parse({ enrolmentId: a, hoursCompleted: 21 })))
    expect(r.code).toBe('invalid_input')
    expect(r.message).toContain('indiquez le motif')
    expect(getExitReport(t.db, a, '2026-11-22').hoursCompleted).toBe(14.5)

    const over = saveExitReport(ctx, parse({ enrolmentId: a, hoursCompleted: 21, hoursOverrideReason: 'Heures en entreprise non saisies' }))
    expect(over.hoursCompleted).toBe(21)
    expect(over.hoursComputed).toBe(14.5)
    expect(over.hoursOverrideReason).toBe('Heures en entreprise non saisies')
    // other fields kept
    expect(over.skillsAcquired).toBe('Accueil, bureautique')

    const back = saveExitReport(ctx, parse({ enrolmentId: a, hoursCompleted: null }))
    expect(back.hoursCompleted).toBe(14.5)
    expect(back.hoursOverrideReason).toBeNull()

    const audit = t.db.prepare("SELECT operation FROM audit_log WHERE entity = 'exit_report' ORDER BY id").all() as { operation: string }[]
    expect(audit.map((x) => x.operation)).toEqual(['exitReport.create', 'exitReport.update', 'exitReport.update'])
  })

  it('refuses a report for a trainee who never entered', () => {
    const ctx = serviceContext(t.db)
    const w = documentsWorld(ctx)
    const c = w.enrol(w.sessionId, w.person('Quéré', 'Loïc'), 'inscrit')
    expect(refusal(() => saveExitReport(ctx, parse({ enrolmentId: c, comments: 'x' }))).code).toBe('refused')
  })
})
