import { dayOfWeek, formatDateFr } from '@shared/domain/dates'
import { monthName } from '@shared/domain/documentChecks'
import { DOCUMENT_KINDS } from '@shared/domain/documents'
import { formatNumberFr, hoursFr, unbreakable } from '@shared/domain/frenchFormat'
import { COLORS, fullName, periodText, renderSingle, signatory, undersigned, type Cell, type FieldRow, type Sheet } from '../layout'
import type { EtatPresenceSessionData, EtatPresenceTraineeData, PresenceCell, PresenceTotals, TrainingInfo } from '../types'

const TITLE = DOCUMENT_KINDS.etat_presence
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']
const INITIALS = ['L', 'M', 'M', 'J', 'V', 'S', 'D']
const OFF = '#e4e7ec'

export const monthLabel = monthName

const num = (h: number): string => (h === 0 ? '0' : formatNumberFr(h))

function legend(sheet: Sheet, items: { code: string; label: string }[], extra = ''): void {
  if (items.length === 0 && extra === '') return
  const codes = items.map((i) => `${i.code} = ${i.label}`).join(' ; ')
  sheet.paragraph(`${codes ? `Codes : ${codes}.` : ''}${extra ? ` ${extra}` : ''}`.trim(), { size: 7.5, align: 'left', color: '#5b6470', gap: 4 })
}

/** « MAL 7 h (1 j) · ANJ 3,5 h (1 j) » */
const byCodeText = (t: PresenceTotals): string => t.byCode.map((c) => `${c.code} ${hoursFr(c.hours)} (${c.days} j)`).join(' · ') || 'aucune'

/** The controller's check: planned = done + company + absences + not entered (± hours outside the planning). */
export function checkLine(t: PresenceTotals): string {
  const parts = [`${hoursFr(t.attended)} réalisées`]
  if (t.company > 0) parts.push(`${hoursFr(t.company)} en entreprise`)
  parts.push(`${hoursFr(t.justified)} d’absences justifiées`, `${hoursFr(t.unjustified)} d’absences non justifiées`)
  if (t.unrecorded > 0) parts.push(`${hoursFr(t.unrecorded)} non saisies`)
  if (t.short > 0) parts.push(`${hoursFr(t.short)} manquantes sans motif`)
  const extra = t.extra > 0 ? ` − ${hoursFr(t.extra)} au-delà du planning` : ''
  return `Contrôle : ${hoursFr(t.planned)} prévues = ${parts.join(' + ')}${extra}.`
}

/** « Session n° 103725 – SA Lorient – Lieu : … » */
function sessionLine(tr: TrainingInfo): string {
  return [tr.sessionNumber ? `Session n° ${tr.sessionNumber}` : null, tr.sessionLabel, `Lieu : ${tr.place ?? 'non renseigné'}`].filter(Boolean).join(' – ')
}

/** The organisation attests the statement (its signatory when known). */
function attestation(d: EtatPresenceTraineeData | EtatPresenceSessionData, whom: string): string {
  return `${undersigned(d.organisation)} atteste l’exactitude des présences, absences et périodes en entreprise ${whom} en ${monthLabel(d.month)}, d’après les feuilles d’émargement signées.`
}

