import ExcelJS from 'exceljs'
import { AppError } from '../../../../shared/api/result'
import { UNKNOWN_FORMAT } from './sniff'
import { isBlank, MAX_COLUMNS, MAX_ROWS, type SourceRow, type SourceTable } from './table'

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/**
 * Excel stores a date as a day count with no time zone; exceljs turns it into the Date at that
 * instant in UTC. Reading the UTC fields gives the civil date back whatever the machine's zone
 * (local fields would show 4 March for a 5 March birth date west of Greenwich).
 */
export function civilDateFromExcel(d: Date): string {
  if (Number.isNaN(d.getTime())) return ''
  // A serial with a time part may land a few milliseconds before midnight after float rounding.
  const rounded = new Date(Math.round(d.getTime() / 1000) * 1000)
  return `${pad(rounded.getUTCDate())}/${pad(rounded.getUTCMonth() + 1)}/${pad(rounded.getUTCFullYear(), 4)}`
}

/** Numbers as Excel would show them without a format; integers never in exponent notation. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return ''
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0)
  return String(n).replace('.', ',')
}

/** Any exceljs cell value (rich text, hyperlink, formula result, date…) as the text the clerk sees. */
export function cellText(value: unknown): string {
  if (value == null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX'
  if (value instanceof Date) return civilDateFromExcel(value)
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText)) {
      return v.richText.map((part: unknown) => (part && typeof part === 'object' ? cellText((part as { text?: unknown }).text) : '')).join('')
    }
    // A hyperlink's text may itself be rich text; an e-mail cell links to "mailto:…".
    if ('hyperlink' in v) return cellText(v.text ?? String(v.hyperlink).replace(/^mailto:/i, ''))
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result)
    // Error values (#N/A, #REF!…) carry no data.
    if ('error' in v) return ''
    if ('text' in v) return cellText(v.text)
  }
  return ''
}

function isOpenDocument(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 120))
  return head.includes('application/vnd.oasis.opendocument')
}

/** The first visible sheet that holds something (the clerk's list, not an empty "Feuil1"). */
export async function readXlsx(bytes: Uint8Array): Promise<SourceTable> {
  if (isOpenDocument(bytes)) {
    throw new AppError('invalid_input', `${UNKNOWN_FORMAT} Ce fichier est un classeur OpenDocument (.ods) : enregistrez-le au format .xlsx.`)
  }
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs types its argument as its own Buffer (an ArrayBuffer); a copy of the bytes is one.
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    await workbook.xlsx.load(copy)
  } catch {
    throw new AppError('invalid_input', `${UNKNOWN_FORMAT} Le fichier est une archive ZIP qui n'est pas un classeur Excel lisible.`)
  }
  const sheets = workbook.worksheets
  if (sheets.length === 0) throw new AppError('invalid_input', `${UNKNOWN_FORMAT} Le classeur ne contient aucune feuille.`)

  const read = (sheet: ExcelJS.Worksheet): SourceRow[] => {
    const rows: SourceRow[] = []
    const width = Math.min(sheet.columnCount, MAX_COLUMNS)
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (rows.length > MAX_ROWS + 50) return
      const cells: string[] = []
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim())
      rows.push({ line, cells })
    })
    return rows
  }

  const visible = sheets.filter((s) => s.state === 'visible')
  const ordered = [...visible, ...sheets.filter((s) => s.state !== 'visible')]
  const nonEmpty: { sheet: ExcelJS.Worksheet; rows: SourceRow[] }[] = []
  for (const sheet of ordered) {
    const rows = read(sheet)
    if (rows.some((r) => !isBlank(r.cells))) nonEmpty.push({ sheet, rows })
  }
  const chosen = nonEmpty[0]
  if (!chosen) throw new AppError('invalid_input', 'Le classeur ne contient aucune donnée : toutes ses feuilles sont vides.')
  if (chosen.rows.length > MAX_ROWS + 50) {
    throw new AppError('invalid_input', `La feuille « ${chosen.sheet.name} » compte plus de ${MAX_ROWS} lignes : découpez-la en plusieurs fichiers.`)
  }
  const warnings: string[] = []
  if (nonEmpty.length > 1) {
    const others = nonEmpty.slice(1).map((s) => `« ${s.sheet.name} »`).join(', ')
    warnings.push(`Seule la feuille « ${chosen.sheet.name} » est lue ; ${nonEmpty.length > 2 ? 'les feuilles' : 'la feuille'} ${others} ${nonEmpty.length > 2 ? 'sont ignorées' : 'est ignorée'}.`)
  }
  return { format: 'xlsx', encoding: null, delimiter: null, sheet: chosen.sheet.name, rows: chosen.rows, warnings }
}
