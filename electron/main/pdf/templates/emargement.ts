import { addDays, dayOfWeek, formatDateFr, formatDateLongFr } from '@shared/domain/dates'
import { DOCUMENT_KINDS } from '@shared/domain/documents'
import { HALF_DAY_LABELS, HALF_DAYS, WEEKDAY_LABELS, type HalfDay } from '@shared/domain/schedule'
import type { EmargementCell, EmargementData, EmargementDay } from '../emargementTypes'
import { useFont } from '../fonts'
import { COLORS, renderSingle, t, type Sheet } from '../layout'

/*
 * The weekly sign-in sheet, drawn cell by cell (landscape): one column per half-day the session
 * sits with its times and subject, closed days (public holiday, closure) as a grey column without
 * signature cells, struck cells where someone is not in training, and on EVERY page the training's
 * identity, the column headers and the trainer's signature row.
 */

const TITLE = DOCUMENT_KINDS.emargement
const NAME_WIDTH = 168
const ROW_HEIGHT = 22
const TRAINER_HEIGHT = 31
const CLOSED_WEIGHT = 0.8
const STRUCK_FILL = '#e9ecf0'
const CLOSED_FILL = '#dfe3e8'
const LEGEND = 'Chaque stagiaire présent(e) signe chaque demi-journée ; une absence est notée « ABS » par le formateur ou la formatrice ; case barrée : pas en formation ce jour-là.'

type Column = { x: number; w: number; day: EmargementDay; half: HalfDay | null }

function weekText(d: EmargementData): string {
  const first = d.days[0]?.date ?? d.weekOf
  const last = d.days[d.days.length - 1]?.date ?? addDays(d.weekOf, 6)
  return `Semaine du ${formatDateLongFr(first)} au ${formatDateLongFr(last)}`
}

function columns(sheet: Sheet, days: readonly EmargementDay[]): Column[] {
  const halvesOf = (day: EmargementDay): (HalfDay | null)[] => (day.closed ? [null] : HALF_DAYS.filter((h) => day[h] !== null))
  const weights = days.flatMap((day) => halvesOf(day).map((h) => (h === null ? CLOSED_WEIGHT : 1)))
  const unit = (sheet.width - NAME_WIDTH) / weights.reduce((a, b) => a + b, 0)
  let x = sheet.left + NAME_WIDTH
  return days.flatMap((day) =>
    halvesOf(day).map((half) => {
      const w = (half === null ? CLOSED_WEIGHT : 1) * unit
      const c = { x, w, day, half }
      x += w
      return c
    })
  )
}

/** The training and session identity, on every page (a loose page must still say what it is). */
function identity(sheet: Sheet, d: EmargementData, continued: boolean): void {
  const doc = sheet.doc
  const tr = d.training
  if (continued) {
    useFont(doc, 'bold', 11)
    doc.fillColor(COLORS.accent).text(t(`${TITLE.toLocaleUpperCase('fr-FR')} (suite) – ${weekText(d)}`), sheet.left, doc.y, { width: sheet.width })
    doc.y += 3
  }
  const numbers = [tr.formationNumber ? `formation ${tr.formationNumber}` : null, tr.actionNumber ? `action ${tr.actionNumber}` : null, tr.sessionNumber ? `session ${tr.sessionNumber}` : null]
    .filter((s): s is string => s !== null)
    .join(' · ')
  useFont(doc, 'bold', 9)
  doc.fillColor(COLORS.ink).text(t(tr.title), sheet.left, doc.y, { width: sheet.width })
  useFont(doc, 'regular', 8)
  const parts = [
    `N° Intercarif : ${numbers || 'non renseigné'}`,
    tr.sessionLabel ? `Session : ${tr.sessionLabel}` : null,
    `Lieu : ${tr.place ?? 'non renseigné'}`,
    `Formateur ou formatrice : ${d.trainerName ?? '……………………'}`
  ].filter((s): s is string => s !== null)
  doc.fillColor(COLORS.muted).text(t(parts.join('   ·   ')), sheet.left, doc.y + 1, { width: sheet.width })
  doc.fillColor(COLORS.ink)
  doc.y += 6
}

