import { describe, expect, it } from 'vitest'
import type { SessionRow, TrainingRow } from '@shared/api/areas/catalogue'
import type { RecruitmentWarning } from '@shared/api/areas/recruitment'
import { filterTrainings, readCatalogueParams, sessionAlerts, sessionGridRows, sessionListInput, withParams } from '../../../renderer/src/features/catalogue/catalogueParams'

const training = (id: number, source: 'lheo' | 'local', missingFromSource = false): TrainingRow => ({ id, source, missingFromSource }) as unknown as TrainingRow
const session = (id: number, missingFromSource = false): SessionRow => ({ id, missingFromSource }) as unknown as SessionRow
const warning = (sessionId: number, message: string): RecruitmentWarning => ({ sessionId, message }) as unknown as RecruitmentWarning

describe('catalogue address and filters', () => {
  it('reads the view and the session filters from the address, ignoring unknown values', () => {
    expect(readCatalogueParams(new URLSearchParams(''))).toEqual({ view: 'formations', trainingFilter: null, stateFilter: null, period: 'current' })
    expect(readCatalogueParams(new URLSearchParams('vue=sessions&formation=12&recrutement=open&periode=toutes'))).toEqual({
      view: 'sessions',
      trainingFilter: 12,
      stateFilter: 'open',
      period: 'all'
    })
    expect(readCatalogueParams(new URLSearchParams('formation=abc&recrutement=nimporte'))).toMatchObject({ trainingFilter: null, stateFilter: null })
  })

  it('changes some parameters of the address and removes others', () => {
    expect(withParams(new URLSearchParams('vue=sessions&formation=3'), { formation: null, periode: 'toutes' }).toString()).toBe('vue=sessions&periode=toutes')
  })

  it('asks the server for the sessions of the filters it applies', () => {
    expect(sessionListInput({ trainingFilter: null, stateFilter: null, period: 'all' }, '2026-11-26')).toEqual({})
    expect(sessionListInput({ trainingFilter: 4, stateFilter: 'closed', period: 'current' }, '2026-11-26')).toEqual({ trainingId: 4, recruitmentState: 'closed', activeFrom: '2026-11-26' })
  })

  it('filters trainings by source and by the import flag', () => {
    const all = [training(1, 'lheo'), training(2, 'local'), training(3, 'lheo', true)]
    expect(filterTrainings(all, 'all', false).map((t) => t.id)).toEqual([1, 2, 3])
    expect(filterTrainings(all, 'lheo', false).map((t) => t.id)).toEqual([1, 3])
    expect(filterTrainings(all, 'all', true).map((t) => t.id)).toEqual([3])
  })

  it('gives each session its alerts (warnings, then the import flag) and keeps only flagged ones when asked', () => {
    const warnings = [warning(1, 'Recrutement ouvert sans créneau')]
    expect(sessionAlerts(session(2, true), warnings)).toEqual(['Absente du dernier import LHEO (conservée, à vérifier auprès du CARIF-OREF)'])
    const rows = sessionGridRows([session(1), session(2)], warnings, false)
    expect(rows.map((r) => r.alerts)).toEqual([['Recrutement ouvert sans créneau'], []])
    expect(sessionGridRows([session(1), session(2)], warnings, true).map((r) => r.id)).toEqual([1])
  })
})
