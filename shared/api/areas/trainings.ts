import { z } from 'zod'
import { command, query } from '../spec'
import { id } from '../fields'
import { TrainingInput, type TrainingDetail, type TrainingRow } from './catalogue'

export const trainingOps = {
  'trainings:list': query<TrainingRow[]>()(z.object({ search: z.string().max(200).optional() }).strict()),
  'trainings:get': query<TrainingDetail>()(z.object({ id }).strict()),
  'trainings:create': command<TrainingDetail>()(TrainingInput),
  'trainings:update': command<TrainingDetail>()(z.object({ id, changes: TrainingInput.partial().strict() }).strict())
}
