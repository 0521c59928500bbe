import { describe, expect, it } from 'vitest'
import type { ExitReportRow } from '@shared/api/areas/exitReports'
import { generateInput, jobProgress, jobSummary, kindUnavailable, periodKind, periodLabel, shortSha } from '../../../renderer/src/features/documents/documentFormat'
import { cellEditInput, exitReasonLabel, isHoursOverride } from '../../../renderer/src/features/exitReports/exitReportFormat'

const form = { kind: 'certificat_inscription' as const, output: 'both' as const, month: '2026-11', day: '2026-11-18' }

describe('documents: generation input', () => {
  it('sends the selection, or the session, with the period the kind needs', () => {
    expect(generateInput(form, { enrolmentIds: [3, 4] })).toEqual({ ok: true, input: { kind: 'certificat_inscription', output: 'both', enrolmentIds: [3, 4] } })
    expect(generateInput({ ...form, kind: 'etat_presence' }, { sessionId: 7 })).toEqual({ ok: true, input: { kind: 'etat_presence', output: 'both', period: '2026-11', sessionId: 7 } })
    expect(generateInput({ ...form, kind: 'emargement' }, { sessionId: 7 })).toEqual({ ok: true, input: { kind: 'emargement', output: 'both', period: '2026-11-18', sessionId: 7 } })
    expect(generateInput({ ...form, kind: 'etat_presence', month: '' }, { sessionId: 7 })).toEqual({ ok: false, message: 'Choisissez le mois de l’état de présence.' })
    expect(generateInput(form, {})).toEqual({ ok: false, message: 'Choisissez la session.' })
  })

  it('a sign-in sheet is a session document: not for a selection', () => {
    expect(kindUnavailable('emargement', { enrolmentIds: [1] })).toMatch(/toute une session/)
    expect(kindUnavailable('emargement', { sessionId: 2 })).toBeNull()
    expect(generateInput({ ...form, kind: 'emargement' }, { enrolmentIds: [1] }).ok).toBe(false)
    expect(periodKind('etat_presence')).toBe('month')
    expect(periodKind('emargement')).toBe('week')
    expect(periodKind('bilan_fin')).toBeNull()
  })

  it('formats periods, hashes, progress and the summary in French', () => {
    expect(periodLabel('2026-11')).toBe('novembre 2026')
    expect(periodLabel('2026-11-18')).toBe('semaine du 16/11/2026')
    expect(periodLabel(null)).toBe('')
    expect(shortSha('a'.repeat(64))).toBe('aaaaaaaaaaaa')
    expect(jobProgress({ done: 1, total: 4 })).toEqual({ ratio: 0.25, text: '1 sur 4' })
    expect(jobProgress({ done: 0, total: 0 }).text).toBe('Préparation…')
    const base = { id: 'j', kind: 'bilan_fin' as const, done: 1, total: 1, merged: null, error: null }
    const doc = { id: 1 } as never
    expect(jobSummary({ ...base, state: 'done', documents: [doc], skipped: [{ enrolmentId: 2, name: 'LE GALL Yann', reason: 'pas encore sorti de formation' }] })).toBe(
      '1 document généré. 1 stagiaire laissé de côté.'
    )
    expect(jobSummary({ ...base, state: 'cancelled', documents: [], skipped: [] })).toBe('Génération annulée : aucun document déjà produit.')
    expect(jobSummary({ ...base, state: 'failed', documents: [], skipped: [], error: 'Génération impossible : disque plein' })).toBe('Génération impossible : disque plein')
  })
})

describe('exit reports: cell edits', () => {
  const row = { enrolmentId: 5, hoursComputed: 14.5, hoursOverrideReason: null } as ExitReportRow
  it('hours equal to the attendance (or blank) return to it; others carry the reason', () => {
    expect(isHoursOverride(row, 14.5)).toBe(false)
    expect(isHoursOverride(row, null)).toBe(false)
    expect(isHoursOverride(row, 21)).toBe(true)
    expect(cellEditInput(row, 'hoursCompleted', 14.5)).toEqual({ enrolmentId: 5, hoursCompleted: null })
    expect(cellEditInput(row, 'hoursCompleted', null)).toEqual({ enrolmentId: 5, hoursCompleted: null })
    expect(cellEditInput(row, 'hoursCompleted', 21, 'Heures en entreprise')).toEqual({ enrolmentId: 5, hoursCompleted: 21, hoursOverrideReason: 'Heures en entreprise' })
  })
  it('maps the other cells; blank text is null; unknown fields are not sent', () => {
    expect(cellEditInput(row, 'certificationResult', 'partielle')).toEqual({ enrolmentId: 5, certificationResult: 'partielle' })
    expect(cellEditInput(row, 'certificationResult', '')).toEqual({ enrolmentId: 5, certificationResult: null })
    expect(cellEditInput(row, 'nextStep', '  ')).toEqual({ enrolmentId: 5, nextStep: null })
    expect(cellEditInput(row, 'exitDate', '2026-11-20')).toEqual({ enrolmentId: 5, exitDate: '2026-11-20' })
    expect(cellEditInput(row, 'status', 'sorti')).toBeNull()
    expect(exitReasonLabel('fin_prevue')).toBe('Fin de formation prévue')
    expect(exitReasonLabel('Déménagement')).toBe('Déménagement')
  })
})
