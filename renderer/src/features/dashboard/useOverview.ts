import type { Overview } from '@shared/api/areas/app'
import { useQuery } from '../../hooks/useQuery'

const NO_INPUT = {}

/** The dashboard's counters (a `useQuery`: an answer overtaken by a newer reload is dropped). */
export function useOverview(): { overview: Overview | null; error: string | null; reload: () => Promise<void> } {
  const { data: overview, error, reload } = useQuery('app:overview', NO_INPUT)
  return { overview, error, reload }
}
