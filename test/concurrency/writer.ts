// A second process writing the same database file through the real dispatcher (spawned by
// concurrency.test.ts): creates `count` trainees named `<prefix> n`, then renames each one, and
// prints one JSON line with the failures it met.
import { startBackend } from '../../electron/main/backend'

async function main(): Promise<void> {
  const [dbPath, prefix, countText] = process.argv.slice(2)
  if (!dbPath || !prefix || !countText) throw new Error('usage: writer.ts <db> <prefix> <count>')
  const fixed = new Date('2026-12-02T09:00:00.000Z')
  const backend = await startBackend({ dbPath, kind: 'browser', version: 'test', clock: { now: () => new Date(fixed.getTime()) } })
  const failures: string[] = []
  const ids: number[] = []
  await backend.dispatch('clerks:select', { name: `Poste ${prefix}` })
  for (let i = 0; i < Number(countText); i++) {
    const r = await backend.dispatch('trainees:create', { lastName: `${prefix} ${i}`, firstName: 'Camille' })
    if (r.ok) ids.push((r.value as { id: number }).id)
    else failures.push(r.error.message)
  }
  for (const id of ids) {
    const r = await backend.dispatch('trainees:update', { id, changes: { firstName: 'Dominique' } })
    if (!r.ok) failures.push(r.error.message)
  }
  backend.close()
  process.stdout.write(`${JSON.stringify({ created: ids.length, failures })}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