export function drawEtatPresence(sheet: Sheet, d: EtatPresenceTraineeData | EtatPresenceSessionData): void {
  if (d.scope === 'session') return drawSession(sheet, d)
  sheet.begin(d.organisation, TITLE)
  sheet.title(TITLE, `Mois de ${monthLabel(d.month)}`)
  // One compact block for the person and the training: a full month (23 working days), the
  // check line, the attestation and 35-mm signature boxes fit on one page.
  const tr = d.training
  const rows: FieldRow[] = [
    ['Stagiaire', fullName(d.trainee)],
    ['Identifiant France Travail', d.trainee.ftId ?? 'non renseigné'],
    ['Formation', tr.title, 'wide'],
    ['Session', [tr.sessionNumber ? `n° ${tr.sessionNumber}` : null, tr.sessionLabel].filter(Boolean).join(' – ') || '—'],
    ['Dates', periodText(tr.startDate, tr.endDate)],
    ['Lieu', tr.place ?? 'non renseigné', 'wide']
  ]
  if (d.events.length > 0) rows.push(['Au cours du mois', d.events.join(' ; '), 'wide'])
  sheet.fields('Stagiaire et formation', rows, { columns: 2, size: 8.5 })
  const t = d.totals
  sheet.table({
    columns: [{ width: 62, align: 'center' }, { width: 56 }, { width: 50, align: 'right' }, { width: 54, align: 'right' }, { width: 277 }],
    header: [['Date', 'Jour', 'Prévues', 'Réalisées', 'Absence, entreprise, observation']],
    rows: [
      ...d.days.map((day): Cell[] => {
        const fill = day.off ? OFF : undefined
        const c = (text: string): Cell => (fill ? { text, fill } : text)
        return [c(formatDateFr(day.date)), c(WEEKDAYS[dayOfWeek(day.date) - 1] ?? ''), c(day.planned > 0 ? num(day.planned) : ''), c(day.hours === null ? '' : num(day.hours)), c(day.note ?? '')]
      }),
      [
        { text: 'Total du mois', colSpan: 2, weight: 'bold', align: 'left', fill: COLORS.fill },
        { text: hoursFr(t.planned), weight: 'bold', fill: COLORS.fill },
        { text: hoursFr(t.attended), weight: 'bold', fill: COLORS.fill },
        { text: `entreprise : ${hoursFr(t.company)} – absences justifiées : ${hoursFr(t.justified)}, non justifiées : ${hoursFr(t.unjustified)}`, fill: COLORS.fill }
      ]
    ],
    zebra: true,
    fontSize: 8,
    padding: 0.8,
    paddingX: 3
  })
  const codes = d.absenceLegend.map((i) => `${i.code} = ${i.label}`).join(' ; ')
  sheet.paragraph(`${checkLine(t)} Absences par motif : ${byCodeText(t)}.${codes ? ` Codes : ${codes}.` : ''}`, { size: 7.5, align: 'left', gap: 4 })
  sheet.paragraph(attestation(d, `de ${fullName(d.trainee)}`), { size: 8.5, gap: 2 })
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([{ role: 'Le ou la stagiaire', name: fullName(d.trainee), title: null, note: 'Signature' }, signatory(d.organisation)])
}

/** The day cells of a row; the days after an exit merge into one « Sortie » cell, readable at any width. */
function dayCells(cells: PresenceCell[], events: string[]): Cell[] {
  const firstExit = cells.findIndex((c) => c.exit)
  const kept = firstExit < 0 ? cells : cells.slice(0, firstExit)
  const out: Cell[] = kept.map((c): Cell => (c.off ? { text: c.text, fill: OFF } : c.text))
  if (firstExit >= 0) {
    const span = cells.length - firstExit
    const when = events.find((e) => e.startsWith('Sortie le '))?.slice(7, 20) ?? ''
    out.push({ text: span >= 4 && when ? `Sortie ${when}` : span >= 2 ? 'Sortie' : 'S', colSpan: span, fill: OFF, align: 'center' })
  }
  return out
}

