import { dayOfWeek, formatDateFr } from '../../../../shared/domain/dates'
import { DOCUMENT_KINDS } from '../../../../shared/domain/documents'
import { renderSingle, type Cell, type Sheet } from '../layout'
import type { EmargementData } from '../types'

const TITLE = DOCUMENT_KINDS.emargement
const WEEKDAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']

export function drawEmargement(sheet: Sheet, d: EmargementData): void {
  sheet.begin(d.organisation, TITLE, 'landscape')
  const first = d.dates[0]
  const last = d.dates[d.dates.length - 1]
  sheet.title(TITLE, first && last ? `Semaine du ${formatDateFr(first)} au ${formatDateFr(last)}` : undefined)
  const tr = d.training
  const numbers = [tr.actionNumber ? `action ${tr.actionNumber}` : null, tr.sessionNumber ? `session ${tr.sessionNumber}` : null].filter(Boolean).join(' · ')
  sheet.paragraph(`${tr.title}${numbers ? ` – n° Intercarif ${numbers}` : ''} – Lieu : ${tr.place ?? 'non renseigné'} – Formateur ou formatrice : ${d.trainerName ?? '……………………'}`, { size: 9, align: 'left' })
  const dayHeader: Cell[] = [{ text: 'Stagiaire', align: 'left' }, ...d.dates.map((date): Cell => ({ text: `${WEEKDAYS[dayOfWeek(date) - 1] ?? ''} ${formatDateFr(date)}`, colSpan: 2 }))]
  const halfHeader: Cell[] = ['Nom, prénom – identifiant', ...d.dates.flatMap(() => [`Matin\n${d.halfDays.morning}`, `Après-midi\n${d.halfDays.afternoon}`])]
  const blanks = d.dates.flatMap(() => ['', ''])
  sheet.table({
    columns: [{ width: 150 }, ...blanks.map(() => ({ width: 60 }))],
    header: [dayHeader, halfHeader],
    rows: [
      ...d.trainees.map((p): Cell[] => [`${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstName}${p.ftId ? `\n${p.ftId}` : ''}`, ...blanks]),
      [{ text: 'Signature du formateur ou de la formatrice', weight: 'bold' }, ...blanks]
    ],
    minRowHeight: 30,
    fontSize: 8
  })
  sheet.paragraph('Chaque demi-journée est signée par le ou la stagiaire présent(e) ; une absence est indiquée « ABS » par le formateur ou la formatrice. Ce document est une pièce justificative à conserver.', { size: 7.5, align: 'left', color: '#5b6470' })
}

export const renderEmargement = (d: EmargementData): Promise<Buffer> => renderSingle(TITLE, d, drawEmargement)
