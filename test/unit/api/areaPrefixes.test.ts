import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'

const AREAS = join(__dirname, '../../../shared/api/areas')

/** Every `<x>Ops` map exported by an area file, keyed by the file's name. */
async function opsByFile(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>()
  for (const file of readdirSync(AREAS).filter((f) => f.endsWith('.ts'))) {
    const mod: Record<string, unknown> = await import(join(AREAS, file))
    const ops = Object.entries(mod)
      .filter(([name, value]) => name.endsWith('Ops') && typeof value === 'object' && value !== null)
      .flatMap(([, value]) => Object.keys(value as object))
    if (ops.length > 0) found.set(file.replace(/\.ts$/, ''), ops)
  }
  return found
}

describe('API areas', () => {
  it('name each operation after the file that declares it (« sessions:get » lives in sessions.ts)', async () => {
    const misplaced: string[] = []
    for (const [file, ops] of await opsByFile()) for (const op of ops) if (op.split(':')[0] !== file) misplaced.push(`${op} in ${file}.ts`)
    expect(misplaced).toEqual([])
  })

  it('declare every operation of the contract exactly once', async () => {
    const declared = [...(await opsByFile()).values()].flat()
    expect(new Set(declared).size).toBe(declared.length)
    expect([...declared].sort()).toEqual(Object.keys(contract).sort())
  })
})
