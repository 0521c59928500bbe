import { z } from 'zod'
import { id, isoDate, optionalIsoDate, optionalText, text } from '../fields'
import { ENTRY_MODE_CODES, RECRUITMENT_STATE_CODES, type DatePrecision, type EntryMode, type RecruitmentState } from '../../domain/recruitment'
import type { EnrolmentDatesProposal } from '../../domain/sessionDates'

export type TrainingRow = {
  id: number
  intercarifFormationId: string | null
  title: string
  formacode: string | null
  objectiveCode: number | null
  certificationKind: 'RNCP' | 'RS' | null
  certificationCode: string | null
  certificationLevel: number | null
  /** Nature of the action on the certificat de réalisation (null: action de formation). */
  actionNature: 'formation' | 'bilan' | 'vae' | 'apprentissage' | null
  totalHours: number | null
  sessionCount: number
  /** First session start on or after today, if any. */
  nextStart: string | null
  /** How much of nextStart the catalogue knows (a LHEO session may give only its month). */
  nextStartPrecision: DatePrecision | null
  source: 'local' | 'lheo'
  missingFromSource: boolean
  updatedAt: string
}

export type TrainingAction = {
  id: number
  intercarifActionId: string | null
  places: number | null
  hoursTotal: number | null
  hoursCentre: number | null
  hoursCompany: number | null
  rhythm: string | null
  entryMode: EntryMode | null
  priceTotalCents: number | null
  priceHourlyCents: number | null
  funders: { code: string; label: string | null }[]
  trainerName: string | null
  placeLabel: string | null
}

export type TrainingDetail = TrainingRow & {
  formacodeVersion: string | null
  objectives: string | null
  expectedResults: string | null
  content: string | null
  responsibleOrgName: string | null
  lheoImportedAt: string | null
  actions: TrainingAction[]
}

export type SessionRow = {
  id: number
  trainingId: number
  trainingTitle: string
  intercarifFormationId: string | null
  intercarifActionId: string | null
  intercarifSessionId: string | null
  label: string | null
  startDate: string | null
  endDate: string | null
  startPrecision: DatePrecision
  endPrecision: DatePrecision
  placeName: string | null
  placeCity: string | null
  capacity: number | null
  /** Enrolments that hold a place: retenu, à valider, inscrit, entré. */
  placesTaken: number
  entryMode: EntryMode
  recruitmentState: RecruitmentState
  funders: string[]
  /** Next recruitment slot not cancelled, today or later. */
  nextEventDate: string | null
  missingFromSource: boolean
  source: 'local' | 'lheo'
}

export type SessionDetail = SessionRow & {
  hoursCentre: number | null
  hoursCompany: number | null
  weeklyHours: number[] | null
  trainerName: string | null
  referentName: string | null
  registrationStartDate: string | null
  registrationEndDate: string | null
  enrolmentsByStatus: Record<string, number>
  registrations: number
  events: number
  warnings: string[]
}

/** sessions:update's answer: after a change of dates, the enrolments whose planned dates may follow. */
export type SessionUpdateResult = SessionDetail & { enrolmentDates: EnrolmentDatesProposal | null }

const trainingFields = {
  title: text(255, 'L’intitulé'),
  intercarifFormationId: optionalText(40, 'Le numéro de formation InterCarif'),
  formacode: z
    .string()
    .nullish()
    .transform((s) => (s == null || s.trim() === '' ? null : s.trim()))
    .refine((s) => s === null || /^\d{5}$/.test(s), 'Le formacode comporte 5 chiffres.'),
  objectiveCode: z.number().int().min(4).max(9).nullish().transform((v) => v ?? null),
  certificationKind: z.enum(['RNCP', 'RS']).nullish().transform((v) => v ?? null),
  certificationCode: optionalText(20, 'Le code de certification'),
  certificationLevel: z.number().int().min(1).max(8).nullish().transform((v) => v ?? null),
  actionNature: z.enum(['formation', 'bilan', 'vae', 'apprentissage']).nullish().transform((v) => v ?? null),
  totalHours: z.number().min(0).max(10_000).nullish().transform((v) => v ?? null),
  objectives: optionalText(20_000, 'Les objectifs'),
  content: optionalText(50_000, 'Le contenu')
}
export const TrainingInput = z.object(trainingFields).strict()

const weeklyHours = z
  .array(z.number().min(0).max(24))
  .length(7, 'Le planning hebdomadaire donne les heures du lundi au dimanche (7 valeurs).')
  .nullish()
  .transform((v) => v ?? null)

const sessionFields = {
  trainingId: id,
  label: optionalText(120, 'Le libellé'),
  intercarifSessionId: optionalText(40, 'Le numéro de session CARIF'),
  startDate: isoDate('La date de début'),
  endDate: isoDate('La date de fin'),
  placeName: optionalText(200, 'Le lieu'),
  placeCity: optionalText(100, 'La ville'),
  capacity: z.number().int().min(0).max(1000).nullish().transform((v) => v ?? null),
  entryMode: z.enum(ENTRY_MODE_CODES).default('fixed'),
  recruitmentState: z.enum(RECRUITMENT_STATE_CODES).default('open'),
  hoursCentre: z.number().min(0).max(10_000).nullish().transform((v) => v ?? null),
  hoursCompany: z.number().min(0).max(10_000).nullish().transform((v) => v ?? null),
  weeklyHours,
  trainerName: optionalText(120, 'Le formateur'),
  referentName: optionalText(120, 'Le référent'),
  registrationStartDate: optionalIsoDate('Le début des inscriptions'),
  registrationEndDate: optionalIsoDate('La fin des inscriptions')
}
const endAfterStart = (s: { startDate?: string; endDate?: string }) => !s.startDate || !s.endDate || s.endDate >= s.startDate
export const SessionInput = z
  .object(sessionFields)
  .strict()
  .refine(endAfterStart, { message: 'La date de fin précède la date de début.', path: ['endDate'] })
// The defaults of a new session must not apply to a patch: changing the capacity alone would
// otherwise reset the recruitment state to "open".
export const SessionPatch = z
  .object(sessionFields)
  .omit({ trainingId: true })
  .extend({ entryMode: z.enum(ENTRY_MODE_CODES), recruitmentState: z.enum(RECRUITMENT_STATE_CODES) })
  .partial()
  .strict()
