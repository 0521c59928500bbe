import { describe, expect, it } from 'vitest'
import { bpfReport } from '@shared/domain/bpf'
import { CADRE_C, cadreCLine, cadreF1Line, cadreF3Line } from '@shared/domain/bpfLines'

// How the app's data maps onto the cerfa 10443's lines (the service test checks the figures).
describe('BPF line mapping', () => {
  it('puts each funder type on its cadre C line', () => {
    const codes = new Set(CADRE_C.map((l) => l.code))
    const cases: [string | null, string][] = [
      ['employer', 'C-1'],
      ['cpf', 'C-2e'],
      ['opco', 'C-2h'],
      ['region', 'C-6'],
      ['france_travail', 'C-7'],
      ['aif', 'C-7'],
      ['agefiph', 'C-8'],
      ['self', 'C-9'],
      ['other', 'C-11'],
      [null, 'C-11']
    ]
    for (const [funder, line] of cases) {
      expect(cadreCLine(funder), String(funder)).toBe(line)
      expect(codes.has(line)).toBe(true)
    }
  })

  it('tells job seekers from employees, people paying themselves and others', () => {
    const none = { ftId: null, prescriber: null, funding: null, employerName: null }
    expect(cadreF1Line({ ...none, ftId: '0676932W', funding: 'self' })).toBe('F-1c')
    expect(cadreF1Line({ ...none, prescriber: 'cap_emploi' })).toBe('F-1c')
    expect(cadreF1Line({ ...none, funding: 'aif' })).toBe('F-1c')
    expect(cadreF1Line({ ...none, funding: 'self' })).toBe('F-1d')
    expect(cadreF1Line({ ...none, funding: 'opco' })).toBe('F-1a')
    expect(cadreF1Line({ ...none, funding: 'cpf', employerName: 'Chantiers du Blavet' })).toBe('F-1a')
    expect(cadreF1Line({ ...none, funding: 'cpf' })).toBe('F-1e')
  })

  it('reads the objective from the nature of the action, then the certification and its level', () => {
    const base = { certificationKind: null, certificationLevel: null, actionNature: null }
    expect(cadreF3Line({ ...base, actionNature: 'bilan', certificationKind: 'RNCP' })).toBe('F-3e')
    expect(cadreF3Line({ ...base, actionNature: 'vae' })).toBe('F-3f')
    expect(cadreF3Line({ ...base, certificationKind: 'RS' })).toBe('F-3b')
    expect([7, 6, 5, 4, 3, 2, 1].map((n) => cadreF3Line({ ...base, certificationKind: 'RNCP', certificationLevel: n }))).toEqual(['F-3a1', 'F-3a1', 'F-3a2', 'F-3a3', 'F-3a4', 'F-3a5', 'F-3a5'])
    expect(cadreF3Line({ ...base, certificationKind: 'RNCP' })).toBe('F-3a?')
    expect(cadreF3Line(base)).toBe('F-3d')
  })

  it('lists a RNCP title without a level apart, to be placed by hand, and leaves out people with no hour', () => {
    const person = { ftId: null, prescriber: null, funding: 'self', employerName: null, certificationKind: 'RNCP', certificationLevel: null, actionNature: null, traineeName: 'RIOU Fanny', sessionLabel: 'S', trainingTitle: 'T', nsfCode: null, formacode: null }
    const r = bpfReport(2026, [], [
      { ...person, enrolmentId: 1, hours: 12.5 },
      { ...person, enrolmentId: 2, hours: 0 }
    ])
    const f3 = r.sections.find((s) => s.id === 'F3')
    expect(f3?.lines.at(-1)).toMatchObject({ code: 'F-3a?', trainees: 1, hours: 12.5 })
    expect(f3?.lines.find((l) => l.code === 'F-3a6')?.trainees).toBe(0)
    expect(f3?.total.trainees).toBe(1)
    expect(r.toComplete.map((c) => c.code)).toContain('F-3a?')
  })
})
