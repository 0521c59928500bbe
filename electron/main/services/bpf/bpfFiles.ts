import ExcelJS from 'exceljs'
import type { BpfFile } from '@shared/api/areas/bpf'
import type { BpfLine, BpfReport } from '@shared/domain/bpf'
import { spreadsheetSafe } from '@shared/domain/spreadsheetText'
import type { Db } from '../../db/open'
import { Sheet } from '../../pdf/layout'
import { drawBpfSummary } from '../../pdf/templates/bpfSummary'
import { loadOrganisation } from '../documents/documentSources'
import { computeBpf } from './bpfService'

/*
 * The BPF's two files: the one-page summary (PDF, house layout) and the workbook (the figures in
 * the form's order, then one sheet per drill-down: invoices and enrolments behind each line).
 */

export async function bpfSummaryPdf(db: Db, year: number, today: string): Promise<BpfFile> {
  const report = computeBpf(db, year, today)
  const organisation = loadOrganisation(db)
  const sheet = new Sheet({ title: `Bilan pédagogique et financier ${year}`, author: organisation.name })
  drawBpfSummary(sheet, { organisation, report, issuedOn: today })
  const bytes = await sheet.toBuffer()
  return { fileName: `BPF ${year} - synthèse.pdf`, mime: 'application/pdf', base64: bytes.toString('base64') }
}

const euros = (cents: number | null): number | null => (cents === null ? null : cents / 100)
const text = (s: string): string => spreadsheetSafe(s)
const DECIMAL = { numFmt: '#,##0.00' }

/** A worksheet whose header row (the columns' headers) is bold and stays in view. */
function addSheet(wb: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name)
  ws.columns = columns
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return ws
}

function figures(wb: ExcelJS.Workbook, year: number, report: BpfReport): void {
  const ws = addSheet(wb, `BPF ${year}`, [
    { header: 'Cadre', key: 'cadre', width: 10 },
    { header: 'Ligne', key: 'code', width: 16 },
    { header: 'Intitulé', key: 'label', width: 70 },
    { header: 'Montant HT (€)', key: 'amount', width: 16, style: DECIMAL },
    { header: 'Stagiaires', key: 'trainees', width: 12 },
    { header: 'Heures', key: 'hours', width: 12, style: DECIMAL },
    { header: 'À compléter', key: 'toComplete', width: 50 }
  ])
  const add = (cadre: string, l: BpfLine, bold = false): void => {
    const row = ws.addRow({
      cadre,
      code: l.code,
      label: text(l.label),
      amount: cadre === 'C' ? euros(l.toComplete && l.invoices.length === 0 ? null : (l.amountCents ?? 0)) : null,
      trainees: cadre === 'C' ? null : l.toComplete && l.enrolments.length === 0 ? null : l.trainees,
      hours: cadre === 'C' ? null : l.toComplete && l.enrolments.length === 0 ? null : l.hours,
      toComplete: l.toComplete ? text(`à compléter : ${l.toComplete}`) : null
    })
    if (bold) row.font = { bold: true }
  }
  for (const s of report.sections) {
    for (const l of s.lines) add(s.id, l)
    add(s.id, s.total, true)
  }
  for (const c of report.toComplete.filter((c) => !report.sections.some((s) => s.lines.some((l) => l.code === c.code)))) {
    ws.addRow({ cadre: c.code, code: c.code, label: text(c.label), toComplete: text(`à compléter : ${c.reason}`) })
  }
}

function drillInvoices(wb: ExcelJS.Workbook, report: BpfReport): void {
  const ws = addSheet(wb, 'Factures (cadre C)', [
    { header: 'Ligne', key: 'code', width: 10 },
    { header: 'N° de facture', key: 'number', width: 16 },
    { header: 'Nature', key: 'kind', width: 10 },
    { header: 'Date', key: 'date', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Client', key: 'buyer', width: 40 },
    { header: 'Montant HT (€)', key: 'amount', width: 16, style: DECIMAL }
  ])
  for (const l of report.sections.find((s) => s.id === 'C')?.lines ?? []) {
    for (const i of l.invoices) {
      ws.addRow({ code: l.code, number: i.number, kind: i.kind === 'credit_note' ? 'avoir' : 'facture', date: new Date(`${i.issueDate}T00:00:00Z`), buyer: text(i.buyerName), amount: i.signedCents / 100 })
    }
  }
}

function drillEnrolments(wb: ExcelJS.Workbook, report: BpfReport): void {
  const ws = addSheet(wb, 'Stagiaires (cadre F)', [
    { header: 'Ligne', key: 'code', width: 18 },
    { header: 'Stagiaire', key: 'name', width: 30 },
    { header: 'Session', key: 'session', width: 40 },
    { header: 'Heures', key: 'hours', width: 12, style: DECIMAL }
  ])
  for (const s of report.sections.filter((s) => s.id !== 'C')) {
    for (const l of s.lines) for (const e of l.enrolments) ws.addRow({ code: l.code, name: text(e.traineeName), session: text(e.sessionLabel), hours: e.hours })
  }
}

export async function bpfWorkbook(db: Db, year: number, today: string): Promise<BpfFile> {
  const report = computeBpf(db, year, today)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Passerelle'
  figures(wb, year, report)
  drillInvoices(wb, report)
  drillEnrolments(wb, report)
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  return { fileName: `BPF ${year}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') }
}
