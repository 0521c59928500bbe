import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportAttendance } from '../../electron/main/services/attendance/attendanceExport'
import type { ServiceContext } from '../../electron/main/services/context'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { attendanceWorld } from './attendanceWorld'

/*
 * Exports never hand Excel a formula (names are stored upper case, hence the comparisons): names that look like one (from a prescriber's list, typed
 * by mistake or planted) come back as text, read back from the files themselves.
 */

const FORMULAS = ['=1+1', '@sum(1+1)', "-2+3+CMD|' /C CALC'!A0"]
let t: TempDb
let ctx: ServiceContext
let sessionId = 0

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db, fixedClock('2026-11-25T09:30:00.000Z'))
  const w = attendanceWorld(ctx, '2026-11-25')
  sessionId = w.session({ label: 'SA Lorient – septembre 2026' })
  FORMULAS.forEach((name, i) => w.trainee(sessionId, name, `Prénom ${i}`, '2026-09-07', `${1000000 + i}A`))
})
afterEach(() => t.cleanup())

const decode = (base64: string) => Buffer.from(base64, 'base64')

describe('attendance exports', () => {
  for (const layout of ['grid', 'kairos'] as const) {
    it(`CSV (${layout}): every formula-looking name starts with an apostrophe`, async () => {
      const file = await exportAttendance(t.db, { month: '2026-11', sessionId, layout, format: 'csv', comment: null }, '2026-11-25')
      const rows = Papa.parse<string[]>(decode(file.base64).toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }).data
      const cells = rows.flat().map((c) => c.toUpperCase())
      for (const f of FORMULAS.map((n) => n.toUpperCase())) {
        expect(cells).toContain(`'${f}`)
        expect(cells).not.toContain(f)
      }
    })

    it(`XLSX (${layout}): the same names are text cells starting with an apostrophe`, async () => {
      const file = await exportAttendance(t.db, { month: '2026-11', sessionId, layout, format: 'xlsx', comment: null }, '2026-11-25')
      const wb = new ExcelJS.Workbook()
      const bytes = decode(file.base64)
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
      const values: unknown[] = []
      wb.worksheets[0]?.eachRow((row) => row.eachCell((cell) => values.push(typeof cell.value === 'string' ? cell.value.toUpperCase() : cell.value)))
      for (const f of FORMULAS.map((n) => n.toUpperCase())) {
        expect(values).toContain(`'${f}`)
        expect(values).not.toContain(f)
      }
      expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false)
    })
  }
})
