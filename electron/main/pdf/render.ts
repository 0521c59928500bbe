import { DOCUMENT_KINDS } from '@shared/domain/documents'
import { markCode, stampDocument, type Stamp } from './authenticity'
import { Sheet } from './layout'
import { drawAttestationEntree } from './templates/attestationEntree'
import { drawAttestationFin } from './templates/attestationFin'
import { drawBilanFin } from './templates/bilanFin'
import { drawCertificatInscription } from './templates/certificatInscription'
import { drawCertificatRealisation } from './templates/certificatRealisation'
import { drawEmargement } from './templates/emargement'
import { drawEtatPresence } from './templates/etatPresence'
import { drawDevisAif } from './templates/devisAif'
import { drawFicheKairos } from './templates/ficheKairos'
import type { DocumentData } from './types'

type DocumentKind = DocumentData['kind']
type Drawer<K extends DocumentKind> = (sheet: Sheet, data: Extract<DocumentData, { kind: K }>) => void

/** One template per kind; the mapped type makes a kind without its template a compile error. */
const DRAWERS: { [K in DocumentKind]: Drawer<K> } = {
  certificat_inscription: drawCertificatInscription,
  attestation_entree: drawAttestationEntree,
  etat_presence: drawEtatPresence,
  emargement: drawEmargement,
  bilan_fin: drawBilanFin,
  attestation_fin: drawAttestationFin,
  certificat_realisation: drawCertificatRealisation,
  devis_aif: drawDevisAif,
  fiche_kairos: drawFicheKairos
}

// Indexing the mapped type with a generic key keeps the kind and its data's type tied together.
const drawerOf = <K extends DocumentKind>(kind: K): Drawer<K> => DRAWERS[kind]

/** Draws one document into a sheet (which may already hold others: a merged batch). */
export function drawDocument(sheet: Sheet, data: DocumentData): void {
  drawerOf(data.kind)(sheet, data)
}

/** One document; with a stamp: its code (footer, QR, metadata), « PROVISOIRE » when `provisional`. */
export function renderDocument(data: DocumentData, stamp?: Stamp, provisional = false): Promise<Buffer> {
  const sheet = new Sheet({ title: DOCUMENT_KINDS[data.kind], author: data.organisation.name })
  drawDocument(sheet, data)
  if (stamp) {
    stampDocument(sheet, stamp, provisional)
    markCode(sheet, stamp.code)
  }
  return sheet.toBuffer()
}

export type MergeOptions = {
  shouldStop?: () => boolean
  onDrawn?: (index: number) => void | Promise<void>
  /** The merged file's code, on every page of every document in it. */
  stamp?: Stamp
  /** Per item: « PROVISOIRE » across that document's pages. */
  provisional?: readonly boolean[]
}

/**
 * Every document's pages drawn into ONE pdfkit document (not a concatenation of PDFs): one font
 * subset, each document numbered « Page 1 / n » on its own. `shouldStop` lets a batch be cancelled.
 */
export async function renderMerged(items: DocumentData[], options: MergeOptions = {}): Promise<Buffer | null> {
  const first = items[0]
  if (!first) throw new Error('nothing to merge')
  const sheet = new Sheet({ title: DOCUMENT_KINDS[first.kind], author: first.organisation.name })
  for (let i = 0; i < items.length; i++) {
    if (options.shouldStop?.()) return null
    const item = items[i]
    if (item) {
      drawDocument(sheet, item)
      if (options.stamp) stampDocument(sheet, options.stamp, options.provisional?.[i] ?? false)
    }
    await options.onDrawn?.(i)
  }
  if (options.stamp) markCode(sheet, options.stamp.code)
  return sheet.toBuffer()
}
