import { formatDateFr } from '@shared/domain/dates'
import { CODE_MARKER, formatCode } from '@shared/domain/verificationCode'
import { useFont } from './fonts'
import type { PageDecorator, Sheet } from './layout'
import { drawQr } from './qr'

/*
 * What makes a printed document checkable: its verification code (text and QR) in the footer of
 * every page, « PROVISOIRE » across every page while the months it covers are not attested, and
 * « Remplace le document du … (code …) » on a regenerated one. The code is also written in the
 * PDF's metadata so the verifier finds it in a file whose bytes were changed.
 */

/** Decided before drawing (the code is printed): plain data, sent to the documents worker. */
export type Stamp = {
  code: string
  /** The document this one supersedes: its date (ISO) and code (null for a document from before codes). */
  replaces: { date: string; code: string | null } | null
}

const QR_SIZE = 30
const TEXT_WIDTH = 104

function watermark(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page
  doc.save()
  doc.rotate(-32, { origin: [width / 2, height / 2] })
  useFont(doc, 'bold', 78)
  doc.fillColor('#b3261e').fillOpacity(0.13)
  const w = doc.widthOfString('PROVISOIRE')
  doc.text('PROVISOIRE', width / 2 - w / 2, height / 2 - 45, { lineBreak: false })
  doc.restore()
}

/** The footer block and the watermark of one document (the section being drawn in `sheet`). */
export function stampDocument(sheet: Sheet, stamp: Stamp, provisional: boolean): void {
  const decorate: PageDecorator = (doc, { left, y, width }) => {
    if (provisional) watermark(doc)
    const x = left + width - 70 - TEXT_WIDTH - QR_SIZE - 6
    drawQr(doc, stamp.code, x, y - 4, QR_SIZE)
    const tx = x + QR_SIZE + 3
    useFont(doc, 'regular', 6.5)
    doc.fillColor('#5b6470').text('Code de vérification', tx, y - 2, { width: TEXT_WIDTH, lineBreak: false })
    useFont(doc, 'bold', 8)
    doc.fillColor('#1b1b1b').text(formatCode(stamp.code), tx, y + 6, { width: TEXT_WIDTH, lineBreak: false })
    if (stamp.replaces) {
      useFont(doc, 'regular', 6)
      const which = `Remplace le document du ${formatDateFr(stamp.replaces.date)}${stamp.replaces.code ? ` (code ${formatCode(stamp.replaces.code)})` : ''}`
      doc.fillColor('#5b6470').text(which, tx, y + 16, { width: TEXT_WIDTH, height: 16 })
    }
    doc.fillColor('#1b1b1b')
    return TEXT_WIDTH + QR_SIZE + 10
  }
  sheet.decoratePages(decorate)
}

/** The PDF's Keywords: where the verifier reads the code back. */
export function markCode(sheet: Sheet, code: string): void {
  sheet.doc.info.Keywords = `${CODE_MARKER}${code}`
}
