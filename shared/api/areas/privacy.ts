import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate } from '../fields'
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../../domain/retention'

/* Personal data (RGPD): right of access, anonymisation, retention (docs/domain.md §4 « Retention »). */

export type PrivacySettings = {
  retentionYears: number
  defaultRetentionYears: number
  /** Last activity before this day: past retention as of today. */
  cutoff: string
  /** People past retention, not anonymised yet (the dashboard's reminder). */
  dueCount: number
}

export type AnonymiseCandidate = {
  id: number
  lastName: string
  firstName: string
  ftId: string | null
  /** The last enrolment's end, booking, quote or creation. */
  lastActivity: string
  enrolments: number
  documents: number
}

export type AnonymisePreview = { before: string; candidates: AnonymiseCandidate[]; documents: number }

export type AnonymiseResult = {
  anonymised: number
  /** Audit rows whose values were blanked or had the person's identifiers removed. */
  auditRowsRedacted: number
  documentsDeleted: number
  /** Files of the register that could not be deleted (already gone, or locked): their paths are kept out of the answer. */
  documentsNotDeleted: number
  /** Columns where identifiers were found but a rule of the database refused the change (e.g. an issued invoice). */
  kept: string[]
}

export type DownloadFile = { fileName: string; mime: string; base64: string }

export const privacyOps = {
  /** Right of access: everything about one person, as JSON and as a workbook. Audited (without the data). */
  'privacy:export': command<{ files: DownloadFile[] }>()(z.object({ traineeId: id }).strict()),
  'privacy:anonymisePreview': query<AnonymisePreview>()(z.object({ before: isoDate('La date limite') }).strict()),
  /** The people confirmed from the preview; each is checked again against the date. */
  'privacy:anonymise': command<AnonymiseResult>()(
    z.object({ before: isoDate('La date limite'), ids: z.array(id).min(1, 'Aucune personne choisie.').max(20000) }).strict()
  ),
  'privacy:settings': query<PrivacySettings>()(z.object({}).strict()),
  'privacy:saveSettings': command<PrivacySettings>()(
    z
      .object({
        retentionYears: z
          .number({ error: 'La durée de conservation est un nombre d’années.' })
          .int('La durée de conservation est un nombre entier d’années.')
          .min(MIN_RETENTION_YEARS, `Au moins ${MIN_RETENTION_YEARS} an.`)
          .max(MAX_RETENTION_YEARS, `Au plus ${MAX_RETENTION_YEARS} ans.`)
      })
      .strict()
  )
}
