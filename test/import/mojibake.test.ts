import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { looksGarbled, utf8InSingleByte } from '../../electron/main/import/encoding/mojibake'
import { readTraineeFile } from '../../electron/main/import/trainees'
import { CENTRE, lineOf, readAll, readText, rejection, tempDir, type TempDir } from './lheoHelpers'

let tmp: TempDir
beforeAll(() => {
  tmp = tempDir()
})
afterAll(() => tmp.cleanup())

describe('UTF-8 read as a single-byte encoding (« DÃ©couvrir »)', () => {
  it('tells UTF-8 bytes from ISO-8859-1 ones', () => {
    expect(utf8InSingleByte(Buffer.from('<a>Découvrir</a>', 'utf8'))).toBe(4)
    expect(utf8InSingleByte(Buffer.from('<a>Découvrir</a>', 'latin1'))).toBe(-1)
    expect(utf8InSingleByte(Buffer.from('plain ascii', 'latin1'))).toBe(-1)
    // A real ISO-8859-1 text that happens to hold « Ã© » next to real accents stays ISO-8859-1.
    expect(utf8InSingleByte(Buffer.from('Ã© et été', 'latin1'))).toBe(-1)
    expect(looksGarbled('DÃ©couvrir')).toBe(true)
    expect(looksGarbled('lâ€™emploi')).toBe(true)
    expect(looksGarbled('Découvrir l’emploi, Âge, Ãtre')).toBe(false)
  })

  it('refuses a catalogue declared ISO-8859-1 whose bytes are UTF-8, in French with the line', async () => {
    const text = readText(CENTRE).replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
    const e = await rejection(readAll(tmp.write('declared-latin1.xml', Buffer.from(text, 'utf8'))))
    expect(e.code).toBe('ENCODING')
    expect(e.message).toMatch(/^Le fichier déclare l'encodage ISO-8859-1 mais son contenu est en UTF-8 \(ligne \d+\)/)
    expect(e.message).toContain('« DÃ©couvrir » au lieu de « Découvrir »')
    const firstAccent = text.split('\n').findIndex((l) => /[^\x00-\x7f]/.test(l)) + 1
    expect(e.line).toBe(firstAccent)
    expect(firstAccent).toBe(lineOf(text, text.split('\n')[firstAccent - 1] ?? ''))
  })

  it('still reads a real ISO-8859-1 catalogue', async () => {
    const text = readText(CENTRE).replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
    const r = await readAll(tmp.write('real-latin1.xml', Buffer.from(text, 'latin1')))
    expect(r.formations[0]?.actions[0]?.place?.city).toBe('Veigné')
  })

  it('warns about a trainee list whose accents are already garbled, naming the lines', async () => {
    const csv = 'Nom;Prénom\nDUPONT;Marie\nLEFÃˆVRE;DÃ©borah\nMARTIN;ZoÃ©\n'
    const file = await readTraineeFile(Buffer.from(csv, 'utf8'), { today: '2026-12-02' })
    expect(file.warnings).toContainEqual(expect.stringMatching(/^Accents mal encodés \(« Ã© » au lieu de « é »\) aux lignes 3, 4 : /))
    const clean = await readTraineeFile(Buffer.from('Nom;Prénom\nLEFÈVRE;Déborah\n', 'utf8'), { today: '2026-12-02' })
    expect(clean.warnings.join(' ')).not.toMatch(/mal encodés/)
  })
})
