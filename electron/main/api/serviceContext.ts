import { AppError } from '@shared/api/result'
import type { ServiceContext } from '../services/context'
import type { CallContext } from './types'

/** The dispatcher already refuses writes without a clerk; this narrows the type for services. */
export function services(call: CallContext): ServiceContext {
  if (!call.actor) throw new AppError('no_clerk', "Indiquez d'abord votre nom : chaque modification est tracée.")
  return { db: call.db, clock: call.clock, actor: call.actor }
}
