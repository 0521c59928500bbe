import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeLargeLheo } from '../bench/lheoFixture'
import { importLheoFile } from '../../electron/main/services/lheo/importCatalogue'
import { serviceContext, tempDb } from '../helpers/tempDb'

const dir = mkdtempSync(join(tmpdir(), 'passerelle-test-lheo-large-'))
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

describe('a large catalogue read as two parts in parallel (this thread and a reader thread)', () => {
  it('imports the same rows as a single read', async () => {
    const file = join(dir, 'split.xml')
    const made = writeLargeLheo(file, 30)
    const single = await tempDb()
    const split = await tempDb()
    try {
      const a = await importLheoFile(serviceContext(single.db), file)
      const b = await importLheoFile(serviceContext(split.db), file, { splitMinBytes: 1 })
      expect(b.summary).toEqual(a.summary)
      expect(b.summary.formations.created).toBe(made.formations)
      const rows = (db: typeof single.db) => db.prepare('SELECT intercarif_session_id, start_date, end_date FROM session ORDER BY intercarif_session_id').all()
      expect(rows(split.db)).toEqual(rows(single.db))
    } finally {
      single.cleanup()
      split.cleanup()
    }
  })

  /** A file whose first or last <code-NSF> is renamed (a schema error); returns its line. */
  function brokenFile(name: string, which: 'first' | 'last'): { file: string; line: number } {
    const file = join(dir, name)
    writeLargeLheo(file, 30)
    const text = readFileSync(file, 'utf8')
    const at = which === 'first' ? text.indexOf('<code-NSF>') : text.lastIndexOf('<code-NSF>')
    writeFileSync(file, `${text.slice(0, at)}<code-NSFX>${text.slice(at + '<code-NSF>'.length).replace('</code-NSF>', '</code-NSFX>')}`)
    return { file, line: text.slice(0, at).split('\n').length }
  }

  it.each([
    ['the second part (reader thread), at its real line', 'last'],
    ['the first part (read on this thread)', 'first']
  ] as const)('reports an error in %s, and writes nothing', async (_label, which) => {
    const { file, line } = brokenFile(`broken-${which}.xml`, which)
    const t = await tempDb()
    try {
      await expect(importLheoFile(serviceContext(t.db), file, { splitMinBytes: 1 })).rejects.toThrow(new RegExp(`code-NSFX.*ligne ${line}`))
      expect(t.db.prepare('SELECT count(*) FROM training').pluck().get()).toBe(0)
      expect(t.db.inTransaction).toBe(false)
    } finally {
      t.cleanup()
    }
  })
})
