import type { BpfLine, BpfSection } from '@shared/api/areas/bpf'
import { hoursFr } from '@shared/domain/frenchFormat'
import { formatEuros } from '@shared/domain/money'

/** The figure a line shows: « à compléter » when the data cannot hold it and nothing was found. */
export function lineFigures(section: BpfSection['id'], l: BpfLine): { amount: string; trainees: string; hours: string } {
  const missing = l.toComplete !== null && l.invoices.length === 0 && l.enrolments.length === 0
  if (section === 'C') return { amount: missing ? 'à compléter' : formatEuros(l.amountCents ?? 0), trainees: '', hours: '' }
  return { amount: '', trainees: missing ? 'à compléter' : String(l.trainees ?? 0), hours: missing ? '' : hoursFr(l.hours ?? 0) }
}

/** How many documents a line is made of (the drill-down's size). */
export const sourceCount = (l: BpfLine): number => l.invoices.length + l.enrolments.length

/** Fiscal years offered: the last five, the one just ended first (the BPF is filed by 30 April for it). */
export function yearChoices(today: string): number[] {
  const current = Number(today.slice(0, 4))
  return [current - 1, current, current - 2, current - 3, current - 4]
}
