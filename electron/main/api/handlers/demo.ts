import type { demoOps } from '@shared/api/areas/demo'
import { generateDemoData } from '../../demo/generateDemoData'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const demoHandlers: AreaHandlers<typeof demoOps> = {
  'demo:generate': (input, call) => generateDemoData(services(call), input)
}
