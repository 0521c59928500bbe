import { diffDays, formatDateFr, isIsoDate } from './dates'
import type { Check } from './validation'

/*
 * Interruptions of a trainee's course (docs/domain.md §4): declared in KAIROS only when longer than
 * 15 days, first and last days included; they must be exact because they change the job seeker's
 * category and benefits.
 */

/** An interruption is declared only when it lasts MORE than this many calendar days. */
export const INTERRUPTION_MIN_DAYS = 15

function requireIso(name: string, iso: string): void {
  if (!isIsoDate(iso)) throw new RangeError(`${name} : date ISO invalide ${JSON.stringify(iso)}`)
}

export type InterruptionPeriod = { start: string; end: string | null }

export type InterruptionInput = {
  start: string
  /** null while the interruption is ongoing. */
  end: string | null
  enrolment: { entryDate: string | null; exitDate: string | null; plannedEnd: string | null }
  /** The enrolment's other interruptions (without the one being checked). */
  others: readonly InterruptionPeriod[]
}

/** Calendar days from `start` to `end`, both included. */
export function interruptionLength(start: string, end: string): number {
  return diffDays(start, end) + 1
}

function daysFr(n: number): string {
  return n === 1 ? '1 jour' : `${n} jours`
}

/**
 * Rules (docs/domain.md §4):
 * - dates valid, end on or after start;
 * - the length, first and last days included, must exceed 15 days: shorter absences go into the
 *   attendance grid. An open interruption (end null) is accepted while ongoing; the length rule is
 *   checked when it is closed (a person who has left the training cannot have one still open);
 * - within the enrolment: starts after the entry day (the person attended on entry day), ends by
 *   the exit date, or by the planned end while the person is in training;
 * - no overlap with the enrolment's other interruptions (an open one runs to infinity).
 * Returns the length in days (null while open).
 */
export function checkInterruption(input: InterruptionInput): Check<number | null> {
  const { start, end, enrolment, others } = input
  if (!isIsoDate(start)) return { ok: false, message: 'La date de début de l’interruption est invalide.' }
  if (end !== null && !isIsoDate(end)) return { ok: false, message: 'La date de fin de l’interruption est invalide.' }
  if (end !== null && end < start) {
    return {
      ok: false,
      message: `La fin de l’interruption (${formatDateFr(end)}) précède son début (${formatDateFr(start)}).`
    }
  }
  const length = end === null ? null : interruptionLength(start, end)
  if (length !== null && length <= INTERRUPTION_MIN_DAYS) {
    return {
      ok: false,
      message: `Une interruption n’est déclarée que si elle dépasse ${INTERRUPTION_MIN_DAYS} jours (ici ${daysFr(length)}). Les absences plus courtes se saisissent dans l’assiduité.`
    }
  }

  const { entryDate, exitDate, plannedEnd } = enrolment
  if (entryDate === null) {
    return { ok: false, message: 'La personne n’est pas entrée en formation : une interruption ne se déclare qu’après l’entrée.' }
  }
  requireIso('entryDate', entryDate)
  if (start <= entryDate) {
    return {
      ok: false,
      message: `L’interruption doit commencer après la date d’entrée (${formatDateFr(entryDate)}).`
    }
  }
  if (exitDate !== null) {
    requireIso('exitDate', exitDate)
    if (end === null) {
      return { ok: false, message: `La personne est sortie le ${formatDateFr(exitDate)} : indiquez la date de fin de l’interruption.` }
    }
    if (end > exitDate) {
      return {
        ok: false,
        message: `L’interruption doit se terminer au plus tard à la date de sortie (${formatDateFr(exitDate)}).`
      }
    }
  } else if (plannedEnd !== null) {
    requireIso('plannedEnd', plannedEnd)
    const last = end ?? start
    if (last > plannedEnd) {
      return {
        ok: false,
        message: `L’interruption doit se terminer au plus tard à la fin prévue de la formation (${formatDateFr(plannedEnd)}). Si le parcours est prolongé, modifiez d’abord la date de fin prévue.`
      }
    }
  }

  for (const other of others) {
    requireIso('others.start', other.start)
    if (other.end !== null) requireIso('others.end', other.end)
    const overlaps = (end === null || other.start <= end) && (other.end === null || start <= other.end)
    if (overlaps) {
      const period =
        other.end === null
          ? `celle en cours depuis le ${formatDateFr(other.start)}`
          : `celle du ${formatDateFr(other.start)} au ${formatDateFr(other.end)}`
      return { ok: false, message: `Cette interruption chevauche ${period}.` }
    }
  }
  return { ok: true, value: length }
}
