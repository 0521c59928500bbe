import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeLargeLheo } from '../bench/lheoFixture'
import { importLheoFile } from '../../electron/main/services/lheo/importCatalogue'
import { serviceContext, tempDb } from '../helpers/tempDb'

const dir = mkdtempSync(join(tmpdir(), 'passerelle-lheo-large-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the generated large catalogue used by the benchmark', () => {
  it('is valid against the LHEO 2.2 schema and imports with the counts it holds', async () => {
    const file = join(dir, 'large.xml')
    const made = writeLargeLheo(file, 40)
    const xsd = resolve(__dirname, '../../resources/lheo/lheo-2.2.xsd')
    const lint = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' })
    expect(lint.stderr).toMatch(/validates/)
    const t = await tempDb()
    try {
      const { summary } = await importLheoFile(serviceContext(t.db), file)
      expect(summary.formations.created).toBe(made.formations)
      expect(summary.actions.created).toBe(made.actions)
      expect(summary.sessions.created).toBe(made.sessions)
    } finally {
      t.cleanup()
    }
  })
})
