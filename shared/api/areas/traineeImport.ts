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
  adviserName: 'Conseiller',
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
  /** The existing trainee merged into (same France Travail id). */
  traineeId: number | null
  /** French reasons for an invalid row, or what a merge changes. */
  messages: string[]
}

export type TraineeImportPreview = {
  fileName: string
  sheet: string | null
  headers: string[]
  /** Column index → field, as recognised from French headers (or as the clerk set it). */
  mapping: (ImportableField | null)[]
  /** The first rows as read, for the mapping screen. */
  sample: string[][]
  rows: ImportRowOutcome[]
  counts: { create: number; merge: number; unchanged: number; invalid: number; duplicate_in_file: number }
}

const upload = {
  fileName: z.string().min(1).max(255),
  base64: z.string().min(1).max(30_000_000, 'Le fichier dépasse 20 Mo.'),
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
