import { dayOfWeek, formatDateFr } from '../../../../shared/domain/dates'
import { DOCUMENT_KINDS } from '../../../../shared/domain/documents'
import { formatHours } from '../../../../shared/domain/hours'
import { COLORS, fullName, hoursText, renderSingle, signatory, type Cell, type Sheet } from '../layout'
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
  sheet.paragraph(`Codes d'absence : ${items.map((i) => `${i.code} = ${i.label}`).join(' ; ')}.`, { size: 7.5, align: 'left', color: '#5b6470', gap: 4 })
}

export function drawEtatPresence(sheet: Sheet, d: EtatPresenceTraineeData | EtatPresenceSessionData): void {
  if (d.scope === 'session') return drawSession(sheet, d)
  sheet.begin(d.organisation, TITLE)
  sheet.title(TITLE, `Mois de ${monthLabel(d.month)}`)
  // Compact blocks, 14-point rows and the totals as the table's last row: a full month (23
  // working days) fits on one page with the signatures; a longer statement breaks across pages
  // with the table header repeated.
  sheet.traineeBlock(d.trainee, [], { columns: 2, size: 9 })
  sheet.trainingBlock(d.training, [], { size: 9, labelWidth: 120, certification: false })
  const { totals } = d
  sheet.table({
    // Absence wide enough for the totals on one line (« prévues : 163,5 h – … : 10,5 h »).
    columns: [{ width: 66, align: 'center' }, { width: 62 }, { width: 56, align: 'right' }, { width: 315 }],
    header: [['Date', 'Jour', 'Heures', 'Absence']],
    rows: [
      ...d.days.map((day): Cell[] => [
        formatDateFr(day.date),
        WEEKDAYS[dayOfWeek(day.date) - 1] ?? '',
        day.hours === null ? '' : formatHours(day.hours),
        day.absence ?? ''
      ]),
      [
        { text: 'Total du mois', colSpan: 2, weight: 'bold', align: 'left', fill: COLORS.fill },
        { text: hoursText(totals.hours), weight: 'bold', fill: COLORS.fill },
        {
          text: `sur ${hoursText(totals.planned)} prévues – absences justifiées : ${hoursText(totals.justified)}, non justifiées : ${hoursText(totals.unjustified)}`,
          fill: COLORS.fill
        }
      ]
    ],
    zebra: true,
    fontSize: 8.5,
    padding: 1.5,
    paddingX: 3
  })
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
      // Name and identifier on one line (a long name wraps): 15 trainees fit on one page.
      `${r.trainee.lastName.toLocaleUpperCase('fr-FR')} ${r.trainee.firstName}${r.trainee.ftId ? ` – ${r.trainee.ftId}` : ''}`,
      ...r.cells.map((c, i): Cell => (weekend[i] ? { text: c ?? '', fill: '#e4e7ec' } : c ?? '')),
      { text: formatHours(r.hours), weight: 'bold' }
    ]),
    fontSize: 6.5,
    headerFontSize: 6.5,
    padding: 1.5,
    paddingX: 2,
    minRowHeight: 13,
    zebra: true
  })
  sheet.fields(
    'Synthèse',
    [
      ['Stagiaires', String(d.rows.length)],
      ['Heures réalisées (total)', hoursText(d.rows.reduce((a, r) => a + r.hours, 0))]
    ],
    { columns: 2, size: 9 }
  )
  legend(sheet, d.absenceLegend)
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([signatory(d.organisation)])
}

export const renderEtatPresence = (d: EtatPresenceTraineeData | EtatPresenceSessionData): Promise<Buffer> => renderSingle(TITLE, d, drawEtatPresence)
