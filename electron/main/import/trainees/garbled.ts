import { looksGarbled } from '../encoding/mojibake'
import type { SourceRow } from './table'

/** Lines named in the warning; the count says how many more. */
const SHOWN = 10

/**
 * A list whose accents are already garbled (« DÃ©borah »: UTF-8 read as windows-1252 by another
 * program, then saved) would store the names that way: the clerk is told which lines, in French.
 */
export function garbledRowsWarning(rows: readonly SourceRow[]): string | null {
  const lines = rows.filter((r) => r.cells.some(looksGarbled)).map((r) => r.line)
  if (lines.length === 0) return null
  const shown = lines.slice(0, SHOWN).join(', ')
  const more = lines.length > SHOWN ? ` et ${lines.length - SHOWN} autres` : ''
  return `Accents mal encodés (« Ã© » au lieu de « é ») ${lines.length > 1 ? 'aux lignes' : 'à la ligne'} ${shown}${more} : le fichier a sans doute été enregistré par un logiciel qui a mal lu ses accents. Corrigez-le (ou demandez un nouvel export) avant d’importer, sinon les noms seront enregistrés ainsi.`
}
