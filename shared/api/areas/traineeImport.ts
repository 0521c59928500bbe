import { z } from 'zod'
import { command } from '../spec'

/** The trainee fields a prescriber list can fill. */
export const IMPORTABLE_FIELDS = {
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  ftId: 'Identifiant France Travail',
  email: 'E-mail',
  phone: 'Téléphone',
  addressLine1: 'Adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  prescriber: 'Prescripteur',
  prescriberAgency: 'Agence prescriptrice',
  adviserName: 'Conseiller',
  adviserEmail: 'E-mail du conseiller',
  notes: 'Notes'
} as const
export type ImportableField = keyof typeof IMPORTABLE_FIELDS
const FIELD_CODES = Object.keys(IMPORTABLE_FIELDS) as [ImportableField, ...ImportableField[]]

export type ImportRowOutcome = {
  /** 1-based line (CSV) or row (XLSX) of the source file. */
  line: number
  action: 'create' | 'merge' | 'unchanged' | 'invalid' | 'duplicate_in_file'
  name: string
  ftId: string | null
  /** The existing trainee merged into (same France Travail id); after apply, also the one created. */
  traineeId: number | null
  /**
   * French, each starting with « ligne N : »: reasons for an invalid row, what a merge changes
   * (or keeps), warnings such as a possible duplicate (same name and birth date).
   */
  messages: string[]
}

export type TraineeImportPreview = {
  fileName: string
  /** Recognised from the content, not from the name. */
  format: 'csv' | 'xlsx'
  /** CSV only: 'UTF-8', 'UTF-16LE', 'UTF-16BE' or 'windows-1252'. */
  encoding: string | null
  /** CSV only: ';', ',' or a tab. */
  delimiter: string | null
  /** XLSX only: the sheet read (the first one that is not empty). */
  sheet: string | null
  /** Line of the header row (title lines above it are skipped). */
  headerLine: number
  headers: string[]
  /** Column index → field, as recognised from French headers (or as the clerk set it). */
  mapping: (ImportableField | null)[]
  /** The first rows as read, for the mapping screen. */
  sample: string[][]
  /** One per non-blank data row, in file order (blank rows are skipped silently). */
  rows: ImportRowOutcome[]
  counts: { create: number; merge: number; unchanged: number; invalid: number; duplicate_in_file: number }
  /** French remarks about the whole file: ignored columns, missing name column, lines above the header… */
  warnings: string[]
  /** False for a preview; true once apply has written the create and merge rows. */
  applied: boolean
}

const upload = {
  fileName: z.string().min(1, 'Le nom du fichier est vide.').max(255, 'Le nom du fichier : 255 caractères au maximum.'),
  base64: z.string().min(1, 'Le fichier est vide.').max(30_000_000, 'Le fichier dépasse 20 Mo.'),
  /** Overrides the recognised mapping: one entry per column. */
  mapping: z.array(z.enum(FIELD_CODES).nullable()).max(200).optional(),
  /** What to do with a person already known by France Travail id: fill empty fields, or overwrite. */
  merge: z.enum(['fill_empty', 'overwrite', 'skip']).default('fill_empty')
}

export const traineeImportOps = {
  /** Reads a CSV or XLSX prescriber list and says what would happen; writes nothing. */
  'traineeImport:preview': command<TraineeImportPreview>()(z.object(upload).strict()),
  /** Same file and mapping: writes the valid rows in one transaction. */
  'traineeImport:apply': command<TraineeImportPreview>()(z.object(upload).strict())
}