function box(sheet: Sheet, x: number, y: number, w: number, h: number, fill?: string): void {
  const doc = sheet.doc
  doc.save().rect(x, y, w, h)
  if (fill) doc.fillAndStroke(fill, COLORS.grid)
  else doc.strokeColor(COLORS.grid).stroke()
  doc.restore()
  doc.lineWidth(0.5)
}

function centred(sheet: Sheet, text: string, x: number, y: number, w: number, h: number, size: number, weight: 'regular' | 'bold' = 'regular', color: string = COLORS.ink): void {
  const doc = sheet.doc
  useFont(doc, weight, size)
  const printed = t(text)
  const th = Math.min(doc.heightOfString(printed, { width: w - 4 }), h - 2)
  doc.fillColor(color).text(printed, x + 2, y + (h - th) / 2, { width: w - 4, align: 'center', height: h - 2, ellipsis: true })
}

/** Header rows: days, half-days with times, and the subjects when the week has some. Returns its height. */
function header(sheet: Sheet, cols: Column[], top: number): number {
  const hasSubjects = cols.some((c) => c.half !== null && c.day[c.half]?.subject)
  const dayH = 15
  const halfH = 22
  const doc = sheet.doc
  useFont(doc, 'regular', 6.5)
  const subjectH = hasSubjects ? Math.min(40, Math.max(16, ...cols.map((c) => (c.half ? doc.heightOfString(t(c.day[c.half]?.subject ?? ''), { width: c.w - 4 }) + 6 : 0)))) : 0
  const total = dayH + halfH + subjectH
  box(sheet, sheet.left, top, NAME_WIDTH, total, COLORS.fill)
  centred(sheet, 'Stagiaire\nNom, prénom – identifiant', sheet.left, top, NAME_WIDTH, total, 8, 'bold', COLORS.accent)
  for (const c of cols) {
    const sameDay = cols.filter((o) => o.day === c.day)
    if (sameDay[0] === c) {
      const w = sameDay.reduce((a, o) => a + o.w, 0)
      box(sheet, c.x, top, w, dayH, COLORS.fill)
      const weekday = WEEKDAY_LABELS[dayOfWeek(c.day.date) - 1] ?? ''
      const date = formatDateFr(c.day.date).slice(0, 5)
      useFont(doc, 'bold', 7.5)
      // « Vendredi 20/11 », or « Ven. 20/11 » in a one-column day.
      const full = `${weekday} ${date}`
      centred(sheet, doc.widthOfString(full) <= w - 4 ? full : `${weekday.slice(0, 3)}. ${date}`, c.x, top, w, dayH, 7.5, 'bold', COLORS.accent)
    }
    if (c.half === null) {
      box(sheet, c.x, top + dayH, c.w, halfH + subjectH, CLOSED_FILL)
      centred(sheet, c.day.closed?.kind === 'holiday' ? 'FÉRIÉ' : 'FERMÉ', c.x, top + dayH, c.w, halfH + subjectH, 7.5, 'bold', COLORS.accent)
      continue
    }
    const half = c.day[c.half]
    box(sheet, c.x, top + dayH, c.w, halfH, COLORS.fill)
    centred(sheet, `${HALF_DAY_LABELS[c.half]}\n${half?.time ?? ''}`, c.x, top + dayH, c.w, halfH, 7, 'bold', COLORS.accent)
    if (hasSubjects) {
      box(sheet, c.x, top + dayH + halfH, c.w, subjectH)
      centred(sheet, half?.subject ?? '', c.x, top + dayH + halfH, c.w, subjectH, 6.5, 'regular', COLORS.ink)
    }
  }
  return total
}

function cell(sheet: Sheet, c: Column, y: number, h: number, value: EmargementCell | undefined): void {
  if (!value || value.kind === 'sign') return box(sheet, c.x, y, c.w, h)
  box(sheet, c.x, y, c.w, h, STRUCK_FILL)
  const doc = sheet.doc
  doc.save().moveTo(c.x + 2, y + h - 2).lineTo(c.x + c.w - 2, y + 2).lineWidth(0.6).strokeColor(COLORS.rule).stroke().restore()
  centred(sheet, value.reason, c.x, y, c.w, h, 6, 'regular', COLORS.muted)
}

