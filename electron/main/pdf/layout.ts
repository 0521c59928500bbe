import PDFDocument from 'pdfkit'
import { formatDateFr, formatDateLongFr } from '@shared/domain/dates'
import { frenchTypography, NNBSP } from '@shared/domain/documents'
import { agreeFr, deFr, hoursFr, periodFr, unbreakable } from '@shared/domain/frenchFormat'
import { ofRegion } from '@shared/domain/regions'
import { formatNda } from '@shared/domain/nda'
import { formatSiret } from '@shared/domain/siret'
import { cellFont, registerFonts, useFont, type FontWeight } from './fonts'
import type { OrganisationIdentity, TraineeIdentity, TrainingInfo } from './types'

/*
 * The shared layout of every document: A4, margins, the organisation's header, title, trainee
 * and training blocks, « Fait à … le … », signatures, tables that break across pages with their
 * header repeated, and « Page 1 / 2 » footers. A Sheet may hold several documents (a merged
 * batch): each one starts on a new page and is numbered on its own.
 */

export const COLORS = { ink: '#1b1b1b', accent: '#1f3a5f', muted: '#5b6470', rule: '#9aa7b8', fill: '#eef2f7', grid: '#7d8794' } as const
const MARGIN_X = 48
const MARGIN_TOP = 34
// The footer (a rule and two 7-point lines) sits 40 points above the page's edge.
const MARGIN_BOTTOM = 56
const SIZE = { body: 10, small: 8, tiny: 7, title: 15, header: 12 } as const
/** Height of a signature and stamp box: at least 35 mm (99 points), room for a company stamp. */
const SIGNATURE_BOX = 100
const SIGNATURE_HEIGHT = SIGNATURE_BOX + 26
const LOGO = { width: 84, height: 48 } as const

export type Orientation = 'portrait' | 'landscape'
/**
 * Draws on each page of a document after its content (footer code, QR, watermark); answers the
 * width it took at the right of the footer, which the legal line leaves free.
 */
export type PageDecorator = (doc: PDFKit.PDFDocument, footer: { left: number; y: number; width: number }) => number
type Section = { first: number; last: number; title: string; decorate?: PageDecorator }

/** A « label : value » line of a framed block; `wide` spans both columns of a two-column block. */
export type FieldRow = [label: string, value: string] | [label: string, value: string, span: 'wide']
export type FieldsOptions = {
  /** Two columns of « label : value » (short values side by side); wide rows span both. */
  columns?: 1 | 2
  /** Width of the label column (one-column blocks); two-column blocks fit their labels. */
  labelWidth?: number
  /** Font size of labels and values (10 by default). */
  size?: number
}

export type Cell = string | { text: string; colSpan?: number; weight?: FontWeight; align?: 'left' | 'center' | 'right'; fill?: string }
export type Column = { width: number; align?: 'left' | 'center' | 'right' }
export type TableSpec = {
  columns: Column[]
  header: Cell[][]
  rows: Cell[][]
  fontSize?: number
  headerFontSize?: number
  minRowHeight?: number
  padding?: number
  /** Left and right padding of cells, when it differs from `padding` (compact rows). */
  paddingX?: number
  /** Light fill every other row. */
  zebra?: boolean
}

/** Text for print: typographic apostrophes and narrow no-break spaces before « : ; ! ? ». */
export const t = (s: string): string => frenchTypography(s)
export const label = (s: string): string => `${s}${NNBSP}:`

export function civilityLong(c: TraineeIdentity['civility']): string {
  return c === 'Mme' ? 'Madame' : c === 'M' ? 'Monsieur' : ''
}
export function fullName(p: TraineeIdentity): string {
  // A compound name never breaks at its hyphen (« Jean-/Pierre »), unless a part is too long for a
  // narrow column (it would then be cut inside a word instead).
  return [civilityLong(p.civility), p.firstName, p.lastName.toLocaleUpperCase('fr-FR')]
    .filter((s) => s !== '')
    .join(' ')
    .split(' ')
    .map((w) => (w.length <= 24 ? unbreakable(w) : w))
    .join(' ')
}
/** « entré » / « entrée » after the trainee's civility; « entré(e) » only when it is unknown. */
export function agree(p: TraineeIdentity, masculine: string, feminine: string): string {
  return agreeFr(p.civility, masculine, feminine)
}
/** « 4 246,75 h » (the one formatter, shared/domain/frenchFormat.ts). */
export const hoursText = (h: number | null): string => hoursFr(h)
export const periodText = (from: string | null, to: string | null): string => periodFr(from, to)
/** « enregistrée sous le numéro 53 56 09123 56 auprès du préfet de région de Bretagne » */
export function ndaSentence(o: OrganisationIdentity): string | null {
  if (!o.nda) return null
  const number = formatNda(o.nda).replace(/ /g, NNBSP)
  return `déclaration d’activité enregistrée sous le numéro ${number}${o.regionName ? ` auprès du préfet de région ${ofRegion(o.regionName)}` : ''}`
}

