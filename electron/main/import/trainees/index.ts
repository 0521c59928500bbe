import { IMPORTABLE_FIELDS, type ImportableField, type TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { AppError } from '@shared/api/result'
import { readCsv } from './csv'
import { columnLetter, findHeaderRow, recogniseHeaders } from './headers'
import { readRow, type RowReading } from './rows'
import { sniffFormat } from './sniff'
import { clip, isBlank, type SourceTable } from './table'
import { garbledRowsWarning } from './garbled'
import { readXlsx } from './xlsx'

export { UNKNOWN_FORMAT, sniffFormat, decodeText } from './sniff'
export { readCsv, guessDelimiter, DELIMITER_NAMES } from './csv'
export { readXlsx, cellText, civilDateFromExcel } from './xlsx'
export { recogniseHeader, recogniseHeaders, normaliseHeader, findHeaderRow, columnLetter } from './headers'
export { readRow, displayName, type RowReading, type NewTrainee } from './rows'
export type { SourceRow, SourceTable } from './table'

/** Rows shown on the mapping screen. */
export const SAMPLE_ROWS = 10

/** The file as read: what the preview shows of it, and every data row read but not yet judged. */
export type TraineeFile = Pick<TraineeImportPreview, 'encoding' | 'delimiter' | 'sheet' | 'headerLine' | 'headers' | 'mapping' | 'sample'> & {
  format: SourceTable['format']
  /** Every data row but the blank ones, in file order. */
  readings: Exclude<RowReading, { kind: 'blank' }>[]
  warnings: string[]
}

export type ReadOptions = {
  /** The clerk's choice of columns, one entry per column; recognised from the headers when absent. */
  mapping?: readonly (ImportableField | null)[] | undefined
  /** The clerk's calendar day (ISO), for birth date plausibility. */
  today: string
}

/** Reads the raw table of a CSV or XLSX file, whichever the bytes are. */
export async function readSourceTable(bytes: Uint8Array): Promise<SourceTable> {
  return sniffFormat(bytes) === 'xlsx' ? readXlsx(bytes) : readCsv(bytes)
}

function lineRange(lines: number[]): string {
  const first = lines[0]
  const last = lines[lines.length - 1]
  if (first === undefined || last === undefined) return ''
  return lines.length === 1 ? `La ligne ${first}` : `Les lignes ${first} à ${last}`
}

function checkMapping(mapping: readonly (ImportableField | null)[], headers: readonly string[]): void {
  if (mapping.length !== headers.length) {
    throw new AppError(
      'invalid_input',
      `Le choix des colonnes ne correspond pas au fichier : ${headers.length} colonne${headers.length > 1 ? 's' : ''} dans le fichier, ${mapping.length} choisie${mapping.length > 1 ? 's' : ''}. Rechargez le fichier.`
    )
  }
  const seen = new Map<ImportableField, number>()
  mapping.forEach((field, i) => {
    if (!field) return
    const before = seen.get(field)
    if (before !== undefined) {
      throw new AppError(
        'invalid_input',
        `« ${IMPORTABLE_FIELDS[field]} » est choisi pour deux colonnes (« ${headers[before] ?? ''} » et « ${headers[i] ?? ''} ») : une seule colonne par information.`,
        [{ path: `mapping.${i}`, message: `« ${IMPORTABLE_FIELDS[field]} » est déjà choisi pour la colonne « ${headers[before] ?? ''} ».` }]
      )
    }
    seen.set(field, i)
  })
}

/** Reads, finds the header, maps columns to fields and validates every row. Pure: no database. */
export async function readTraineeFile(bytes: Uint8Array, options: ReadOptions): Promise<TraineeFile> {
  const table = await readSourceTable(bytes)
  const headerIndex = findHeaderRow(table.rows)
  const headerRow = table.rows[headerIndex]
  if (!headerRow) throw new AppError('invalid_input', 'Le fichier ne contient aucune donnée.')
  const dataRows = table.rows.slice(headerIndex + 1)

  // Columns up to the last one that holds something, in the header or below.
  let width = 0
  for (const row of [headerRow, ...dataRows]) {
    for (let i = row.cells.length - 1; i >= width; i--) {
      if ((row.cells[i] ?? '') !== '') {
        width = i + 1
        break
      }
    }
  }
  // Headers are shown back (mapping screen, warnings): cut short, whatever length the file gives them.
  const headers = Array.from({ length: width }, (_, i) => clip(headerRow.cells[i] || `Colonne ${columnLetter(i)}`, 100))
  const warnings = [...table.warnings]

  const before = table.rows.slice(0, headerIndex).filter((r) => !isBlank(r.cells)).map((r) => r.line)
  if (before.length > 0) {
    warnings.push(`${lineRange(before)}, avant la ligne d'en-tête (ligne ${headerRow.line}), ${before.length > 1 ? 'sont ignorées' : 'est ignorée'}.`)
  }

  let mapping: (ImportableField | null)[]
  if (options.mapping) {
    checkMapping(options.mapping, headers)
    mapping = [...options.mapping]
  } else {
    const recognised = recogniseHeaders(headers)
    mapping = recognised.mapping
    warnings.push(...recognised.warnings)
  }
  const ignored = headers.filter((_h, i) => mapping[i] == null && headerRow.cells[i])
  if (ignored.length > 0) {
    warnings.push(`${ignored.length > 1 ? 'Colonnes ignorées' : 'Colonne ignorée'} : ${ignored.map((h) => `« ${h} »`).join(', ')}.`)
  }
  for (const field of ['lastName', 'firstName'] as const) {
    if (!mapping.includes(field)) {
      warnings.push(`Aucune colonne « ${IMPORTABLE_FIELDS[field]} » : indiquez quelle colonne la contient, sans quoi aucune ligne ne peut être importée.`)
    }
  }

  const garbled = garbledRowsWarning(dataRows)
  if (garbled) warnings.push(garbled)

  const readings: TraineeFile['readings'] = []
  const sample: string[][] = []
  for (const row of dataRows) {
    const reading = readRow(row, mapping, options.today)
    if (reading.kind === 'blank') continue
    readings.push(reading)
    if (sample.length < SAMPLE_ROWS) sample.push(Array.from({ length: width }, (_, i) => clip(row.cells[i] ?? '', 200)))
  }

  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    headerLine: headerRow.line,
    headers,
    mapping,
    sample,
    readings,
    warnings
  }
}
