import Papa from 'papaparse'
import { AppError } from '@shared/api/result'
import { decodeText } from './sniff'
import { cellValue, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, TOO_MANY_CELLS, type SourceRow, type SourceTable } from './table'

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
  // Row by row, the limits checked as the rows come: a huge file is refused without being split whole.
  const rows: SourceRow[] = []
  let filled = 0
  let refusal: AppError | null = null
  let unterminated: number | null = null
  let index = 0
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      if (refusal) return
      if (unterminated === null && result.errors.some((e) => e.code === 'MissingQuotes')) unterminated = index + firstLine
      const cells = result.data.slice(0, MAX_COLUMNS).map(cellValue)
      for (const c of cells) if (c !== '') filled++
      rows.push({ line: index + firstLine, cells })
      index++
      if (rows.length > MAX_ROWS + 50) {
        refusal = new AppError('invalid_input', `Le fichier compte plus de ${MAX_ROWS} lignes : ${MAX_ROWS} au maximum par import. Découpez-le en plusieurs fichiers.`)
      } else if (filled > MAX_CELLS) refusal = new AppError('invalid_input', TOO_MANY_CELLS)
      if (refusal) parser.abort()
    }
  })
  if (refusal) throw refusal
  const warnings: string[] = []
  if (unterminated !== null) {
    warnings.push(`Guillemet non refermé vers la ligne ${unterminated} : la suite du fichier a pu être lue comme un seul champ. Vérifiez le fichier.`)
  }
  return { format: 'csv', encoding, delimiter, sheet: null, rows, warnings }
}
