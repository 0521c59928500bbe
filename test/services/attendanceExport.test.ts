import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { todayIso } from '@shared/domain/dates'
import { EXPORT_FILLS, exportAttendance, type ExportInput } from '../../electron/main/services/attendance/attendanceExport'
import { saveAttendance } from '../../electron/main/services/attendance/attendanceService'
import type { ServiceContext } from '../../electron/main/services/context'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { attendanceWorld, saveInput } from './attendanceWorld'

const MONTH = '2026-11'
let t: TempDb
let ctx: ServiceContext
let sessionA: number
let anne: number
let jean: number

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db, fixedClock('2026-11-25T09:30:00.000Z'))
  const w = attendanceWorld(ctx, todayIso(ctx.clock.now()))
  t.db.prepare("UPDATE organisation SET raison_sociale = 'Atelier Formation Bretagne' WHERE id = 1").run()
  sessionA = w.session({ label: 'SA Lorient – septembre 2026' })
  const other = w.session({ label: 'ADVF Vannes – septembre 2026' })
  anne = w.trainee(sessionA, 'Abel', 'Anne', '2026-09-07', '0676932W')
  jean = w.trainee(sessionA, 'Dupont', 'Jean', '2026-09-07', '1234567A')
  w.move([jean], { to: 'abandon', effectiveDate: '2026-11-04', reasonCode: 'sante' })
  w.trainee(other, 'Bernard', 'Luc')
  const r = saveAttendance(
    ctx,
    MONTH,
    saveInput({
      month: MONTH,
      changes: [
        { enrolmentId: anne, date: '2026-11-02', value: 7 },
        { enrolmentId: anne, date: '2026-11-03', value: 6.5 },
        { enrolmentId: anne, date: '2026-11-04', value: 'MAL' },
        { enrolmentId: anne, date: '2026-11-05', value: { hours: 3.5, code: 'RDV' } },
        { enrolmentId: anne, date: '2026-11-07', value: 4, force: true },
        { enrolmentId: jean, date: '2026-11-02', value: 'ANJ' },
        { enrolmentId: jean, date: '2026-11-03', value: 6.25 }
      ]
    }).changes
  )
  expect(r.rejected).toEqual([])
})
afterEach(() => t.cleanup())

async function run(input: Partial<ExportInput> & Pick<ExportInput, 'format'>) {
  return exportAttendance(t.db, { month: MONTH, sessionId: sessionA, layout: 'grid', comment: null, ...input })
}

async function workbook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  const bytes = Buffer.from(base64, 'base64')
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  return wb
}

const argb = (cell: ExcelJS.Cell): string | undefined => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined)

describe('XLSX, grid layout', () => {
  it('writes the month as on screen, with totals, styles, frozen panes and print setup', async () => {
    const file = await run({ format: 'xlsx', comment: 'Transmis au Conseil régional' })
    expect(file.fileName).toBe('assiduite-2026-11-sa-lorient-septembre-2026.xlsx')
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const sheet = (await workbook(file.base64)).getWorksheet('novembre 2026')
    if (!sheet) throw new Error('no sheet')
    expect(sheet.getCell('A1').value).toBe('Assiduité mensuelle — Atelier Formation Bretagne — SA Lorient – septembre 2026 — novembre 2026')
    expect(sheet.getCell('A2').value).toBe('Transmis au Conseil régional')

    // Columns: Nom, Prénom, Identifiant FT, 30 days (D..AG), then the totals.
    const day = (n: number) => 3 + n
    expect([1, 2, 3].map((c) => sheet.getRow(4).getCell(c).value)).toEqual(['Nom', 'Prénom', 'Identifiant FT'])
    expect(sheet.getRow(4).getCell(day(1)).value).toBe(1)
    expect(sheet.getRow(4).getCell(day(30)).value).toBe(30)
    expect(sheet.getRow(3).getCell(day(1)).value).toBe('D') // Sunday 1 November
    expect(sheet.getRow(3).getCell(day(2)).value).toBe('L')
    expect(sheet.getRow(4).getCell(day(11)).note).toBeDefined() // Armistice
    const totalsCol = day(31)
    expect(sheet.getRow(4).getCell(totalsCol).value).toBe('Heures réalisées')
    expect(sheet.getRow(4).getCell(totalsCol + 1).value).toBe('Heures prévues')
    expect(sheet.getRow(4).getCell(totalsCol + 2).value).toBe('AJ (h)')
    expect(sheet.getRow(4).getCell(totalsCol + 10).value).toBe('Absences non justifiées (h)')

    const a = sheet.getRow(5)
    expect([a.getCell(1).value, a.getCell(2).value, a.getCell(3).value]).toEqual(['ABEL', 'Anne', '0676932W'])
    expect(a.getCell(day(2)).value).toBe(7)
    expect(a.getCell(day(2)).numFmt).toBe('0')
    expect(a.getCell(day(3)).value).toBe(6.5)
    expect(a.getCell(day(3)).numFmt).toBe('0.##')
    expect(a.getCell(day(4)).value).toBe('MAL')
    expect(a.getCell(day(5)).value).toBe('3,5 RDV')
    expect(a.getCell(day(7)).value).toBe(4) // forced Saturday
    // Totals of Anne: 7 + 6,5 + 3,5 + 4 attended; MAL 7 h, RDV 3,5 h.
    expect(a.getCell(totalsCol).value).toBe(21)
    expect(a.getCell(totalsCol + 1).value).toBe(7 * 20)
    expect(a.getCell(totalsCol + 2 + 2).value).toBe(7) // MAL (AJ, ANJ, MAL…)
    expect(a.getCell(totalsCol + 2 + 4).value).toBe(3.5) // RDV
    expect(a.getCell(totalsCol + 9).value).toBe(10.5) // justified
    // Weekend and holiday columns shaded, days out of training grey.
    expect(argb(a.getCell(day(1)))).toBe(EXPORT_FILLS.dayOff)
    expect(argb(a.getCell(day(11)))).toBe(EXPORT_FILLS.dayOff)
    expect(argb(a.getCell(day(2)))).toBeUndefined()
    const j = sheet.getRow(6)
    expect(j.getCell(1).value).toBe('DUPONT')
    expect(j.getCell(day(2)).value).toBe('ANJ')
    expect(j.getCell(day(3)).value).toBe(6.25)
    expect(argb(j.getCell(day(5)))).toBe(EXPORT_FILLS.locked) // after the dropout
    expect(j.getCell(totalsCol + 10).value).toBe(7) // unjustified

    const total = sheet.getRow(7)
    expect(total.getCell(1).value).toBe('Total')
    expect(total.getCell(day(3)).value).toBe(6.5 + 6.25)
    expect(total.getCell(totalsCol).value).toBe(21 + 6.25)
    expect(total.getCell(totalsCol + 1).value).toBe(7 * 20 + 7 * 3)
    expect(total.getCell(1).font?.bold).toBe(true)

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 })
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 })
    expect(sheet.getColumn(1).width).toBe(20)
    expect(sheet.getColumn(day(1)).width).toBe(5.5)
  })

  it('adds a session column for all sessions at once', async () => {
    const file = await run({ format: 'xlsx', sessionId: undefined })
    expect(file.fileName).toBe('assiduite-2026-11-toutes-sessions.xlsx')
    const sheet = (await workbook(file.base64)).worksheets[0]
    expect(sheet?.getCell('A1').value).toBe('Assiduité mensuelle — Atelier Formation Bretagne — toutes les sessions — novembre 2026')
    expect(sheet?.getRow(4).getCell(1).value).toBe('Session')
    expect([5, 6, 7].map((r) => sheet?.getRow(r).getCell(1).value)).toEqual(['SA Lorient – septembre 2026', 'SA Lorient – septembre 2026', 'ADVF Vannes – septembre 2026'])
    expect(sheet?.views[0]).toMatchObject({ xSplit: 4 })
  })
})