/**
 * Splits a text at a word boundary so that its first part, wrapped at `width`, is at most
 * `height` high (the font must be set). Answers ['', text] when not even one word fits.
 */
export function splitToFit(doc: PDFKit.PDFDocument, text: string, width: number, height: number): [string, string] {
  const words = text.split(' ')
  const fits = (n: number) => doc.heightOfString(words.slice(0, n).join(' '), { width }) <= height
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (fits(mid)) lo = mid
    else hi = mid - 1
  }
  return [words.slice(0, lo).join(' '), words.slice(lo).join(' ')]
}

/** The text shortened at a word (then a character) with « … » so that it fits `width` on one line (the font must be set). */
export function oneLine(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let s = text
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.includes(' ') ? s.slice(0, s.lastIndexOf(' ')) : s.slice(0, -1)
  return `${s.replace(/[\s,–-]+$/, '')}…`
}

export class Sheet {
  readonly doc: PDFKit.PDFDocument
  private readonly sections: Section[] = []
  private orientation: Orientation = 'portrait'
  private running = ''
  private organisation: OrganisationIdentity | null = null

  /**
   * `archival`: a PDF/A-3b file (PDF 1.7, tagged, sRGB output intent; the fonts are embedded anyway)
   * dated `createdAt`, which a Factur-X invoice must be.
   */
  constructor(info: { title: string; author: string; archival?: { createdAt: Date } }) {
    this.doc = new PDFDocument({
      ...(info.archival ? { subset: 'PDF/A-3b' as const, pdfVersion: '1.7' as const, tagged: true } : {}),
      size: 'A4',
      autoFirstPage: false,
      bufferPages: true,
      // No built-in font is ever loaded (Helvetica clips « É » in cells and lacks « ʳᵉ »).
      font: null as unknown as string,
      margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_X, right: MARGIN_X },
      info: { Title: info.title, Author: info.author, Creator: 'Passerelle', Producer: 'Passerelle', ...(info.archival ? { CreationDate: info.archival.createdAt, ModDate: info.archival.createdAt } : {}) },
      lang: 'fr-FR',
      displayTitle: true
    })
    registerFonts(this.doc)
  }

  get left(): number {
    return this.doc.page.margins.left
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom
  }

  /** Starts a document on a new page with the organisation's full header. */
  begin(organisation: OrganisationIdentity, title: string, orientation: Orientation = 'portrait'): void {
    this.organisation = organisation
    this.orientation = orientation
    this.running = title
    const section: Section = { first: -1, last: -1, title }
    this.sections.push(section)
    this.addPage()
    section.first = section.last
    this.header(organisation)
  }

  private addPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.orientation, margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_X, right: MARGIN_X } })
    const section = this.sections[this.sections.length - 1]
    if (section) section.last = this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1
    useFont(this.doc, 'regular', SIZE.body)
    this.doc.fillColor(COLORS.ink)
  }

  /** A continuation page: a compact running header (organisation and title). */
  newPage(): void {
    this.addPage()
    const doc = this.doc
    const y = doc.page.margins.top
    // One line each, shortened with « … » when too long: nothing may run under the rule.
    useFont(doc, 'bold', SIZE.small)
    doc.fillColor(COLORS.accent).text(oneLine(doc, t(this.organisation?.name ?? ''), this.width / 2 - 8), this.left, y, { width: this.width / 2, lineBreak: false })
    useFont(doc, 'regular', SIZE.small)
    doc.fillColor(COLORS.muted).text(oneLine(doc, t(`${this.running} (suite)`), this.width / 2 - 8), this.left + this.width / 2, y, { width: this.width / 2, align: 'right', lineBreak: false })
    doc.moveTo(this.left, y + 13).lineTo(this.left + this.width, y + 13).lineWidth(0.5).strokeColor(COLORS.rule).stroke()
    doc.fillColor(COLORS.ink)
    doc.x = this.left
    doc.y = y + 22
  }

  /** Starts a new page when `height` does not fit below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage()
  }

  space(points: number): void {
    this.doc.y += points
  }

  private header(o: OrganisationIdentity): void {
    const doc = this.doc
    const top = doc.page.margins.top
    let textX = this.left
    if (o.logo) {
      try {
        doc.image(Buffer.from(o.logo.data), this.left, top, { fit: [LOGO.width, LOGO.height], valign: 'center' })
        textX = this.left + LOGO.width + 12
      } catch {
        // An unreadable logo must not prevent the document: the identity text is enough.
      }
    }
    const textWidth = this.left + this.width - textX
    useFont(doc, 'bold', SIZE.header)
    doc.fillColor(COLORS.accent).text(t(o.name), textX, top, { width: textWidth })
    useFont(doc, 'regular', SIZE.small)
    doc.fillColor(COLORS.ink)
    const address = [...o.addressLines, [o.postalCode, o.city].filter(Boolean).join(' ')].filter((s) => s.trim() !== '')
    if (address.length > 0) doc.text(t(address.join(' – ')), textX, doc.y + 0.5, { width: textWidth })
    const ids = [
      o.legalForm,
      o.siret ? `SIRET ${formatSiret(o.siret).replace(/ /g, NNBSP)}` : null,
      o.nda ? `NDA ${formatNda(o.nda).replace(/ /g, NNBSP)}` : null
    ].filter((s): s is string => Boolean(s))
    if (ids.length > 0) doc.text(ids.join('   ·   '), textX, doc.y + 0.5, { width: textWidth })
    const contact = [o.phone ? `Tél. ${o.phone.replace(/ /g, '\u00a0')}` : null, o.email ? unbreakable(o.email) : null, o.website ? unbreakable(o.website.replace(/^https?:\/\//, '')) : null].filter((s): s is string => Boolean(s))
    if (contact.length > 0) doc.fillColor(COLORS.muted).text(contact.join('   ·   '), textX, doc.y + 0.5, { width: textWidth })
    if (o.qualiopiNumber) {
      useFont(doc, 'bold', SIZE.small)
      doc.fillColor(COLORS.accent).text(t(`Certifié Qualiopi – actions de formation – n° ${o.qualiopiNumber}`), textX, doc.y + 0.5, { width: textWidth })
    }
    const y = Math.max(doc.y, o.logo ? top + LOGO.height : doc.y) + 6
    doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(1).strokeColor(COLORS.accent).stroke()
    doc.fillColor(COLORS.ink)
    doc.x = this.left
    doc.y = y + 10
  }

  title(text: string, subtitle?: string): void {
    const doc = this.doc
    useFont(doc, 'bold', SIZE.title)
    doc.fillColor(COLORS.accent).text(t(text.toLocaleUpperCase('fr-FR')), this.left, doc.y, { width: this.width, align: 'center' })
    if (subtitle) {
      useFont(doc, 'regular', SIZE.body)
      doc.fillColor(COLORS.muted).text(t(subtitle), this.left, doc.y + 1, { width: this.width, align: 'center' })
    }
    doc.fillColor(COLORS.ink)
    doc.y += 10
  }

  /**
   * A framed block of « label : value » lines; values wrap, labels keep their column. With
   * `columns: 2`, short rows go side by side (two per line) and `wide` rows span the block.
   */
  fields(heading: string, rows: FieldRow[], options: FieldsOptions = {}): void {
    const doc = this.doc
    const pad = 7
    const size = options.size ?? SIZE.body
    const gap = 2
    const inner = this.width - 2 * pad
    const font = (): void => useFont(doc, 'regular', size)
    font()
    // The label's own width, the 6-point gap before its value, and a point to spare.
    const labelFit = (labels: string[]): number => Math.ceil(Math.max(0, ...labels.map((l) => doc.widthOfString(label(l))))) + 7

    // Lines of one or two cells, each cell a label column and a value column.
    type Place = { x: number; labelWidth: number; valueWidth: number; row: FieldRow }
    const lines: Place[][] = []
    if (options.columns === 2) {
      const colGap = 16
      const colWidth = (inner - colGap) / 2
      const pending: FieldRow[] = []
      const paired: FieldRow[][] = []
      for (const row of rows) {
        if (row[2] === 'wide') {
          if (pending.length) paired.push(pending.splice(0))
          paired.push([row])
        } else {
          pending.push(row)
          if (pending.length === 2) paired.push(pending.splice(0))
        }
      }
      if (pending.length) paired.push(pending.splice(0))
      const isPair = (line: FieldRow[]) => line.length === 2 || line[0]?.[2] !== 'wide'
      const leftLabels = paired.map((line) => line[0]?.[0] ?? '')
      const rightLabels = paired.filter(isPair).map((line) => line[1]?.[0] ?? '')
      const leftLabel = Math.min(labelFit(leftLabels), colWidth * 0.6)
      const rightLabel = Math.min(labelFit(rightLabels), colWidth * 0.6)
      const rightX = this.left + pad + colWidth + colGap
      for (const line of paired) {
        const [a, b] = line
        if (!a) continue
        if (!isPair(line)) lines.push([{ x: this.left + pad, labelWidth: leftLabel, valueWidth: inner - leftLabel, row: a }])
        else {
          const cells: Place[] = [{ x: this.left + pad, labelWidth: leftLabel, valueWidth: colWidth - leftLabel, row: a }]
          if (b) cells.push({ x: rightX, labelWidth: rightLabel, valueWidth: colWidth - rightLabel, row: b })
          lines.push(cells)
        }
      }
    } else {
      const labelWidth = options.labelWidth ?? 150
      for (const row of rows) lines.push([{ x: this.left + pad, labelWidth, valueWidth: inner - labelWidth, row }])
    }

    // A continued value (its label printed on the previous page) has an empty label.
    const measureCell = ({ labelWidth, valueWidth, row: [l, v] }: Place): number => {
      font()
      return Math.max(doc.heightOfString(t(v || '—'), { width: valueWidth }), l === '' ? 0 : doc.heightOfString(label(l), { width: labelWidth - 6 })) + gap
    }
    const heights = lines.map((cells) => Math.max(...cells.map(measureCell)))
    const headingHeight = 12
    const total = headingHeight + heights.reduce((a, b) => a + b, 0) + 2 * pad
    // A block is kept on one page when it is short or when little room is left; a long block
    // (long texts) starts where it is and continues on the next page, line by line.
    const remaining = this.bottom - doc.y
    const fitsOnAPage = total < this.bottom - this.doc.page.margins.top - 40
    if (total > remaining && fitsOnAPage && (total <= 160 || remaining < 120)) this.ensure(total)
    else this.ensure(pad + headingHeight + (heights[0] ?? 0) + pad)
    let y = doc.y
    let top = y
    useFont(doc, 'bold', SIZE.small)
    doc.fillColor(COLORS.accent).text(t(heading.toLocaleUpperCase('fr-FR')), this.left + pad, y + pad - 2, { width: inner, characterSpacing: 0.4 })
    y += pad + headingHeight
    const draw = (cells: Place[]): void => {
      font()
      for (const { x, labelWidth, valueWidth, row: [l, v] } of cells) {
        if (l !== '') doc.fillColor(COLORS.muted).text(label(l), x, y, { width: labelWidth - 6 })
        doc.fillColor(COLORS.ink).text(t(v || '—'), x + labelWidth, y, { width: valueWidth })
      }
    }
    const lineHeight = (font(), doc.currentLineHeight(true))
    lines.forEach((first, i) => {
      let cells = first
      let h = heights[i] ?? 12
      for (;;) {
        if (y + h <= this.bottom) {
          draw(cells)
          y += h
          return
        }
        // A value too long for the room left (long texts): as many lines as fit here, the rest
        // on the next page, so a block never leaves half a page empty nor runs off the page.
        const single = cells.length === 1 ? cells[0] : undefined
        const room = this.bottom - y - gap
        let split = false
        if (single && room >= 2 * lineHeight) {
          font()
          const [head, tail] = splitToFit(doc, t(single.row[1]), single.valueWidth, room)
          if (head !== '' && tail !== '') {
            draw([{ ...single, row: [single.row[0], head] }])
            y += measureCell({ ...single, row: [single.row[0], head] })
            cells = [{ ...single, row: ['', tail] }]
            h = measureCell(cells[0] as Place)
            split = true
          }
        }
        if (!split && y <= doc.page.margins.top + 30) {
          // Taller than a whole page and not splittable (two columns): printed as it is.
          draw(cells)
          y += h
          return
        }
        this.frame(top, y + pad / 2)
        this.newPage()
        // The block goes on in a frame of its own on the new page.
        top = doc.y
        y = doc.y + pad
      }
    })
    this.frame(top, y + pad / 2)
    doc.x = this.left
    doc.y = y + pad / 2 + 9
  }

  private frame(top: number, bottom: number): void {
    const top0 = Math.max(top, this.doc.page.margins.top)
    this.doc.save().roundedRect(this.left, top0, this.width, bottom - top0, 4).lineWidth(0.6).strokeColor(COLORS.rule).stroke().restore()
  }

  traineeBlock(p: TraineeIdentity, extra: FieldRow[] = [], options: FieldsOptions = {}): void {
    const rows: FieldRow[] = [['Stagiaire', fullName(p)], ['Identifiant France Travail', p.ftId ?? 'non renseigné']]
    if (p.birthDate) rows.push([p.civility === 'Mme' ? 'Née le' : p.civility === 'M' ? 'Né le' : 'Né(e) le', formatDateFr(p.birthDate)])
    this.fields('Stagiaire', [...rows, ...extra], options)
  }

  /** The training's identity; `certification: false` leaves out the certification aimed at. */
  trainingBlock(tr: TrainingInfo, extra: FieldRow[] = [], options: FieldsOptions & { certification?: boolean } = {}): void {
    const numbers = [
      tr.formationNumber ? `formation ${tr.formationNumber}` : null,
      tr.actionNumber ? `action ${tr.actionNumber}` : null,
      tr.sessionNumber ? `session ${tr.sessionNumber}` : null
    ].filter((s): s is string => s !== null)
    const rows: FieldRow[] = [['Intitulé', tr.title]]
    if (tr.certification && options.certification !== false) rows.push(['Certification visée', tr.certification])
    rows.push(['N° Intercarif', numbers.length > 0 ? numbers.join(' · ') : 'non renseigné'])
    if (tr.sessionLabel) rows.push(['Session', tr.sessionLabel])
    rows.push(['Dates de la session', periodText(tr.startDate, tr.endDate)])
    rows.push(['Lieu', tr.place ?? 'non renseigné'])
    this.fields('Formation', [...rows, ...extra], options)
  }

  paragraph(text: string, options: { weight?: FontWeight; size?: number; align?: 'left' | 'justify' | 'center'; color?: string; gap?: number } = {}): void {
    const doc = this.doc
    useFont(doc, options.weight ?? 'regular', options.size ?? SIZE.body)
    const printed = t(text)
    const h = doc.heightOfString(printed, { width: this.width, align: options.align ?? 'justify' })
    if (h < 200) this.ensure(h)
    doc.fillColor(options.color ?? COLORS.ink).text(printed, this.left, doc.y, { width: this.width, align: options.align ?? 'justify', lineGap: 1.5 })
    doc.fillColor(COLORS.ink)
    doc.y += options.gap ?? 8
  }

  heading(text: string): void {
    this.ensure(40)
    useFont(this.doc, 'bold', SIZE.body + 1)
    this.doc.fillColor(COLORS.accent).text(t(text), this.left, this.doc.y, { width: this.width })
    this.doc.fillColor(COLORS.ink)
    this.doc.y += 3
  }

  /** « Fait à Lorient, le 22 novembre 2026 » */
  madeAt(city: string | null, isoDate: string): void {
    // Kept on the same page as the signatures that follow it.
    this.ensure(18 + SIGNATURE_HEIGHT + 6)
    useFont(this.doc, 'regular', SIZE.body)
    const where = city ? `Fait à ${city}, le ${formatDateLongFr(isoDate)}` : `Fait le ${formatDateLongFr(isoDate)}`
    this.doc.text(t(where), this.left, this.doc.y + 2, { width: this.width, align: 'right' })
    this.doc.y += 6
  }

  /**
   * Side-by-side signature blocks: the role, the name and title on one line, then a box to sign
   * in whose small caption is the note (« Signature et cachet »). Boxes of one row share their top.
   */
  signatures(boxes: { role: string; name?: string | null; title?: string | null; note?: string }[]): void {
    const doc = this.doc
    const gap = 16
    const w = Math.min(250, (this.width - gap * (boxes.length - 1)) / boxes.length)
    const xOf = (i: number) => (boxes.length === 1 ? this.left + this.width - w : this.left + this.width - (boxes.length - i) * w - (boxes.length - 1 - i) * gap)
    const who = (b: (typeof boxes)[number]) => [b.name, b.title].filter((s): s is string => Boolean(s)).join(', ')
    const textHeight = Math.max(
      ...boxes.map((b) => {
        useFont(doc, 'bold', SIZE.small + 1)
        const role = doc.heightOfString(t(b.role), { width: w })
        useFont(doc, 'regular', SIZE.small + 1)
        return role + (who(b) ? doc.heightOfString(t(who(b)), { width: w }) + 1 : 0)
      })
    )
    const height = Math.max(SIGNATURE_HEIGHT, textHeight + 4 + SIGNATURE_BOX)
    this.ensure(height + 6)
    const top = doc.y
    const boxTop = top + textHeight + 4
    boxes.forEach((b, i) => {
      const x = xOf(i)
      useFont(doc, 'bold', SIZE.small + 1)
      doc.fillColor(COLORS.ink).text(t(b.role), x, top, { width: w })
      useFont(doc, 'regular', SIZE.small + 1)
      if (who(b)) doc.text(t(who(b)), x, doc.y + 1, { width: w })
      doc.save().rect(x, boxTop, w, top + height - boxTop).lineWidth(0.5).dash(2, { space: 2 }).strokeColor(COLORS.rule).stroke().undash().restore()
      if (b.note) {
        useFont(doc, 'regular', SIZE.tiny)
        doc.fillColor(COLORS.muted).text(t(b.note), x + 4, boxTop + 3, { width: w - 8, lineBreak: false, ellipsis: true })
      }
    })
    doc.fillColor(COLORS.ink)
    doc.x = this.left
    doc.y = top + height + 8
  }

  /** A table through pdfkit's `doc.table()`, paged by hand so the header repeats on each page. */
  table(spec: TableSpec): void {
    const doc = this.doc
    const pad = spec.padding ?? 3
    const padX = spec.paddingX ?? pad
    const size = spec.fontSize ?? 8.5
    const headerSize = spec.headerFontSize ?? size
    const scale = this.width / spec.columns.reduce((a, c) => a + c.width, 0)
    const widths = spec.columns.map((c) => c.width * Math.min(1, scale))
    const tableWidth = widths.reduce((a, b) => a + b, 0)

    const normalise = (cell: Cell) => (typeof cell === 'string' ? { text: cell } : cell)
    const measure = (cells: Cell[], weight: FontWeight, fontSize: number, minHeight: number): number => {
      let col = 0
      let h = minHeight
      for (const raw of cells) {
        const c = normalise(raw)
        const span = c.colSpan ?? 1
        const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0)
        col += span
        if (c.text === '') continue
        useFont(doc, c.weight ?? weight, fontSize)
        h = Math.max(h, doc.heightOfString(t(c.text), { width: w - 2 * padX }) + 2 * pad + 1)
      }
      return Math.ceil(h)
    }
    const headerHeights = spec.header.map((r) => measure(r, 'bold', headerSize, 0))
    const headerTotal = headerHeights.reduce((a, b) => a + b, 0)

    let heights: number[] = []
    let table: PDFKit.Mixins.PDFTableObject | null = null
    const toCells = (cells: Cell[], isHeader: boolean, rowIndex: number): PDFKit.Mixins.RowOptions[] => {
      let col = 0
      return cells.map((raw) => {
        const c = normalise(raw)
        const column = spec.columns[col]
        col += c.colSpan ?? 1
        const fill = c.fill ?? (isHeader ? COLORS.fill : spec.zebra && rowIndex % 2 === 1 ? '#f7f8fa' : undefined)
        return {
          text: t(c.text),
          ...(c.colSpan ? { colSpan: c.colSpan } : {}),
          font: cellFont(c.weight ?? (isHeader ? 'bold' : 'regular'), isHeader ? headerSize : size),
          align: { x: c.align ?? (isHeader ? 'center' : column?.align ?? 'left'), y: 'center' },
          padding: { vertical: pad, horizontal: padX },
          border: 0.5,
          borderColor: COLORS.grid,
          textColor: isHeader ? COLORS.accent : COLORS.ink,
          ...(fill ? { backgroundColor: fill } : {})
        }
      })
    }
    let index = 0
    const start = (): void => {
      table?.end()
      heights = []
      index = 0
      table = doc.table({ position: { x: this.left, y: doc.y }, maxWidth: tableWidth + 1, columnStyles: widths, rowStyles: (i: number) => ({ height: heights[i] ?? 12 }) })
      spec.header.forEach((r, i) => {
        heights.push(headerHeights[i] ?? 12)
        table?.row(toCells(r, true, index++))
      })
    }
    const firstRow = spec.rows[0]
    this.ensure(headerTotal + (firstRow ? measure(firstRow, 'regular', size, spec.minRowHeight ?? 0) : 0) + 2)
    start()
    spec.rows.forEach((r, i) => {
      const h = measure(r, 'regular', size, spec.minRowHeight ?? 0)
      if (doc.y + h > this.bottom - 1) {
        table?.end()
        table = null
        this.newPage()
        start()
      }
      heights.push(h)
      table?.row(toCells(r, false, i))
      index++
    })
    ;(table as PDFKit.Mixins.PDFTableObject | null)?.end()
    doc.x = this.left
    doc.y += 10
  }

  /** Decorates every page of the document being drawn (the last begun). */
  decoratePages(decorate: PageDecorator): void {
    const section = this.sections[this.sections.length - 1]
    if (section) section.decorate = decorate
  }

  /** Footers: the organisation's legal line and « Page i / n » numbered per document. */
  finish(): void {
    const doc = this.doc
    for (const s of this.sections) {
      const count = s.last - s.first + 1
      for (let p = s.first; p <= s.last; p++) {
        doc.switchToPage(p)
        const bottomMargin = doc.page.margins.bottom
        doc.page.margins.bottom = 0
        const y = doc.page.height - 40
        const left = doc.page.margins.left
        const width = doc.page.width - left - doc.page.margins.right
        doc.moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.4).strokeColor(COLORS.rule).stroke()
        const reserve = s.decorate?.(doc, { left, y, width }) ?? 0
        useFont(doc, 'regular', SIZE.tiny)
        const o = this.organisation
        const legal = o
          ? [o.name, o.siret ? `SIRET ${formatSiret(o.siret)}` : null, ndaSentence(o) ? `${(ndaSentence(o) ?? '').replace(/^d/, 'D')} (cet enregistrement ne vaut pas agrément de l'État)` : null]
              .filter(Boolean)
              .join(' – ')
          : ''
        // The legal line whole (a long name and the NDA sentence): smaller type rather than cut.
        const room = reserve > 0 ? 30 : 20
        if (doc.heightOfString(t(legal), { width: width - 70 - reserve }) > room) useFont(doc, 'regular', 6)
        doc.fillColor(COLORS.muted).text(t(legal), left, y, { width: width - 70 - reserve, lineBreak: true, height: room + 4 })
        useFont(doc, 'regular', SIZE.tiny)
        doc.fillColor(COLORS.ink).text(`Page ${p - s.first + 1} / ${count}`, left + width - 64, y, { width: 64, align: 'right', lineBreak: false })
        doc.page.margins.bottom = bottomMargin
      }
    }
  }

  toBuffer(): Promise<Buffer> {
    const doc = this.doc
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = []
      doc.on('data', (c: Buffer) => chunks.push(c))
      doc.on('end', () => resolve(Buffer.concat(chunks)))
      doc.on('error', reject)
      this.finish()
      doc.end()
    })
  }
}

export const formatDay = formatDateFr

/** One document in its own PDF: what each template's `(data) => Promise<Buffer>` does. */
export function renderSingle<D extends { organisation: OrganisationIdentity }>(title: string, data: D, draw: (sheet: Sheet, data: D) => void): Promise<Buffer> {
  const sheet = new Sheet({ title, author: data.organisation.name })
  draw(sheet, data)
  return sheet.toBuffer()
}

/** The organisation's signatory as the signature block shows them. */
export function signatory(o: OrganisationIdentity, role = 'Pour l’organisme de formation'): { role: string; name: string | null; title: string | null; note: string } {
  return { role, name: o.signatoryName, title: o.signatoryTitle, note: 'Signature et cachet' }
}

/** « Je soussigné(e) Morgane Le Bihan, directrice de Atelier Formation, » */
export function undersigned(o: OrganisationIdentity): string {
  const who = o.signatoryName ? `Je soussigné(e) ${o.signatoryName}${o.signatoryTitle ? `, ${o.signatoryTitle}` : ''}, agissant pour le compte ${deFr(o.name)},` : `L'organisme de formation ${o.name}`
  return who
}
