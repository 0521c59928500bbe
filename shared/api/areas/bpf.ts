import { z } from 'zod'
import { query } from '../spec'
import type { BpfReport } from '../../domain/bpf'

export type { BpfEnrolmentRef, BpfInvoiceRef, BpfLine, BpfReport, BpfSection } from '../../domain/bpf'

export type BpfFile = { fileName: string; mime: string; base64: string }

const year = z.object({ year: z.number({ message: 'Choisissez l’exercice.' }).int('Exercice invalide.').min(2000, 'Exercice invalide.').max(2100, 'Exercice invalide.') }).strict()

export const bpfOps = {
  /** The cerfa 10443 figures of a fiscal year (calendar year) the data holds, each with its invoices or enrolments. */
  'bpf:compute': query<BpfReport>()(year),
  /** The one-page summary in the cerfa's line order (PDF), to copy into the online form. */
  'bpf:summaryPdf': query<BpfFile>()(year),
  /** The figures and their drill-down as an Excel workbook. */
  'bpf:exportXlsx': query<BpfFile>()(year)
}
