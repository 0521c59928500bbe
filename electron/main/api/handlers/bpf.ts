import type { bpfOps } from '@shared/api/areas/bpf'
import { bpfSummaryPdf, bpfWorkbook } from '../../services/bpf/bpfFiles'
import { computeBpf } from '../../services/bpf/bpfService'
import type { AreaHandlers } from '../types'

const today = (now: Date): string => now.toISOString().slice(0, 10)

export const bpfHandlers: AreaHandlers<typeof bpfOps> = {
  'bpf:compute': ({ year }, { db, clock }) => computeBpf(db, year, today(clock.now())),
  'bpf:summaryPdf': ({ year }, { db, clock }) => bpfSummaryPdf(db, year, today(clock.now())),
  'bpf:exportXlsx': ({ year }, { db, clock }) => bpfWorkbook(db, year, today(clock.now()))
}
