import { spreadsheetSafe } from '@shared/domain/spreadsheetText'
import type { QuoteFilter, QuoteRow } from '@shared/api/areas/quotes'
import { QUOTE_FUNDERS } from '@shared/domain/aifQuoteAmounts'
import { formatDateFr } from '@shared/domain/dates'
import { formatHours } from '@shared/domain/hours'
import type { Db } from '../../db/open'
import { csvFile, xlsxFile, type TableColumn } from '../exports/tableFile'
import { listQuotes } from './quoteQueries'

/*
 * « Exporter » of the quotes grid, the whole filtered list: CSV (UTF-8 with a BOM, `;`, values as
 * displayed: French dates, amounts with a comma) or XLSX (amounts as numbers in euros with a
 * currency format, dates as text dd/mm/yyyy).
 */

type Column = TableColumn<QuoteRow>

const euros = (cents: number | null): number | null => (cents === null ? null : cents / 100)
const eurosText = (cents: number | null): string => (cents === null ? '' : `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`)

const COLUMNS: Column[] = [
  { header: 'N° devis', width: 18, value: (q) => q.number },
  { header: 'Statut', width: 22, value: (q) => q.statusLabel },
  { header: 'Nom', width: 18, value: (q) => q.lastName.toLocaleUpperCase('fr-FR') },
  { header: 'Prénom', width: 16, value: (q) => q.firstName },
  { header: 'Identifiant France Travail', width: 14, value: (q) => q.ftId ?? '' },
  { header: 'Session', width: 30, value: (q) => q.sessionLabel ?? q.trainingTitle },
  { header: 'Début', width: 12, value: (q) => formatDateFr(q.startDate) },
  { header: 'Fin', width: 12, value: (q) => formatDateFr(q.endDate) },
  { header: 'Heures', width: 10, value: (q) => q.hoursTotal },
  { header: 'Prix horaire', width: 12, value: (q) => q.hourlyCents, euros: true },
  { header: 'Coût pédagogique', width: 14, value: (q) => q.totalCents, euros: true },
  { header: 'Autres financeurs', width: 30, value: (q) => q.funders.map((f) => `${QUOTE_FUNDERS[f.funder]} ${eurosText(f.amountCents)} €`).join(' ; ') },
  { header: 'Demandé à France Travail', width: 14, value: (q) => q.franceTravailCents, euros: true },
  { header: 'Reste à charge', width: 12, value: (q) => q.remainingCents, euros: true },
  { header: 'À déposer avant le', width: 14, value: (q) => formatDateFr(q.latestFilingDate) },
  { header: 'Transmis le', width: 12, value: (q) => (q.sentOn ? formatDateFr(q.sentOn) : '') },
  { header: 'N° KAIROS', width: 14, value: (q) => q.kairosReference ?? '' },
  { header: 'Accepté le', width: 12, value: (q) => (q.acceptedOn ? formatDateFr(q.acceptedOn) : '') },
  { header: 'Décision le', width: 12, value: (q) => (q.answeredOn ? formatDateFr(q.answeredOn) : '') },
  { header: 'Contrôles', width: 60, value: (q) => q.findings.map((f) => `${f.level === 'refusal' ? 'Bloquant' : 'Attention'} : ${f.message}`).join(' ') }
]

export async function exportQuotes(db: Db, filter: QuoteFilter, format: 'csv' | 'xlsx', today: string): Promise<{ fileName: string; mime: string; base64: string }> {
  const rows = listQuotes(db, filter, today)
  const base = `devis-aif-${today}`
  if (format === 'csv') {
    return csvFile(base, COLUMNS, rows, (v, c) => {
      if (typeof v === 'number') return c.euros ? eurosText(v) : formatHours(v)
      return spreadsheetSafe(v ?? '')
    })
  }
  return xlsxFile(base, 'Devis AIF', COLUMNS, rows, (v, c) => (c.euros && typeof v === 'number' ? euros(v) : typeof v === 'string' ? spreadsheetSafe(v) : v))
}
