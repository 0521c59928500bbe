import { AppError } from '@shared/api/result'
import { isLheoError } from '../../import/lheo'

/** What the clerk reads when a catalogue import fails, on whichever thread it failed. */
export function importErrorMessage(e: unknown): string {
  if (isLheoError(e) || e instanceof AppError) return e.message
  if ((e as { code?: string } | null)?.code === 'SQLITE_BUSY') return 'La base est occupée par une autre écriture : réessayez dans un instant.'
  return `Import impossible : ${e instanceof Error ? e.message : String(e)}.`
}
