import type { BpfLine, BpfReport, BpfSection } from '@shared/domain/bpf'
import { formatDateFr } from '@shared/domain/dates'
import { hoursFr } from '@shared/domain/frenchFormat'
import { formatEuros } from '@shared/domain/money'
import { COLORS, type Cell, type Sheet } from '../layout'
import type { OrganisationIdentity } from '../types'

/*
 * The BPF summary (cerfa 10443) on one page, in the form's line order, so the clerk copies each
 * figure into the online form: cadre C (income by funder type, hors taxes), F-1 (type de
 * stagiaires), F-3 (objectif général), F-4 (spécialités). A figure the data cannot hold reads
 * « à compléter »; the reasons and the parts of the form Passerelle knows nothing about follow.
 */

export type BpfSummaryData = { organisation: OrganisationIdentity; report: BpfReport; issuedOn: string }

const TO_COMPLETE = 'à compléter'
/** Less room after each table than a letter's: the whole form holds on one page. */
const TIGHTEN = 5
const ROW = { fontSize: 7, headerFontSize: 7, padding: 1.2, paddingX: 4, minRowHeight: 9 } as const

function moneyCell(l: BpfLine, bold = false): Cell {
  const text = l.toComplete && l.invoices.length === 0 ? TO_COMPLETE : formatEuros(l.amountCents ?? 0)
  return { text, align: 'right', ...(bold ? { weight: 'bold' as const } : {}) }
}
function countCells(l: BpfLine, bold = false): Cell[] {
  const weight = bold ? { weight: 'bold' as const } : {}
  if (l.toComplete && l.enrolments.length === 0) return [{ text: TO_COMPLETE, align: 'right', colSpan: 2 }]
  return [
    { text: String(l.trainees ?? 0), align: 'right', ...weight },
    { text: hoursFr(l.hours ?? 0), align: 'right', ...weight }
  ]
}

function cadreC(sheet: Sheet, s: BpfSection): void {
  sheet.heading(s.title)
  sheet.table({
    ...ROW,
    columns: [{ width: 44 }, { width: 380 }, { width: 100, align: 'right' }],
    header: [['Ligne', 'Origine des produits', 'Montant HT']],
    rows: [...s.lines.map((l): Cell[] => [l.code, l.label, moneyCell(l)]), [{ text: 'Total', weight: 'bold' }, { text: s.total.label, weight: 'bold' }, moneyCell(s.total, true)]]
  })
  sheet.space(-TIGHTEN)
}

function cadreF(sheet: Sheet, s: BpfSection): void {
  sheet.heading(s.title)
  sheet.table({
    ...ROW,
    columns: [{ width: 64 }, { width: 320 }, { width: 60, align: 'right' }, { width: 80, align: 'right' }],
    header: [['Ligne', 'Intitulé', 'Stagiaires', 'Heures']],
    rows: [...s.lines.map((l): Cell[] => [l.code, l.label, ...countCells(l)]), [{ text: 'Total', weight: 'bold' }, { text: s.total.label, weight: 'bold' }, ...countCells(s.total, true)]]
  })
  sheet.space(-TIGHTEN)
}

export function drawBpfSummary(sheet: Sheet, d: BpfSummaryData): void {
  const { report } = d
  sheet.begin(d.organisation, `Bilan pédagogique et financier ${report.year}`)
  sheet.title(`Bilan pédagogique et financier — exercice ${report.year}`, `Cerfa n° 10443 · exercice du ${formatDateFr(report.from)} au ${formatDateFr(report.to)} · établi le ${formatDateFr(d.issuedOn)}`)
  for (const s of report.sections) {
    if (s.id === 'C') cadreC(sheet, s)
    else cadreF(sheet, s)
  }
  const doc = sheet.doc
  // The lines marked « à compléter » in the tables say why on the BPF screen and in the workbook;
  // here, one short note per reason for the parts of the form outside the tables.
  const inTables = new Set(report.sections.flatMap((s) => s.lines.map((l) => l.code)))
  const byReason = new Map<string, string[]>()
  for (const c of report.toComplete.filter((c) => !inTables.has(c.code) || c.code === 'F-4?')) byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), c.code])
  const notes = [...byReason].map(([reason, codes]) => `${codes.join(', ')} : ${reason}`).join(' · ')
  sheet.paragraph(`À compléter aussi — ${notes}. Montants hors taxes d’après les factures émises et les avoirs de l’exercice ; heures d’après l’émargement (registre des heures).`, {
    size: 6,
    color: COLORS.muted,
    align: 'left',
    gap: 2
  })
  doc.fillColor(COLORS.ink)
}
