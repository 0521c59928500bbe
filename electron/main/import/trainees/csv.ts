import Papa from 'papaparse'
import { AppError } from '../../../../shared/api/result'
import { decodeText } from './sniff'
import { MAX_COLUMNS, MAX_ROWS, type SourceRow, type SourceTable } from './table'

const CANDIDATES = [';', ',', '\t'] as const

export const DELIMITER_NAMES: Record<string, string> = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation' }

function parse(text: string, delimiter: string, preview = 0): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview })
}

/**
 * The delimiter that splits most of the first rows into the same number (at least two) of
 * fields. Papa's own guess is thrown off by a title line above the header, which French
 * exports often have ("Liste des demandeurs d'emploi positionnés — édité le …").
 */
export function guessDelimiter(text: string): string {
  let best: { delimiter: string; rows: number; fields: number } | null = null
  for (const delimiter of CANDIDATES) {
    const counts = new Map<number, number>()
    for (const row of parse(text, delimiter, 30).data) {
      if (row.length === 1 && (row[0] ?? '').trim() === '') continue
      counts.set(row.length, (counts.get(row.length) ?? 0) + 1)
    }
    for (const [fields, rows] of counts) {
      if (fields < 2) continue
      if (!best || rows > best.rows || (rows === best.rows && fields > best.fields)) best = { delimiter, rows, fields }
    }
  }
  return best?.delimiter ?? ';'
}

/** Decodes and splits a CSV (or tab-separated text) file into rows of text cells. */
export function readCsv(bytes: Uint8Array): SourceTable {
  const { text: decoded, encoding } = decodeText(bytes)
  let text = decoded
  let delimiter: string | null = null
  let firstLine = 1
  // Excel honours (and some tools write) a first line "sep=;" naming the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(text)
  if (sep && sep[1] && (CANDIDATES as readonly string[]).includes(sep[1])) {
    delimiter = sep[1]
    text = text.slice(sep[0].length)
    firstLine = 2
  }
  delimiter ??= guessDelimiter(text)
  const result = parse(text, delimiter)
  if (result.data.length > MAX_ROWS + 50) {
    throw new AppError('invalid_input', `Le fichier compte ${result.data.length} lignes : ${MAX_ROWS} au maximum par import. Découpez-le en plusieurs fichiers.`)
  }
  const warnings: string[] = []
  const quote = result.errors.find((e) => e.code === 'MissingQuotes')
  if (quote) {
    const line = (quote.row ?? 0) + firstLine
    warnings.push(`Guillemet non refermé vers la ligne ${line} : la suite du fichier a pu être lue comme un seul champ. Vérifiez le fichier.`)
  }
  const rows: SourceRow[] = result.data.map((cells, i) => ({
    line: i + firstLine,
    cells: cells.slice(0, MAX_COLUMNS).map((c) => c.trim())
  }))
  return { format: 'csv', encoding, delimiter, sheet: null, rows, warnings }
}
