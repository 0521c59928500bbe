import { readdirSync } from 'node:fs'
import { join } from 'node:path'

// `npm run bench` runs every test/bench/<area>.bench.ts; `npm run bench -- lheo` only that area.
type BenchModule = { run: () => Promise<void> }

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(`${w}.`) || f.startsWith(w)))
    .sort()
  if (files.length === 0) {
    process.stderr.write(`Aucun benchmark ne correspond à : ${wanted.join(' ')}\n`)
    process.exit(1)
  }
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as BenchModule
    await mod.run()
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
