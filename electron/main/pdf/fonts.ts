import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/*
 * DejaVu Sans, parsed ONCE per process (per worker thread) and shared by every document.
 *
 * pdfkit 0.20 pitfalls this module exists for:
 *  - `registerFont(name, path)` + `doc.table()`: each cell restores the previous font with
 *    `doc.font(doc._fontSource, doc._fontFamily)`, i.e. the file path, which is not a cache key:
 *    the file is re-read and re-parsed for every cell (9–30× slower). A Buffer source is worse
 *    (never cached). Here the source is an already parsed fontkit font registered under a stable
 *    name that is also its family, which pdfkit uses as its cache key: every restore is a hit.
 *  - A cell's `font` given as a plain string is silently ignored: cells take `cellFont()`.
 *  - Built-in Helvetica lacks « ʳᵉ », « œ » in some viewers, and clips « É » in table cells:
 *    never used.
 */

/** The part of a fontkit font pdfkit needs to recognise an already parsed font. */
export type ParsedFont = { layout: (text: string) => unknown; postscriptName: string }
type Fontkit = { create: (data: Uint8Array) => ParsedFont }

export type FontWeight = 'regular' | 'bold'
const FILES: Record<FontWeight, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' }
const FAMILIES: Record<FontWeight, string> = { regular: 'Passerelle-DejaVuSans', bold: 'Passerelle-DejaVuSans-Bold' }

let parsed: Record<FontWeight, ParsedFont> | null = null
let configuredDir: string | null = null

/** For the Electron main process if the fonts live elsewhere (tests and builds find them alone). */
export function setFontDir(dir: string | null): void {
  configuredDir = dir
  parsed = null
}

export function findFontDir(): string {
  const dirs: string[] = []
  if (configuredDir) dirs.push(configuredDir)
  if (process.env.PASSERELLE_FONT_DIR) dirs.push(process.env.PASSERELLE_FONT_DIR)
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath
  if (resourcesPath) dirs.push(join(resourcesPath, 'fonts'), join(resourcesPath, 'app.asar.unpacked', 'resources', 'fonts'))
  for (const start of [typeof __dirname === 'string' ? __dirname : null, process.cwd()]) {
    if (!start) continue
    let dir = resolve(start)
    for (let i = 0; i < 8; i++) {
      dirs.push(join(dir, 'resources', 'fonts'))
      const up = dirname(dir)
      if (up === dir) break
      dir = up
    }
  }
  const found = dirs.find((d) => existsSync(join(d, FILES.regular)) && existsSync(join(d, FILES.bold)))
  if (!found) throw new Error('Polices DejaVu introuvables (resources/fonts) : l’installation de Passerelle est incomplète.')
  return found
}

/**
 * fontkit is pdfkit's own dependency: resolved from pdfkit's folder at run time so the very copy
 * pdfkit uses parses the fonts (and the bundler leaves it alone).
 */
function loadFontkit(): Fontkit {
  const requireFromPdfkit = createRequire(require.resolve('pdfkit'))
  return requireFromPdfkit('fontkit') as Fontkit
}

export function fonts(): Record<FontWeight, ParsedFont> {
  if (!parsed) {
    const fontkit = loadFontkit()
    const dir = findFontDir()
    parsed = {
      regular: fontkit.create(readFileSync(join(dir, FILES.regular))),
      bold: fontkit.create(readFileSync(join(dir, FILES.bold)))
    }
  }
  return parsed
}

/**
 * Registers the shared parsed fonts in a document under stable names (the one place where a
 * parsed font is handed to pdfkit, whose types only know paths and buffers). The registered
 * name is pdfkit's cache key, and the family equals it, so the table's font restore after each
 * cell (`doc.font(doc._fontSource, doc._fontFamily)`) hits the cache instead of parsing again.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const parsedFonts = fonts()
  for (const weight of ['regular', 'bold'] as const) {
    doc.registerFont(FAMILIES[weight], parsedFonts[weight] as unknown as PDFKit.Mixins.PDFFontSource, FAMILIES[weight])
  }
}

export function useFont(doc: PDFKit.PDFDocument, weight: FontWeight, size?: number): void {
  if (size === undefined) doc.font(FAMILIES[weight])
  else doc.font(FAMILIES[weight], size)
}

/**
 * A table cell's font: an OBJECT naming a registered font. pdfkit ignores a plain string here,
 * and deep-clones the cell options (a Buffer or parsed font as `src` would be copied key by key
 * for every cell): the registered name is the only cheap source.
 */
export function cellFont(weight: FontWeight, size?: number): { src: string; size?: number } {
  return size === undefined ? { src: FAMILIES[weight] } : { src: FAMILIES[weight], size }
}