function drawSession(sheet: Sheet, d: EtatPresenceSessionData): void {
  sheet.begin(d.organisation, TITLE, 'landscape')
  sheet.title(TITLE, `${d.training.title} – ${monthLabel(d.month)}`)
  sheet.paragraph(sessionLine(d.training), { size: 9, align: 'center', gap: 6 })
  const header: Cell[] = [{ text: 'Stagiaire', align: 'left' }, ...d.dates.map((date) => `${INITIALS[dayOfWeek(date) - 1] ?? ''}\n${date.slice(8)}`), 'Réal.']
  const name = (r: EtatPresenceSessionData['rows'][number]) => unbreakable(`${r.trainee.lastName.toLocaleUpperCase('fr-FR')} ${r.trainee.firstName}${r.trainee.ftId ? ` – ${r.trainee.ftId}` : ''}`)
  sheet.table({
    columns: [{ width: 120 }, ...d.dates.map(() => ({ width: 19, align: 'center' as const })), { width: 34, align: 'right' }],
    header: [header],
    rows: d.rows.map((r): Cell[] => [name(r), ...dayCells(r.cells, r.events), { text: num(r.totals.attended + r.totals.company), weight: 'bold' }]),
    fontSize: 6.5,
    headerFontSize: 6.5,
    padding: 1.5,
    paddingX: 1,
    minRowHeight: 13,
    zebra: true
  })
  legend(sheet, d.absenceLegend, 'F = jour férié ; « Sortie » : après la sortie de formation ; « Interr. » : interruption ; case grisée : hors formation pour ce ou cette stagiaire. Réal. = heures réalisées, centre et entreprise.')
  // Per trainee: planned, done, company (apart), absences by type, and the check.
  const totalRow = (label: string, t: PresenceTotals, note: string, bold = false): Cell[] => {
    const w = bold ? ('bold' as const) : undefined
    const c = (text: string): Cell => (w ? { text, weight: w, fill: COLORS.fill } : text)
    return [c(label), c(num(t.planned)), c(num(t.attended)), c(num(t.company)), c(num(t.justified)), c(num(t.unjustified)), c(num(t.unrecorded)), c(byCodeText(t)), c(note)]
  }
  const sum = d.rows.reduce<PresenceTotals>(
    (a, r) => ({
      planned: a.planned + r.totals.planned,
      attended: a.attended + r.totals.attended,
      company: a.company + r.totals.company,
      justified: a.justified + r.totals.justified,
      unjustified: a.unjustified + r.totals.unjustified,
      unrecorded: a.unrecorded + r.totals.unrecorded,
      extra: a.extra + r.totals.extra,
      short: a.short + r.totals.short,
      byCode: []
    }),
    { planned: 0, attended: 0, company: 0, justified: 0, unjustified: 0, unrecorded: 0, extra: 0, short: 0, byCode: [] }
  )
  sheet.table({
    columns: [{ width: 150 }, { width: 50, align: 'right' }, { width: 52, align: 'right' }, { width: 52, align: 'right' }, { width: 52, align: 'right' }, { width: 56, align: 'right' }, { width: 46, align: 'right' }, { width: 140 }, { width: 150 }],
    header: [['Stagiaire', 'Prévues (h)', 'Réalisées (h)', 'Entreprise (h)', 'Abs. justifiées (h)', 'Abs. non justifiées (h)', 'Non saisies (h)', 'Absences par motif', 'Entrée, sortie, interruption']],
    rows: [
      ...d.rows.map((r) => totalRow(name(r), r.totals, r.events.join(' ; '))),
      totalRow(`Total (${d.rows.length} stagiaire${d.rows.length > 1 ? 's' : ''})`, sum, '', true)
    ],
    fontSize: 7.5,
    headerFontSize: 7,
    padding: 1.5,
    paddingX: 3,
    zebra: true
  })
  sheet.paragraph(`${checkLine(sum)} (entreprise comptée à part, jamais comme absence)`, { size: 8, align: 'left', gap: 4 })
  sheet.paragraph(attestation(d, 'des stagiaires ci-dessus'), { size: 9 })
  sheet.madeAt(d.organisation.city, d.issuedOn)
  sheet.signatures([signatory(d.organisation)])
}

export const renderEtatPresence = (d: EtatPresenceTraineeData | EtatPresenceSessionData): Promise<Buffer> => renderSingle(TITLE, d, drawEtatPresence)
