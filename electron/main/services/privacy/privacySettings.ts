import type { PrivacySettings } from '@shared/api/areas/privacy'
import { AppError } from '@shared/api/result'
import { todayIso } from '@shared/domain/dates'
import { checkRetentionYears, DEFAULT_RETENTION_YEARS, retentionCutoff } from '@shared/domain/retention'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import type { Clock, ServiceContext } from '../context'
import { anonymisationCandidates } from './eligibility'

/** app_setting key of the retention period, in whole years after the last activity. */
export const RETENTION_SETTING = 'privacy.retentionYears'

export function retentionYears(db: Db): number {
  const raw = db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?').get(RETENTION_SETTING)?.value
  const years = raw === undefined ? DEFAULT_RETENTION_YEARS : Number(raw)
  // A value edited by hand outside the app falls back to the default rather than anonymising early.
  return checkRetentionYears(years) === null ? years : DEFAULT_RETENTION_YEARS
}

export function privacySettings(db: Db, clock: Clock): PrivacySettings {
  const today = todayIso(clock.now())
  const years = retentionYears(db)
  const cutoff = retentionCutoff(today, years)
  return { retentionYears: years, defaultRetentionYears: DEFAULT_RETENTION_YEARS, cutoff, dueCount: anonymisationCandidates(db, cutoff, today).length }
}

export function savePrivacySettings(ctx: ServiceContext, input: { retentionYears: number }): PrivacySettings {
  const problem = checkRetentionYears(input.retentionYears)
  if (problem) throw new AppError('invalid_input', problem, [{ path: 'retentionYears', message: problem }])
  ctx.db.transaction(() => {
    const before = retentionYears(ctx.db)
    ctx.db
      .prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(RETENTION_SETTING, String(input.retentionYears))
    recordAudit(ctx, { operation: 'privacy.settings', entity: 'app_setting', entityId: RETENTION_SETTING, before: { retentionYears: before }, after: { retentionYears: input.retentionYears } })
  })()
  return privacySettings(ctx.db, ctx.clock)
}
