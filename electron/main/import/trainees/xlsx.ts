import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { AppError } from '@shared/api/result'
import { UNKNOWN_FORMAT } from './sniff'
import { cellValue, clip, isBlank, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, TOO_MANY_CELLS, type SourceRow, type SourceTable } from './table'
import { inflateText, TOO_BIG, zipEntries, type ZipEntry } from './zipGuard'

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

const UNREADABLE = `${UNKNOWN_FORMAT} Le fichier est une archive ZIP qui n'est pas un classeur Excel lisible.`

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string; state?: string }

/**
 * The parts of exceljs's streaming reader this module drives itself: it hands them parts it has
 * unpacked (zipGuard, sizes checked) in the order they are needed, instead of letting exceljs
 * unzip the file (which trusts the archive and parks sheets in temporary files).
 */
type ReaderInternals = {
  options: Record<string, string>
  model?: { sheets?: { name?: string; state?: string; rId?: string }[] }
  workbookRels?: { Id?: string; Target?: string }[]
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseStyles(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: SheetReader }>
}

type SheetPart = { name: string; visible: boolean; entry: ZipEntry }

/** Excel keeps at most 32,767 characters in a cell; escaped as XML, well under this without a tag. */
const MAX_TEXT_RUN = 256 * 1024

/**
 * A part's XML, refused as soon as it runs longer than MAX_TEXT_RUN without a tag: no workbook
 * holds such text, and the XML parser would gather all of it in memory before saying anything.
 */
async function* xmlOf(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
  let run = 0
  for await (const text of inflateText(bytes, entry)) {
    const last = text.lastIndexOf('<')
    run = last < 0 ? run + text.length : text.length - last
    if (run > MAX_TEXT_RUN) throw new AppError('invalid_input', TOO_BIG)
    yield text
  }
}

/** Reads the workbook's structure (sheet names and states, shared strings, date formats), nothing of its sheets yet. */
async function openWorkbook(bytes: Uint8Array): Promise<{ reader: ReaderInternals; sheets: SheetPart[] }> {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name.replace(/^\//, ''), e]))
  const part = (name: string): Readable | null => {
    const entry = entries.get(name)
    return entry ? Readable.from(xmlOf(bytes, entry)) : null
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit'
  }) as unknown as ReaderInternals
  const workbook = part('xl/workbook.xml')
  const rels = part('xl/_rels/workbook.xml.rels')
  if (!workbook || !rels) throw new AppError('invalid_input', UNREADABLE)
  await reader._parseRels(rels)
  await reader._parseWorkbook(workbook)
  const styles = part('xl/styles.xml')
  if (styles) await reader._parseStyles(styles)
  const strings = part('xl/sharedStrings.xml')
  if (strings) for await (const _ of reader._parseSharedStrings(strings)) void _

  const sheets: SheetPart[] = []
  for (const sheet of reader.model?.sheets ?? []) {
    const target = (reader.workbookRels ?? []).find((r) => r.Id === sheet.rId)?.Target
    if (!target) continue
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`
    const entry = entries.get(path)
    if (entry) sheets.push({ name: sheet.name ?? path, visible: (sheet.state ?? 'visible') === 'visible', entry })
  }
  return { reader, sheets }
}

/**
 * A sheet's rows as text, the limits checked as the rows come: at most MAX_ROWS rows (and a
 * margin), MAX_CELLS filled cells, each cell cut to MAX_CELL_CHARS. `firstOnly` stops at the
 * first row that holds something (enough to know whether the sheet is empty).
 */
async function readSheet(bytes: Uint8Array, reader: ReaderInternals, sheet: SheetPart, firstOnly: boolean): Promise<SourceRow[]> {
  const [event] = [...reader._parseWorksheet(xmlOf(bytes, sheet.entry), '1')]
  if (!event) return []
  const rows: SourceRow[] = []
  let filled = 0
  for await (const row of event.value) {
    const width = Math.min(row.cellCount, MAX_COLUMNS)
    const cells: string[] = []
    for (let c = 1; c <= width; c++) {
      const text = cellValue(cellText(row.getCell(c).value))
      if (text !== '') filled++
      cells.push(text)
    }
    if (isBlank(cells)) continue
    rows.push({ line: row.number, cells })
    if (firstOnly) break
    if (rows.length > MAX_ROWS + 50) {
      throw new AppError('invalid_input', `La feuille « ${clip(sheet.name)} » compte plus de ${MAX_ROWS} lignes : découpez-la en plusieurs fichiers.`)
    }
    if (filled > MAX_CELLS) throw new AppError('invalid_input', TOO_MANY_CELLS)
  }
  return rows
}

/** The first visible sheet that holds something (the clerk's list, not an empty "Feuil1"). */
export async function readXlsx(bytes: Uint8Array): Promise<SourceTable> {
  if (isOpenDocument(bytes)) {
    throw new AppError('invalid_input', `${UNKNOWN_FORMAT} Ce fichier est un classeur OpenDocument (.ods) : enregistrez-le au format .xlsx.`)
  }
  let opened: Awaited<ReturnType<typeof openWorkbook>>
  try {
    opened = await openWorkbook(bytes)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('invalid_input', UNREADABLE)
  }
  const { reader, sheets } = opened
  if (sheets.length === 0) throw new AppError('invalid_input', `${UNKNOWN_FORMAT} Le classeur ne contient aucune feuille.`)

  const ordered = [...sheets.filter((s) => s.visible), ...sheets.filter((s) => !s.visible)]
  let chosen: { sheet: SheetPart; rows: SourceRow[] } | null = null
  const others: SheetPart[] = []
  for (const sheet of ordered) {
    try {
      // The chosen sheet is read whole; the others only far enough to know they hold something.
      const rows = await readSheet(bytes, reader, sheet, chosen !== null)
      if (rows.length === 0) continue
      if (chosen) others.push(sheet)
      else chosen = { sheet, rows }
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('invalid_input', UNREADABLE)
    }
  }
  if (!chosen) throw new AppError('invalid_input', 'Le classeur ne contient aucune donnée : toutes ses feuilles sont vides.')
  const warnings: string[] = []
  if (others.length > 0) {
    const listed = others.slice(0, 10).map((s) => `« ${clip(s.name)} »`).join(', ') + (others.length > 10 ? '…' : '')
    warnings.push(
      `Seule la feuille « ${clip(chosen.sheet.name)} » est lue ; ${others.length > 1 ? 'les feuilles' : 'la feuille'} ${listed} ${others.length > 1 ? 'sont ignorées' : 'est ignorée'}.`
    )
  }
  return { format: 'xlsx', encoding: null, delimiter: null, sheet: clip(chosen.sheet.name, 100), rows: chosen.rows, warnings }
}
