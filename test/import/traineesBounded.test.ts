import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { columnLetter, readSourceTable, readTraineeFile, readXlsx } from '../../electron/main/import/trainees'
import { MAX_ROWS } from '../../electron/main/import/trainees/table'
import { MAX_PART_BYTES, TOO_BIG } from '../../electron/main/import/trainees/zipGuard'
import { previewTraineeImport } from '../../electron/main/services/traineeImport/traineeImportService'
import { fixedClock, tempDb, type TempDb } from '../helpers/tempDb'
import { bombStream, deflatedPart, SHEET_HEAD, SHEET_TAIL, workbookParts, zipArchive, type ZipPart } from '../helpers/zipBuilder'

/*
 * Trainee lists are read with bounded memory and bounded answers: zip bombs are refused from
 * the archive's directory or while unpacking (never unpacked whole), rows and cells are counted
 * as they come, and text from the file is cut short before it is shown back.
 */

const TODAY = '2026-11-22'
const MB = 1024 * 1024

/** A sheet whose first cell holds `blocks` MB of « A » (1 GB in about 1 MB of zip). */
function bombSheet(blocks: number, declare: (real: number) => number): ZipPart {
  const { packed, size } = bombStream(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`, Buffer.alloc(MB, 'A'), blocks, `</t></is></c></row>${SHEET_TAIL}`)
  return { name: 'xl/worksheets/sheet1.xml', packed, declaredSize: declare(size) }
}

/** Peak memory of this process, in bytes, since it started (the bomb tests run first in their worker). */
const peak = (): number => process.resourceUsage().maxRSS * 1024

describe('zip bombs', () => {
  it('refuses at once a 1 MB workbook that declares 1 GB of sheet', async () => {
    const file = zipArchive(workbookParts(bombSheet(1024, (real) => real)))
    expect(file.length).toBeLessThan(1.5 * MB)
    const started = performance.now()
    await expect(readXlsx(file)).rejects.toThrow(TOO_BIG)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('refuses a 1 MB workbook whose directory lies about its 1 GB sheet, with bounded memory', async () => {
    const baseline = process.memoryUsage().rss
    // Declared 40 MB (a ratio of 40, plausible): unpacking stops as soon as it passes that.
    const file = zipArchive(workbookParts(bombSheet(1024, () => 40 * MB)))
    expect(file.length).toBeLessThan(1.5 * MB)
    const started = performance.now()
    await expect(readSourceTable(file)).rejects.toThrow(TOO_BIG)
    const seconds = (performance.now() - started) / 1000
    const grown = (peak() - baseline) / MB
    process.stdout.write(`Bombe ZIP (1 Go annoncé 40 Mo) refusée en ${seconds.toFixed(2)} s, mémoire de pointe +${Math.round(grown)} Mo.\n`)
    expect(seconds).toBeLessThan(10)
    expect(grown).toBeLessThan(400)
  }, 30_000)

  it('refuses a part declared larger than the limit, and an archive without a directory', async () => {
    const big = deflatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${SHEET_TAIL}`)
    await expect(readXlsx(zipArchive(workbookParts({ ...big, declaredSize: MAX_PART_BYTES + 1 })))).rejects.toThrow(TOO_BIG)
    await expect(readXlsx(Buffer.from('PK\x03\x04 not a zip at all', 'latin1'))).rejects.toThrow(/Format non reconnu/)
  })

  it('counts rows as they come: a lying archive of a million rows is refused at the row limit', async () => {
    const row = '<row r="2"><c r="A2" t="inlineStr"><is><t>DUPONT</t></is></c><c r="B2" t="inlineStr"><is><t>Jean</t></is></c></row>'
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c><c r="B1" t="inlineStr"><is><t>Prénom</t></is></c></row>'
    const { packed, size } = bombStream(`${SHEET_HEAD}${header}`, Buffer.from(row.repeat(10_000)), 100, SHEET_TAIL)
    expect(size).toBeGreaterThan(90 * MB)
    const file = zipArchive(workbookParts({ name: 'xl/worksheets/sheet1.xml', packed, declaredSize: 45 * MB }))
    await expect(readXlsx(file)).rejects.toThrow(`compte plus de ${MAX_ROWS} lignes`)
  }, 60_000)
})

