import { IMPORTABLE_FIELDS, type ImportableField, type ImportRowOutcome, type TraineeImportPreview } from '@shared/api/areas/traineeImport'

/*
 * Pure helpers of the trainee-list import: which files may be sent, the French wording of the
 * counts and outcomes, and the column mapping (a field belongs to one column at most).
 */

export const TRAINEE_IMPORT_MAX_BYTES = 20 * 1024 * 1024

/** Why a file cannot be sent for import, or null when it can. */
export function checkTraineeFile(file: { name: string; size: number }): string | null {
  if (/\.xls$/i.test(file.name)) {
    return `« ${file.name} » est au format Excel 97-2003 (.xls) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx ou en .csv.`
  }
  if (!/\.(csv|txt|xlsx)$/i.test(file.name)) {
    return `« ${file.name} » n’est pas une liste lisible : choisissez un fichier CSV (.csv) ou Excel (.xlsx).`
  }
  if (file.size === 0) return `Le fichier « ${file.name} » est vide.`
  if (file.size > TRAINEE_IMPORT_MAX_BYTES) return `Le fichier « ${file.name} » dépasse 20 Mo : une liste de stagiaires est bien plus petite, vérifiez le fichier.`
  return null
}

export type ImportAction = ImportRowOutcome['action']
export type CountKey = keyof TraineeImportPreview['counts']

export const ACTION_LABELS: Record<ImportAction, string> = {
  create: 'À créer',
  merge: 'À compléter',
  unchanged: 'Inchangé',
  invalid: 'Invalide',
  duplicate_in_file: 'Doublon dans le fichier'
}

/** Once written, the same outcomes read in the past tense. */
export const DONE_LABELS: Record<ImportAction, string> = {
  create: 'Créé',
  merge: 'Complété',
  unchanged: 'Inchangé',
  invalid: 'Ignoré (invalide)',
  duplicate_in_file: 'Ignoré (doublon)'
}

export const COUNT_TILES: { key: CountKey; label: string; done: string; hint: string }[] = [
  { key: 'create', label: 'À créer', done: 'Créés', hint: 'nouvelles fiches' },
  { key: 'merge', label: 'À compléter', done: 'Complétés', hint: 'fiches déjà enregistrées' },
  { key: 'unchanged', label: 'Inchangés', done: 'Inchangés', hint: 'fiches déjà à jour' },
  { key: 'invalid', label: 'Invalides', done: 'Invalides', hint: 'lignes ignorées' },
  { key: 'duplicate_in_file', label: 'Doublons', done: 'Doublons', hint: 'dans le fichier, ignorés' }
]

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`

/** How many people « Importer » writes: created plus completed. */
export function writtenCount(counts: TraineeImportPreview['counts']): number {
  return counts.create + counts.merge
}

/** « Importer 5 stagiaires », « Importer 1 stagiaire », « Rien à importer ». */
export function importButtonLabel(counts: TraineeImportPreview['counts']): string {
  const n = writtenCount(counts)
  return n === 0 ? 'Rien à importer' : `Importer ${plural(n, 'stagiaire', 'stagiaires')}`
}

/** The sentence after the import. */
export function importResultText(counts: TraineeImportPreview['counts']): string {
  const parts: string[] = []
  if (counts.create > 0) parts.push(plural(counts.create, 'stagiaire créé', 'stagiaires créés'))
  if (counts.merge > 0) parts.push(plural(counts.merge, 'fiche complétée', 'fiches complétées'))
  const ignored = counts.invalid + counts.duplicate_in_file
  const tail: string[] = []
  if (counts.unchanged > 0) tail.push(plural(counts.unchanged, 'déjà à jour', 'déjà à jour'))
  if (ignored > 0) tail.push(plural(ignored, 'ligne ignorée', 'lignes ignorées'))
  const head = parts.length > 0 ? `Import terminé : ${parts.join(', ')}` : 'Import terminé : aucune fiche à créer ni à compléter'
  return `${head}${tail.length > 0 ? ` (${tail.join(', ')})` : ''}.`
}

/** « CSV · windows-1252 · séparateur point-virgule », « Excel · feuille « Positionnés » ». */
export function fileFacts(p: Pick<TraineeImportPreview, 'format' | 'encoding' | 'delimiter' | 'sheet' | 'headerLine'>): string[] {
  const facts: string[] = []
  if (p.format === 'csv') {
    facts.push('CSV')
    if (p.encoding) facts.push(p.encoding === 'windows-1252' ? 'windows-1252 (Excel)' : p.encoding)
    if (p.delimiter) facts.push(`séparateur ${p.delimiter === ';' ? 'point-virgule' : p.delimiter === ',' ? 'virgule' : p.delimiter === '\t' ? 'tabulation' : `« ${p.delimiter} »`}`)
  } else {
    facts.push('Excel (.xlsx)')
    if (p.sheet) facts.push(`feuille « ${p.sheet} »`)
  }
  facts.push(`en-têtes ligne ${p.headerLine}`)
  return facts
}

export type FieldOption = { value: ImportableField | ''; label: string }

export const FIELD_OPTIONS: FieldOption[] = [
  { value: '', label: '— Ne pas importer —' },
  ...(Object.entries(IMPORTABLE_FIELDS) as [ImportableField, string][]).map(([value, label]) => ({ value, label }))
]

/**
 * Sets one column's field; a field already given to another column moves here (the other column
 * is then ignored), as the server accepts each field once. Returns the moved-from column, if any.
 */
export function setColumnField(
  mapping: readonly (ImportableField | null)[],
  index: number,
  field: ImportableField | null
): { mapping: (ImportableField | null)[]; movedFrom: number | null } {
  const next = [...mapping]
  let movedFrom: number | null = null
  if (field !== null) {
    next.forEach((f, i) => {
      if (i !== index && f === field) {
        next[i] = null
        movedFrom = i
      }
    })
  }
  next[index] = field
  return { mapping: next, movedFrom }
}

/** The sample values of one column, blanks left out, for the mapping table. */
export function columnSamples(sample: readonly (readonly string[])[], index: number, max = 2): string[] {
  const values: string[] = []
  for (const row of sample) {
    const v = (row[index] ?? '').trim()
    if (v !== '' && !values.includes(v)) values.push(v)
    if (values.length >= max) break
  }
  return values
}

/** A row's messages without their « ligne N : » prefix (the table shows the line in its own column). */
export function stripLine(message: string): string {
  return message.replace(/^ligne \d+ : /, '')
}

export function rowsOf(rows: readonly ImportRowOutcome[], filter: ImportAction | 'all'): ImportRowOutcome[] {
  return filter === 'all' ? [...rows] : rows.filter((r) => r.action === filter)
}