describe('CSV, grid layout', () => {
  it('is UTF-8 with a BOM, semicolons and decimal commas', async () => {
    const file = await run({ format: 'csv' })
    expect(file.fileName).toBe('assiduite-2026-11-sa-lorient-septembre-2026.csv')
    expect(file.mime).toBe('text/csv;charset=utf-8')
    const text = Buffer.from(file.base64, 'base64').toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const [head, a, j, total] = parsed.data
    expect(head?.slice(0, 5)).toEqual(['Nom', 'Prénom', 'Identifiant France Travail', '01/11', '02/11'])
    expect(head?.slice(33)).toEqual([
      'Heures réalisées',
      'Heures prévues',
      'AJ (h)',
      'ANJ (h)',
      'MAL (h)',
      'AT (h)',
      'RDV (h)',
      'FAM (h)',
      'ENT (h)',
      'Absences justifiées (h)',
      'Absences non justifiées (h)'
    ])
    expect(a?.slice(0, 9)).toEqual(['ABEL', 'Anne', '0676932W', '', '7', '6,5', 'MAL', '3,5 RDV', ''])
    expect(a?.[33]).toBe('21')
    expect(j?.slice(3, 6)).toEqual(['', 'ANJ', '6,25'])
    expect(total?.[0]).toBe('Total')
    expect(total?.[33]).toBe('27,25')
    expect(parsed.data).toHaveLength(4)
  })
})

describe('KAIROS layout', () => {
  const HEAD = [
    'Identifiant France Travail',
    'Nom',
    'Prénom',
    'Heures réalisées',
    'Absences justifiées (h)',
    'Absences non justifiées (h)',
    'AJ – Absence justifiée (h)',
    'ANJ – Absence non justifiée (h)',
    'MAL – Maladie, arrêt de travail (h)',
    'AT – Accident du travail (h)',
    'RDV – Rendez-vous France Travail / employeur (h)',
    'FAM – Événement familial (h)',
    'ENT – Période en entreprise / stage (h)',
    'Date d’abandon'
  ]

  it('gives one line per trainee in KAIROS’s order (CSV)', async () => {
    const file = await run({ format: 'csv', layout: 'kairos' })
    expect(file.fileName).toBe('assiduite-kairos-2026-11-sa-lorient-septembre-2026.csv')
    const parsed = Papa.parse<string[]>(Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true })
    expect(parsed.data).toEqual([
      HEAD,
      ['0676932W', 'ABEL', 'Anne', '21', '10,5', '0', '0', '0', '7', '0', '3,5', '0', '0', ''],
      ['1234567A', 'DUPONT', 'Jean', '6,25', '0', '7', '0', '7', '0', '0', '0', '0', '0', '04/11/2026']
    ])
  })

  it('writes the same lines as numbers in XLSX', async () => {
    const file = await run({ format: 'xlsx', layout: 'kairos' })
    const sheet = (await workbook(file.base64)).getWorksheet('KAIROS')
    if (!sheet) throw new Error('no sheet')
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(HEAD)
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['0676932W', 'ABEL', 'Anne', 21, 10.5, 0, 0, 0, 7, 0, 3.5, 0, 0, ''])
    expect(sheet.getRow(4).getCell(5).numFmt).toBe('0.##')
    expect(sheet.getRow(5).getCell(14).value).toBe('04/11/2026')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 })
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 })
  })
})
