import type { ConsistencyDifference, ConsistencyFix } from '@shared/api/areas/consistency'
import { DIFFERENCE_KINDS } from '@shared/domain/invoiceConsistency'

/** The address of a fix link (hash route + query string), e.g. `/assiduite?mois=2026-11&session=3`. */
export function fixHref(fix: ConsistencyFix): string {
  const query = new URLSearchParams(fix.params).toString()
  return query ? `${fix.route}?${query}` : fix.route
}

export const kindLabel = (d: ConsistencyDifference): string => DIFFERENCE_KINDS[d.kind]

/** Differences grouped by trainee, in the report's order (trainees sorted by name by the service). */
export function byTrainee(differences: readonly ConsistencyDifference[]): { enrolmentId: number; traineeName: string; items: ConsistencyDifference[] }[] {
  const groups = new Map<number, { enrolmentId: number; traineeName: string; items: ConsistencyDifference[] }>()
  for (const d of differences) {
    const g = groups.get(d.enrolmentId) ?? { enrolmentId: d.enrolmentId, traineeName: d.traineeName, items: [] }
    g.items.push(d)
    groups.set(d.enrolmentId, g)
  }
  return [...groups.values()]
}
