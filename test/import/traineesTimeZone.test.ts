import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTraineeFile } from '../../electron/main/import/trainees'
import { prescriberWorkbook } from '../fixtures/trainees/prescriberLists'

/*
 * Kiritimati is UTC+14: a date read through local fields there (or at UTC−12) lands on another
 * day. Setting process.env.TZ at run time is honoured by Node; the offset check proves it.
 */
const previous = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'Pacific/Kiritimati'
})
afterAll(() => {
  if (previous === undefined) delete process.env.TZ
  else process.env.TZ = previous
})

const birthDates = async (bytes: Buffer) => {
  const file = await readTraineeFile(bytes, { today: '2026-11-22' })
  return file.readings.flatMap((r) => (r.kind === 'valid' ? [[r.line, r.data.birthDate]] : []))
}

describe('dates in the UTC+14 time zone', () => {
  it('runs in Pacific/Kiritimati', () => {
    expect(new Date(Date.UTC(2026, 10, 22)).getTimezoneOffset()).toBe(-14 * 60)
    // Kiritimati was at UTC−10 before 1995: 1990 birth dates fall on the other side of Greenwich.
    expect(new Date(Date.UTC(1990, 2, 5)).getTimezoneOffset()).toBe(10 * 60)
    expect(new Date(Date.UTC(1990, 2, 5)).getDate()).toBe(4)
  })

  it('reads Excel dates, text dates and serial numbers without shifting a day', async () => {
    expect(await birthDates(await prescriberWorkbook())).toEqual([
      [2, '1990-03-05'],
      [3, '1990-03-05'],
      [5, '1985-11-02'],
      [8, '1990-03-05'],
      [9, '1998-07-24'],
      [10, '2001-01-01']
    ])
  })

  it('reads a workbook saved with a date typed in Excel as a local midnight', async () => {
    // Excel itself has no time zone: a date cell holds the serial 32937 for 5 March 1990.
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Liste')
    ws.addRow(['Nom', 'Prénom', 'Date de naissance'])
    ws.addRow(['Dupré', 'Marie', new Date(Date.UTC(1990, 2, 5))])
    ws.getCell('C2').numFmt = 'dd/mm/yyyy'
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    expect(await birthDates(bytes)).toEqual([[2, '1990-03-05']])
  })

  it('reads French text dates from CSV unchanged', async () => {
    const csv = readFileSync(join(__dirname, '../fixtures/trainees/france-travail-positionnes.csv'))
    const dates = await birthDates(csv)
    expect(dates[0]).toEqual([4, '1990-03-05'])
  })
})
