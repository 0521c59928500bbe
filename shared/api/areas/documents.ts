import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate, isoMonth } from '../fields'
import { DOCUMENT_KIND_CODES, looksLikeAbsolutePath, type DocumentKind } from '../../domain/documents'
import type { FixPlace } from '../../domain/documentChecks'

export type { DocumentKind } from '../../domain/documents'

export type GeneratedDocument = {
  id: number
  kind: DocumentKind
  /** « Certificat d'inscription » */
  kindLabel: string
  traineeId: number | null
  traineeName: string | null
  sessionId: number | null
  sessionLabel: string | null
  enrolmentId: number | null
  period: string | null
  fileName: string
  path: string
  sha256: string
  sizeBytes: number
  generatedAt: string
  generatedBy: string
  /** The earlier document this one replaces (regeneration), and the later one replacing it. */
  supersedesId: number | null
  supersededById: number | null
  /** Printed on the document with its QR code (null: generated before codes existed). */
  verificationCode: string | null
  /** What was missing when the clerk chose « générer quand même » (null: nothing was missing). */
  forcedMissing: string | null
  /** Whether the file is still where it was written. */
  fileExists: boolean
}

export type DocumentJob = {
  id: string
  kind: DocumentKind
  state: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
  /** Documents written and recorded so far (files), then the merged file. */
  documents: GeneratedDocument[]
  merged: GeneratedDocument | null
  /** Enrolments left out of a session batch, each with its French reason. */
  skipped: { enrolmentId: number; name: string; reason: string }[]
  error: string | null
}

/** What `documents:verify` found for a file or a typed code. */
export type DocumentVerification = {
  found: boolean
  /** The file's SHA-256 (null when only a code was given). */
  sha256: string | null
  /** true: the file is the recorded one; false: its code is known but its bytes differ (or unknown file); null: no file given. */
  sha256Match: boolean | null
  code: string | null
  document: {
    id: number
    kindLabel: string
    subject: string | null
    period: string | null
    fileName: string
    generatedAt: string
    generatedBy: string
    supersededBy: { id: number; generatedAt: string; code: string | null } | null
  } | null
  /** The verdict in one French sentence. */
  message: string
}

/** What a document needs and lacks (documents:check). `fix` names the screen to complete it. */
export type DocumentCheckItem = { message: string; fix: FixPlace; fixLabel: string }
export type DocumentCheck = {
  kind: DocumentKind
  /** The organisation's missing identity (every document). */
  organisation: DocumentCheckItem[]
  people: { enrolmentId: number; sessionId: number; name: string; refusal: string | null; missing: DocumentCheckItem[] }[]
  /** Counts: documents that will be generated, people left out for missing data, people it cannot concern. */
  ready: number
  incomplete: number
  refused: number
  /** Monthly statement: the month to propose (one the people were in training, never a future one). */
  defaultMonth: string | null
}

export type DocumentFile = { fileName: string; mime: 'application/pdf'; base64: string; /** The host opened it with the system viewer (Electron). */ opened: boolean }

/** Where generated PDFs are written (app setting `documents.folder`), one sub-folder per month. */
export type DocumentsFolder = {
  /** The folder the next documents go to. */
  path: string
  /** « Documents générés » beside the database. */
  defaultPath: string
  isDefault: boolean
  /** Whether the folder is there now (a network or removable drive may be missing). */
  exists: boolean
}

const folderPath = z
  .string({ error: 'Le dossier : texte attendu.' })
  .trim()
  .min(1, 'Indiquez le chemin complet du dossier.')
  .max(1000, 'Le chemin du dossier : 1000 caractères au maximum.')
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'Le chemin du dossier contient un caractère invisible : retapez-le.')
  .refine(looksLikeAbsolutePath, 'Indiquez le chemin complet du dossier, depuis la racine (par exemple C:\\Formation\\Documents ou /Users/claire/Documents).')

