// Runs one measurement in a fresh process so that its peak memory (maxRSS) is its own:
//   tsx test/bench/lheoChild.ts bare|import <file.xml> [<db>]
import { bareParse } from '../../electron/main/import/lheo'
import { openDatabase } from '../../electron/main/db/open'
import { importLheoFile } from '../../electron/main/services/lheo/importCatalogue'
import { systemClock } from '../../electron/main/services/context'

async function main(): Promise<void> {
  const [mode, file, dbPath] = process.argv.slice(2)
  if (!file || (mode !== 'bare' && mode !== 'import')) throw new Error('usage: lheoChild bare|import <file> [db]')
  let ms: number
  if (mode === 'bare') {
    const start = performance.now()
    await bareParse(file)
    ms = performance.now() - start
  } else {
    const { db } = await openDatabase(dbPath ?? ':memory:')
    const clerk = db.prepare("INSERT INTO clerk (name, created_at) VALUES ('Bench', 'x') RETURNING id").get() as { id: number }
    const start = performance.now()
    await importLheoFile({ db, clock: systemClock, actor: { clerkId: clerk.id, name: 'Bench' } }, file)
    ms = performance.now() - start
    db.close()
  }
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }))
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e))
  process.exit(1)
})
