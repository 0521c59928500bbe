import type { SessionRow, TrainingRow } from '@shared/api/areas/catalogue'
import type { Input } from '@shared/api/contract'
import type { RecruitmentWarning } from '@shared/api/areas/recruitment'
import { RECRUITMENT_STATE_CODES, type RecruitmentState } from '@shared/domain/recruitment'
import type { SessionGridRow } from './catalogueColumns'

export type CatalogueView = 'formations' | 'sessions'
export type Period = 'current' | 'all'
export type SourceFilter = 'all' | 'lheo' | 'local'

/** What the address says (so a link or the back button shows the same list): view and session filters. */
export type CatalogueParams = { view: CatalogueView; trainingFilter: number | null; stateFilter: RecruitmentState | null; period: Period }

export function readCatalogueParams(params: URLSearchParams): CatalogueParams {
  const stateParam = params.get('recrutement') ?? ''
  return {
    view: params.get('vue') === 'sessions' ? 'sessions' : 'formations',
    trainingFilter: Number(params.get('formation')) || null,
    stateFilter: RECRUITMENT_STATE_CODES.find((c) => c === stateParam) ?? null,
    period: params.get('periode') === 'toutes' ? 'all' : 'current'
  }
}

/** The address with some parameters changed (null removes one). */
export function withParams(params: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) next.delete(k)
    else next.set(k, v)
  }
  return next
}

/** The sessions asked of the server: the filters it applies (the others are applied here). */
type SessionListInput = Input<'sessions:list'>

export function sessionListInput({ trainingFilter, stateFilter, period }: Omit<CatalogueParams, 'view'>, today: string): SessionListInput {
  return {
    ...(trainingFilter ? { trainingId: trainingFilter } : {}),
    ...(stateFilter ? { recruitmentState: stateFilter } : {}),
    ...(period === 'current' ? { activeFrom: today } : {})
  }
}

/** Alerts of one session: recruitment warnings, then the import flag. */
export function sessionAlerts(s: SessionRow, warnings: RecruitmentWarning[]): string[] {
  const alerts = warnings.filter((w) => w.sessionId === s.id).map((w) => w.message)
  if (s.missingFromSource) alerts.push('Absente du dernier import LHEO (conservée, à vérifier auprès du CARIF-OREF)')
  return alerts
}

export function filterTrainings(all: TrainingRow[], source: SourceFilter, onlyFlagged: boolean): TrainingRow[] {
  return all.filter((t) => (source === 'all' || t.source === source) && (!onlyFlagged || t.missingFromSource))
}

export function sessionGridRows(all: SessionRow[], warnings: RecruitmentWarning[], onlyFlagged: boolean): SessionGridRow[] {
  return all.map((s) => ({ ...s, alerts: sessionAlerts(s, warnings) })).filter((s) => !onlyFlagged || s.alerts.length > 0)
}