describe('a readable workbook written by hand', () => {
  it('reads inline strings, numbers and row numbers', async () => {
    const sheet = deflatedPart(
      'xl/worksheets/sheet1.xml',
      `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>Nom</t></is></c><c r="B2" t="inlineStr"><is><t>Prénom</t></is></c></row>` +
        `<row r="3"><c r="A3" t="inlineStr"><is><t>Le Bris</t></is></c><c r="B3" t="inlineStr"><is><t>Maëlle</t></is></c><c r="C3"><v>42</v></c></row>${SHEET_TAIL}`
    )
    const t = await readXlsx(zipArchive(workbookParts(sheet)))
    expect(t.sheet).toBe('Liste')
    expect(t.rows).toEqual([
      { line: 2, cells: ['Nom', 'Prénom'] },
      { line: 3, cells: ['Le Bris', 'Maëlle', '42'] }
    ])
  })
})

describe('CSV limits', () => {
  it('refuses a file of more rows than the limit while splitting it', async () => {
    const text = `Nom;Prénom\n${'DUPONT;Jean\n'.repeat(MAX_ROWS + 100)}`
    await expect(readSourceTable(Buffer.from(text))).rejects.toThrow(`plus de ${MAX_ROWS} lignes`)
  })

  it('refuses more than a million filled cells', async () => {
    const line = `${Array.from({ length: 200 }, () => 'x').join(';')}\n`
    await expect(readSourceTable(Buffer.from(line.repeat(5100)))).rejects.toThrow('plus d’un million de cellules')
  })

  it('cuts a huge cell instead of keeping it whole', async () => {
    const t = await readSourceTable(Buffer.from(`Nom;Prénom;Notes\nDUPONT;Jean;${'n'.repeat(3 * MB)}\n`))
    expect(t.rows[1]?.cells[2]?.length).toBeLessThanOrEqual(2001)
  })
})

describe('answers stay small whatever the file echoes', () => {
  let t: TempDb
  beforeAll(async () => (t = await tempDb()))
  afterAll(() => t.cleanup())

  /**
   * A header text of 30,000 characters (Excel's limit is 32,767) shared by 198 columns: echoed
   * whole in headers and warnings, as in the audit (108 KB → 209 MB), the answer would pass 12 MB.
   */
  function echoWorkbook(): Buffer {
    // A fixed pseudo-random letter every 100 characters keeps the ratio below the bomb limit.
    let seed = 7
    const letter = (): string => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 26))
    const huge = Array.from({ length: 300 }, () => `${'Colonne '.repeat(12)}${letter()}${letter()}${letter()}${letter()}`).join('')
    const strings = deflatedPart(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${huge}</t></si><si><t>Nom</t></si><si><t>Prénom</t></si></sst>`
    )
    const header = Array.from({ length: 200 }, (_, i) => `<c r="${columnLetter(i)}1" t="s"><v>${i < 2 ? i + 1 : 0}</v></c>`).join('')
    const data = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>NOM${i}</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>Jean</t></is></c><c r="C${i + 2}" t="s"><v>0</v></c></row>`
    ).join('')
    const sheet = deflatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1">${header}</row>${data}${SHEET_TAIL}`)
    return zipArchive([...workbookParts(sheet), strings])
  }

  it('cuts headers, samples and warnings short: a small file cannot make a huge answer', async () => {
    const bytes = echoWorkbook()
    expect(bytes.length).toBeLessThan(20 * 1024)
    const file = await readTraineeFile(bytes, { today: TODAY })
    expect(file.headers).toHaveLength(200)
    expect(Math.max(...file.headers.map((h) => h.length))).toBeLessThanOrEqual(100)
    const preview = await previewTraineeImport(t.db, fixedClock(), { fileName: 'liste.xlsx', bytes, merge: 'fill_empty' })
    const size = JSON.stringify(preview).length
    process.stdout.write(`Fichier de ${Math.round(bytes.length / 1024)} Ko : réponse de ${Math.round(size / 1024)} Ko.\n`)
    expect(preview.counts.create).toBe(50)
    expect(size).toBeLessThan(100 * 1024)
  })
})