/** A closed day: one grey block down the body of the page, with the holiday's or closure's name. */
function closedBlock(sheet: Sheet, c: Column, top: number, h: number): void {
  box(sheet, c.x, top, c.w, h, CLOSED_FILL)
  if (c.day.closed) centred(sheet, c.day.closed.label, c.x, top + 4, c.w, h - 8, 7, 'regular', COLORS.muted)
}

export function drawEmargement(sheet: Sheet, d: EmargementData): void {
  const doc = sheet.doc
  sheet.begin(d.organisation, TITLE, 'landscape')
  sheet.title(TITLE, weekText(d))
  const cols = columns(sheet, d.days)
  const open = cols.filter((c) => c.half !== null)
  useFont(doc, 'regular', 7)
  const legendH = doc.heightOfString(t(LEGEND), { width: sheet.width }) + 6
  let index = 0
  let continued = false
  for (;;) {
    identity(sheet, d, continued)
    const top = doc.y
    const headerH = header(sheet, cols, top)
    const bodyTop = top + headerH
    const room = sheet.bottom - bodyTop - TRAINER_HEIGHT - 2
    let count = Math.max(1, Math.floor(room / ROW_HEIGHT))
    const remaining = d.rows.length - index
    // The last page also holds the legend; when it does not fit, one row moves on.
    const lastPage = remaining <= count && remaining * ROW_HEIGHT + legendH <= room
    if (remaining <= count && !lastPage) count = Math.max(1, remaining - 1)
    const rows = d.rows.slice(index, index + count)
    let y = bodyTop
    for (const r of rows) {
      box(sheet, sheet.left, y, NAME_WIDTH, ROW_HEIGHT)
      useFont(doc, 'bold', 8)
      doc.fillColor(COLORS.ink).text(t(`${r.trainee.lastName.toLocaleUpperCase('fr-FR')} ${r.trainee.firstName}`), sheet.left + 3, y + 3, { width: NAME_WIDTH - 6, lineBreak: false, ellipsis: true })
      useFont(doc, 'regular', 6.5)
      const sub = [r.trainee.ftId, r.note].filter((s): s is string => Boolean(s)).join(' · ')
      if (sub) doc.fillColor(COLORS.muted).text(t(sub), sheet.left + 3, y + 14, { width: NAME_WIDTH - 6, lineBreak: false, ellipsis: true })
      open.forEach((c, i) => cell(sheet, c, y, ROW_HEIGHT, r.cells[i]))
      y += ROW_HEIGHT
    }
    // The trainer signs each half-day, on every page.
    box(sheet, sheet.left, y, NAME_WIDTH, TRAINER_HEIGHT, COLORS.fill)
    useFont(doc, 'bold', 7)
    doc.fillColor(COLORS.accent).text(t('Signature du formateur ou de la formatrice'), sheet.left + 3, y + 3, { width: NAME_WIDTH - 6 })
    useFont(doc, 'regular', 7)
    if (d.trainerName) doc.fillColor(COLORS.ink).text(t(d.trainerName), sheet.left + 3, doc.y + 1, { width: NAME_WIDTH - 6, lineBreak: false, ellipsis: true })
    for (const c of open) box(sheet, c.x, y, c.w, TRAINER_HEIGHT)
    for (const c of cols) if (c.half === null) closedBlock(sheet, c, bodyTop, y + TRAINER_HEIGHT - bodyTop)
    y += TRAINER_HEIGHT
    doc.fillColor(COLORS.ink)
    doc.x = sheet.left
    doc.y = y + 6
    index += rows.length
    if (index >= d.rows.length) break
    sheet.newPage()
    continued = true
  }
  sheet.paragraph(LEGEND, { size: 7, align: 'left', color: COLORS.muted })
}

export const renderEmargement = (d: EmargementData): Promise<Buffer> => renderSingle(TITLE, d, drawEmargement)
