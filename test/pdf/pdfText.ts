import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The text of each page, as pdfjs-dist extracts it (legacy build: the one for Node). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const content = await page.getTextContent()
    // Non-breaking hyphens (names, e-mail addresses) read back as the hyphens they print.
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('').replace(/\u2011/g, '-'))
  }
  await doc.destroy()
  return pages
}

/** Renders every page with poppler (`pdftoppm -png -r 80`): throws when poppler reports an error. */
export function renderWithPoppler(bytes: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-pdf-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, bytes)
    const stderr = execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, 'page')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    if (/error/i.test(stderr)) throw new Error(stderr)
    return readdirSync(dir).filter((f) => f.endsWith('.png')).length
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
