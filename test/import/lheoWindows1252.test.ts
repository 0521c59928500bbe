import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readLheoFile, type LheoFormation } from '../../electron/main/import/lheo'
import { decodeWindows1252 } from '../../electron/main/import/encoding/windows1252'
import { LHEO_SAMPLES } from '../helpers/reference'

const SAMPLE = resolve(LHEO_SAMPLES, 'intercarif_normandie_04_A815385.xml')
const dir = mkdtempSync(join(tmpdir(), 'passerelle-cp1252-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('windows-1252 and ISO-8859-1 catalogues', () => {
  it('decodes the bytes Node’s own decoder gets wrong (€ ’ œ – …)', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x92, 0x9c, 0x96, 0x85, 0xe9, 0x41]))).toBe('€’œ–…éA')
  })

  it.each(['ISO-8859-1', 'windows-1252'])('keeps œ, ’ and accents of a file declared %s', async (encoding) => {
    const xml = readFileSync(SAMPLE, 'utf8')
      .replace('encoding="utf-8"', `encoding="${encoding}"`)
      .replace(/<intitule-formation>[^<]*</, '<intitule-formation>Œuvre d’art – cœur de métier<')
    const bytes = Buffer.from(
      Array.from(xml, (ch) => {
        const map: Record<string, number> = { 'Œ': 0x8c, '’': 0x92, '–': 0x96, 'œ': 0x9c, '€': 0x80 }
        return map[ch] ?? ch.charCodeAt(0)
      }).map((c) => (c > 0xff ? 0x3f : c))
    )
    const path = join(dir, `${encoding}.xml`)
    writeFileSync(path, bytes)
    const titles: string[] = []
    await readLheoFile(path, { onFormation: (f: LheoFormation) => void titles.push(f.title) })
    expect(titles).toEqual(['Œuvre d’art – cœur de métier'])
  })
})
