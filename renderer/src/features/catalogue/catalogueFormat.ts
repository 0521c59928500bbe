import type { SessionRow, TrainingRow } from '@shared/api/areas/catalogue'
import { isMonth, monthLabelFr } from '@shared/domain/attendance'
import { formatDateFr } from '@shared/domain/dates'
import { deFr } from '@shared/domain/frenchFormat'
import { formatHours } from '@shared/domain/hours'
import { ENTRY_MODES, LHEO_OBJECTIVES, RECRUITMENT_STATES, type DatePrecision, type EntryMode, type RecruitmentState } from '@shared/domain/recruitment'
import { sessionName } from '@shared/domain/recruitmentRules'

/*
 * Pure formatters of the catalogue screens (trainings, sessions): what the grids, the session page
 * and the CSV export show. Values stay in their storage form in the rows.
 */

/**
 * A session date with the precision the CARIF-OREF gave: a full day, a month ("03/2027"), a year,
 * not known yet ("à définir") or open ("ouverte", entrées-sorties permanentes).
 */
export function formatSessionDate(iso: string | null, precision: DatePrecision): string {
  switch (precision) {
    case 'open':
      return 'ouverte'
    case 'unknown':
      return 'à définir'
    case 'month':
      return iso && isMonth(iso.slice(0, 7)) ? monthLabelFr(iso.slice(0, 7)) : 'à définir'
    case 'year':
      return iso ? iso.slice(0, 4) : 'à définir'
    default:
      return iso ? formatDateFr(iso) : 'à définir'
  }
}

/** "du 04/12/2017 au 01/06/2018", "à partir de mars 2027", "d’avril 2027 à juin 2027", "dates à définir". */
export function formatSessionPeriod(s: Pick<SessionRow, 'startDate' | 'endDate' | 'startPrecision' | 'endPrecision'>): string {
  const start = formatSessionDate(s.startDate, s.startPrecision)
  const end = formatSessionDate(s.endDate, s.endPrecision)
  const startKnown = s.startPrecision !== 'unknown' && s.startPrecision !== 'open' && s.startDate !== null
  const endKnown = s.endPrecision !== 'unknown' && s.endPrecision !== 'open' && s.endDate !== null
  if (!startKnown && !endKnown) return s.startPrecision === 'open' || s.endPrecision === 'open' ? 'dates ouvertes' : 'dates à définir'
  // « du 12/03/2027 » but « de mars 2027 », « d’avril 2027 »; « au 30/06/2027 » but « à juin 2027 ».
  const from = s.startPrecision === 'day' ? `du ${start}` : deFr(start)
  if (startKnown && !endKnown) return `à partir ${from}${s.endPrecision === 'open' ? ' (fin ouverte)' : ''}`
  if (!startKnown && endKnown) return `début ${start}, fin ${s.endPrecision === 'day' ? 'le ' : 'en '}${end}`
  return `${from} ${s.endPrecision === 'day' ? 'au' : 'à'} ${end}`
}

/** "RNCP 12345 · niv. 4", "RS 5678", "" when the training certifies nothing. */
export function certificationLabel(t: Pick<TrainingRow, 'certificationKind' | 'certificationCode' | 'certificationLevel'>): string {
  if (!t.certificationKind && !t.certificationCode) return t.certificationLevel ? `niv. ${t.certificationLevel}` : ''
  const head = [t.certificationKind, t.certificationCode].filter(Boolean).join(' ')
  return t.certificationLevel ? `${head} · niv. ${t.certificationLevel}` : head
}

export function objectiveLabel(code: number | null): string {
  return code === null ? '' : (LHEO_OBJECTIVES[code] ?? `Code ${code}`)
}

export function sourceLabel(source: 'local' | 'lheo'): string {
  return source === 'lheo' ? 'CARIF' : 'Locale'
}

/** "9 / 12" (places taken over capacity), "9" when the capacity is unknown. */
export function placesLabel(taken: number, capacity: number | null): string {
  return capacity === null ? String(taken) : `${taken} / ${capacity}`
}

/** 0..1 fill of the capacity (capped), null when the capacity is unknown. */
export function placesRatio(taken: number, capacity: number | null): number | null {
  if (capacity === null) return null
  if (capacity <= 0) return taken > 0 ? 1 : 0
  return Math.min(1, taken / capacity)
}

export function entryModeLabel(mode: EntryMode | null): string {
  return mode ? ENTRY_MODES[mode] : ''
}

export function recruitmentStateLabel(state: RecruitmentState): string {
  return RECRUITMENT_STATES[state]
}

/** "Lycée Gaudier-Brzeska — Orléans", or whichever of the two is known. */
export function placeText(name: string | null, city: string | null): string {
  if (name && city && !name.toLocaleLowerCase('fr').includes(city.toLocaleLowerCase('fr'))) return `${name} — ${city}`
  return name ?? city ?? ''
}

export function hoursText(n: number | null): string {
  return n === null ? '' : `${formatHours(n)} h`
}

/** How a session is named in lists and headings (its label, else training, CARIF number and start). */
export function sessionDisplayName(s: Pick<SessionRow, 'label' | 'trainingTitle' | 'startDate' | 'intercarifSessionId'>): string {
  return sessionName({ label: s.label, trainingTitle: s.trainingTitle, startDate: s.startDate, intercarifSessionId: s.intercarifSessionId })
}

/** Shorter name for a select: "Session 103725 · 04/12/2017" or the label. */
export function sessionOptionLabel(s: Pick<SessionRow, 'label' | 'trainingTitle' | 'startDate' | 'startPrecision' | 'intercarifSessionId'>): string {
  const head = s.label ?? s.trainingTitle
  const parts = [head]
  if (s.intercarifSessionId) parts.push(`n° ${s.intercarifSessionId}`)
  const start = formatSessionDate(s.startDate, s.startPrecision)
  parts.push(s.startPrecision === 'unknown' ? 'début à définir' : `début ${start}`)
  return parts.join(' · ')
}

export const WEEKDAYS_SHORT = ['Lun.', 'Mar.', 'Mer.', 'Jeu.', 'Ven.', 'Sam.', 'Dim.'] as const

/** Funders as one line: "Conseil régional, AIF France Travail". */
export function fundersText(funders: string[]): string {
  return funders.join(', ')
}
