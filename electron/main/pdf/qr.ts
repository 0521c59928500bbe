import QRCode from 'qrcode'

/**
 * Draws a QR code holding `text` as filled squares (vector, no image, no canvas): `size` points
 * wide including the 2-module quiet zone kept white around it. Error correction M (15 %): a
 * smudged printed code still reads.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const quiet = 2
  const cell = size / (n + 2 * quiet)
  doc.save()
  doc.rect(x, y, size, size).fill('#ffffff')
  for (let r = 0; r < n; r++) {
    // Runs of dark modules in a row are one rectangle: a smaller PDF than one square per module.
    let c = 0
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++
        continue
      }
      const start = c
      while (c < n && qr.modules.get(r, c)) c++
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell, cell)
    }
  }
  doc.fill('#000000')
  doc.restore()
}
