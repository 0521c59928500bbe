import type { ImportCounts, LheoImportSummary } from '@shared/api/areas/lheo'
import { LHEO_MAX_UPLOAD_BYTES } from '@shared/api/areas/lheo'

/*
 * Pure helpers of the LHEO import: the file's bytes to base64 without blowing the stack, what a
 * dropped file may be, and the French wording of the counts.
 */

/** A multiple of 3 bytes: each chunk encodes to whole base64 quartets, so chunks concatenate. */
export const BASE64_CHUNK_BYTES = 3 * 16 * 1024
/** String.fromCharCode.apply takes at most this many arguments at once, well below engine limits. */
const APPLY_SLICE = 8 * 1024

/** Base64 of arbitrary bytes, chunk by chunk (no spread of a 200 MB array into one call). */
export function bytesToBase64(bytes: Uint8Array, encode: (binary: string) => string = btoa): string {
  const parts: string[] = []
  for (let offset = 0; offset < bytes.length; offset += BASE64_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, Math.min(offset + BASE64_CHUNK_BYTES, bytes.length))
    let binary = ''
    for (let i = 0; i < chunk.length; i += APPLY_SLICE) {
      binary += String.fromCharCode.apply(null, Array.from(chunk.subarray(i, Math.min(i + APPLY_SLICE, chunk.length))))
    }
    parts.push(encode(binary))
  }
  return parts.join('')
}

/** Why a file cannot be sent for import, or null when it can. */
export function checkLheoFile(file: { name: string; size: number }): string | null {
  if (!/\.xml$/i.test(file.name)) return `« ${file.name} » n’est pas un fichier XML : choisissez l’offre LHEO exportée par le CARIF-OREF (fichier .xml).`
  if (file.size === 0) return `Le fichier « ${file.name} » est vide.`
  if (file.size > LHEO_MAX_UPLOAD_BYTES) return `Le fichier « ${file.name} » dépasse 200 Mo : demandez au CARIF-OREF un export par région ou par organisme.`
  return null
}

/** "12,5 Mo", "29 ko". */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`
}

export function percentText(progress: number): string {
  return `${Math.round(Math.max(0, Math.min(1, progress)) * 100)} %`
}

export type CountRow = { key: 'formations' | 'actions' | 'sessions'; label: string; counts: ImportCounts }

export function countRows(summary: LheoImportSummary): CountRow[] {
  return [
    { key: 'formations', label: 'Formations', counts: summary.formations },
    { key: 'actions', label: 'Actions', counts: summary.actions },
    { key: 'sessions', label: 'Sessions', counts: summary.sessions }
  ]
}

/** Whether applying the file would change anything at all. */
export function hasChanges(summary: LheoImportSummary): boolean {
  return countRows(summary).some((r) => r.counts.created + r.counts.updated > 0) || summary.missingSessions > 0
}

/** One sentence for the toast after an import: "1 formation, 2 sessions créées ; 1 session mise à jour." */
export function importResultSentence(summary: LheoImportSummary): string {
  const n = (count: number, one: string, many: string): string => `${count} ${count > 1 ? many : one}`
  const created = summary.formations.created + summary.actions.created + summary.sessions.created
  const updated = summary.formations.updated + summary.actions.updated + summary.sessions.updated
  const parts: string[] = []
  if (created > 0) {
    parts.push(
      `créé : ${[
        summary.formations.created ? n(summary.formations.created, 'formation', 'formations') : '',
        summary.actions.created ? n(summary.actions.created, 'action', 'actions') : '',
        summary.sessions.created ? n(summary.sessions.created, 'session', 'sessions') : ''
      ]
        .filter(Boolean)
        .join(', ')}`
    )
  }
  if (updated > 0) parts.push(`mis à jour : ${n(updated, 'élément', 'éléments')}`)
  if (summary.missingSessions > 0) parts.push(`${n(summary.missingSessions, 'session absente du fichier signalée', 'sessions absentes du fichier signalées')}`)
  return parts.length === 0 ? 'Catalogue inchangé : le fichier ne contient rien de nouveau.' : `Import terminé — ${parts.join(' ; ')}.`
}
