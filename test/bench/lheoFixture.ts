import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'
import { LHEO_SAMPLES } from '../helpers/reference'

/**
 * A large catalogue built from the structure of a real file (Centre-Val de Loire, LHEO 2.2): its
 * <formation> repeated with fresh InterCarif numbers, written in pieces so memory stays small.
 * Valid against the LHEO 2.2 schema (a test checks it with xmllint).
 */
export function writeLargeLheo(path: string, formations: number): { bytes: number; formations: number; actions: number; sessions: number } {
  const xml = readFileSync(resolve(LHEO_SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml'), 'utf8')
  const start = xml.indexOf('<formation ')
  const end = xml.indexOf('</formation>') + '</formation>'.length
  const head = xml.slice(0, start)
  const formation = xml.slice(start, end)
  const tail = xml.slice(end)
  const actionsPer = (formation.match(/<action /g) ?? []).length
  const sessionsPer = (formation.match(/<session /g) ?? []).length
  const fd = openSync(path, 'w')
  let bytes = 0
  const write = (s: string): void => {
    bytes += writeSync(fd, s)
  }
  try {
    write(head)
    for (let i = 1; i <= formations; i++) {
      write(
        formation
          .replace(/<formation numero="([^"]+)"/, `<formation numero="$1-${i}"`)
          .replace(/<action numero="([^"]+)"/g, `<action numero="$1-${i}"`)
          .replace(/<session numero="([^"]+)"/g, `<session numero="$1-${i}"`)
          .replace(/<intitule-formation>([^<]+)</, `<intitule-formation>$1 (groupe ${i})<`)
      )
      write('\n        ')
    }
    write(tail)
  } finally {
    closeSync(fd)
  }
  return { bytes, formations, actions: formations * actionsPer, sessions: formations * sessionsPer }
}