/** A month (attendance statement) or a calendar day (sign-in sheet's week): 2027-02-29 is refused. */
const period = z.union([isoMonth('La période'), isoDate('La période')], { error: 'La période : mois (aaaa-mm) ou jour du calendrier (aaaa-mm-jj) attendu.' })

export const documentOps = {
  /**
   * Starts a batch: the PDFs are rendered on a worker thread; poll `documents:job`. Either
   * `enrolmentIds` (those trainees; refused when one is not eligible) or `sessionId` (every
   * eligible trainee, the others listed in `skipped`). `period`: the month of an attendance
   * statement, or a day of the week of a sign-in sheet.
   */
  'documents:generate': command<DocumentJob>()(
    z
      .object({
        kind: z.enum(DOCUMENT_KIND_CODES),
        enrolmentIds: z.array(id).min(1).max(2000).optional(),
        sessionId: id.optional(),
        period: period.optional(),
        output: z.enum(['files', 'merged', 'both']).default('files'),
        /** « Générer quand même »: also for people whose mandatory data is missing (kept in the register). */
        force: z.boolean().optional()
      })
      .strict()
      .refine((v) => (v.enrolmentIds === undefined) !== (v.sessionId === undefined), {
        message: 'Choisissez des stagiaires ou une session (l’un ou l’autre).',
        path: ['sessionId']
      })
  ),
  /**
   * Checks a request before generating: for each person, why the document cannot exist for them
   * (refusal) or which mandatory data is missing and where to fix it; generates nothing.
   */
  'documents:check': query<DocumentCheck>()(
    z
      .object({
        kind: z.enum(DOCUMENT_KIND_CODES),
        enrolmentIds: z.array(id).min(1).max(2000).optional(),
        sessionId: id.optional(),
        period: period.optional()
      })
      .strict()
      .refine((v) => (v.enrolmentIds === undefined) !== (v.sessionId === undefined), {
        message: 'Choisissez des stagiaires ou une session (l’un ou l’autre).',
        path: ['sessionId']
      })
  ),
  'documents:job': query<DocumentJob>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  'documents:cancel': command<DocumentJob>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  'documents:list': query<GeneratedDocument[]>()(
    z
      .object({
        traineeId: id.optional(),
        sessionId: id.optional(),
        kind: z.enum(DOCUMENT_KIND_CODES).optional(),
        /** Also the documents replaced by a regeneration. */
        includeSuperseded: z.boolean().optional(),
        limit: z.number().int().min(1).max(5000).optional()
      })
      .strict()
  ),
  /** Reopens a recorded document: the system viewer in Electron, the bytes for the browser. */
  'documents:open': query<DocumentFile>()(z.object({ id }).strict()),
  'documents:download': query<DocumentFile>()(z.object({ id }).strict()),
  /** The output folder in effect, and the default one. */
  'documents:folder': query<DocumentsFolder>()(z.object({}).strict()),
  /** Refused, with nothing saved, unless the folder exists or can be created and is writable. */
  'documents:setFolder': command<DocumentsFolder>()(z.object({ path: folderPath }).strict()),
  /** Back to « Documents générés » beside the database. */
  'documents:resetFolder': command<DocumentsFolder>()(z.object({}).strict()),
  /** Checks a PDF (base64) or a typed verification code against the register; reads only. */
  'documents:verify': query<DocumentVerification>()(
    z
      .object({
        base64: z.string().min(1, 'Le fichier est vide.').max(56_000_000, 'Le fichier dépasse 40 Mo : ce n’est pas un document généré par Passerelle.').optional(),
        code: z.string().trim().min(1, 'Saisissez le code de vérification.').max(40, 'Code de vérification trop long.').optional()
      })
      .strict()
      .refine((v) => v.base64 !== undefined || v.code !== undefined, { message: 'Choisissez un fichier PDF ou saisissez le code de vérification.', path: ['code'] })
  )
}

