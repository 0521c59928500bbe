import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/*
 * A PDF is written as `<name>.pdf.part` beside its final name, then renamed (documentsWorker.ts):
 * the rename is atomic only within one folder, so these files cannot live in the run's
 * temporary folder (the documents folder may be another disk or a network share). A run killed
 * between the write and the rename leaves one: the next start removes those at least an hour
 * old (a younger one may be another window's batch being written right now).
 */

const PART = /\.pdf\.part$/
export const PART_MIN_AGE_MS = 60 * 60 * 1000

/** Removes old `.pdf.part` files in the documents folder and its month folders; returns them. */
export function sweepPartFiles(root: string, nowMs: number = Date.now(), minAgeMs: number = PART_MIN_AGE_MS): string[] {
  const removed: string[] = []
  const visit = (dir: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const path = join(dir, e.name)
      if (e.isDirectory() && depth === 0) visit(path, 1)
      else if (e.isFile() && PART.test(e.name)) {
        try {
          if (nowMs - statSync(path).mtimeMs < minAgeMs) continue
          rmSync(path, { force: true })
          removed.push(path)
        } catch {
          // Gone meanwhile, or not ours to remove.
        }
      }
    }
  }
  visit(root, 0)
  return removed
}
