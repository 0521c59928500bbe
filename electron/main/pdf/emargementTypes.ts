import type { IssueInfo, TraineeIdentity, TrainingInfo } from './types'

/** One half-day of a sign-in sheet's week: its times and optional subject (module). */
export type EmargementHalf = { time: string; subject: string | null }

/** A column day of the sheet. A closed day (public holiday, session closure) has no signature cell. */
export type EmargementDay = {
  date: string
  closed: { kind: 'holiday' | 'closure'; label: string } | null
  /** null: the session does not sit that half-day (a 3,5-hour Friday has no afternoon). */
  am: EmargementHalf | null
  pm: EmargementHalf | null
}

/** A signature cell: to sign, or struck out (not in training then) with the reason printed. */
export type EmargementCell = { kind: 'sign' } | { kind: 'struck'; reason: string }

export type EmargementRow = {
  trainee: TraineeIdentity
  /** « entrée le 18/11/2026 », « sortie le … »: why some cells are struck. */
  note: string | null
  /** One per (open day, existing half-day), in the order of `days` (am before pm). */
  cells: EmargementCell[]
}

export type EmargementData = IssueInfo & {
  kind: 'emargement'
  training: TrainingInfo
  /** Monday of the week (ISO). */
  weekOf: string
  days: EmargementDay[]
  rows: EmargementRow[]
  trainerName: string | null
}
