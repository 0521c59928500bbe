// A process issuing invoices on a shared database file through the real dispatcher (spawned by
// invoiceNumbering.test.ts): issues each draft id given, printing « issued <id> <number> » after
// each commit, so the parent can kill it with SIGKILL in the middle of its run.
import { startBackend } from '../../electron/main/backend'

async function main(): Promise<void> {
  const [dbPath, name, ...ids] = process.argv.slice(2)
  if (!dbPath || !name) throw new Error('usage: invoiceIssuer.ts <db> <clerk> <id>...')
  const fixed = new Date('2027-02-01T09:00:00.000Z')
  const backend = await startBackend({ dbPath, kind: 'browser', version: 'test', clock: { now: () => new Date(fixed.getTime()) } })
  await backend.dispatch('clerks:select', { name })
  process.stdout.write('ready\n')
  for (const id of ids) {
    const r = await backend.dispatch('invoices:issue', { id: Number(id) })
    if (!r.ok) process.stdout.write(`failed ${id} ${r.error.message}\n`)
    else {
      const v = r.value as { issued: boolean; invoice?: { number: string | null } }
      process.stdout.write(`issued ${id} ${v.invoice?.number ?? '-'}\n`)
    }
  }
  backend.close()
  process.stdout.write('done\n')
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
