import { dayOfWeek, formatDateFr } from '../../../../shared/domain/dates'
import { DOCUMENT_KINDS } from '../../../../shared/domain/documents'
import { formatHours } from '../../../../shared/domain/hours'
import { fullName, hoursText, renderSingle, signatory, type Cell, type Sheet } from '../layout'
import type { EtatPresenceSessionData, EtatPresenceTraineeData } from '../types'

const TITLE = DOCUMENT_KINDS.etat_presence
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']
const INITIALS = ['L', 'M', 'M', 'J', 'V', 'S', 'D']

export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${MONTHS[Number(m) - 1] ?? ''} ${y ?? ''}`
}

function legend(sheet: Sheet, items: { code: string; label: string }[]): void {
  if (items.length === 0) return
  sheet.paragraph(`Codes d'absence : ${items.map((i) => `${i.code} = ${i.label}`).join(' ; ')}.`, { size: 7.5, align: 'left', color: '#5b6470' })
}

export function drawEtatPresence(sheet: Sheet, d: EtatPresenceTraineeData | EtatPresenceSessionData): void {
  if (d.scope === 'session') return drawSession(sheet, d)
  sheet.begin(d.organisation, TITLE)
  sheet.title(TITLE, `Mois de ${monthLabel(d.month)}`)
  sheet.traineeBlock(d.trainee)
  sheet.trainingBlock(d.training)
  sheet.table({
    columns: [{ width: 80, align: 'center' }, { width: 80 }, { width: 70, align: 'right' }, { width: 270 }],
    header: [['Date', 'Jour', 'Heures', 'Absence']],
    rows: d.days.map((day): Cell[] => [
      formatDateFr(day.date),
      WEEKDAYS[dayOfWeek(day.date) - 1] ?? '',
      day.hours === null ? '' : formatHours(day.hours),
      day.absence ?? ''
    ]),
    zebra: true,
    fontSize: 9
  })
  sheet.fields('Totaux du mois', [
    ['Heures réalisées', hoursText(d.totals.hours)],
    ['Heures prévues', hoursText(d.totals.planned)],
    ['Absences justifiées', hoursText(d.totals.justified)],
    ['Absences non justifiées', hoursText(d.totals.unjustified)]
  ])
  legend(sheet, d.absenceLegend)
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([{ role: 'Le ou la stagiaire', name: fullName(d.trainee), title: null, note: 'Signature' }, signatory(d.organisation)])
}

function drawSession(sheet: Sheet, d: EtatPresenceSessionData): void {
  sheet.begin(d.organisation, TITLE, 'landscape')
  sheet.title(TITLE, `${d.training.title} – ${monthLabel(d.month)}`)
  const dayWidth = 20
  const header: Cell[] = [{ text: 'Stagiaire', align: 'left' }, ...d.dates.map((date) => `${INITIALS[dayOfWeek(date) - 1] ?? ''}\n${date.slice(8)}`), 'Total']
  const weekend = d.dates.map((date) => dayOfWeek(date) >= 6)
  sheet.table({
    columns: [{ width: 130 }, ...d.dates.map(() => ({ width: dayWidth, align: 'center' as const })), { width: 40, align: 'right' }],
    header: [header],
    rows: d.rows.map((r): Cell[] => [
      `${r.trainee.lastName.toLocaleUpperCase('fr-FR')} ${r.trainee.firstName}${r.trainee.ftId ? `\n${r.trainee.ftId}` : ''}`,
      ...r.cells.map((c, i): Cell => (weekend[i] ? { text: c ?? '', fill: '#e4e7ec' } : c ?? '')),
      { text: formatHours(r.hours), weight: 'bold' }
    ]),
    fontSize: 6.5,
    headerFontSize: 6.5,
    padding: 1.5,
    zebra: true
  })
  sheet.fields('Synthèse', [
    ['Stagiaires', String(d.rows.length)],
    ['Heures réalisées (total)', hoursText(d.rows.reduce((a, r) => a + r.hours, 0))]
  ])
  legend(sheet, d.absenceLegend)
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([signatory(d.organisation)])
}

export const renderEtatPresence = (d: EtatPresenceTraineeData | EtatPresenceSessionData): Promise<Buffer> => renderSingle(TITLE, d, drawEtatPresence)
