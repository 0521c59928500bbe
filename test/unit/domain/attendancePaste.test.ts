import { describe, expect, it } from 'vitest'
import { type CellValue, monthDays, rowCalendar } from '@shared/domain/attendance'
import { mapPasteBlock, parseClipboardBlock, planPaste } from '@shared/domain/attendancePaste'

describe('parseClipboardBlock', () => {
  it('reads Excel on Windows: tabs, CRLF and the final line end', () => {
    expect(parseClipboardBlock('7\t7,5\tAJ\r\n3.5\t\tmal\r\n')).toEqual([
      ['7', '7,5', 'AJ'],
      ['3.5', '', 'mal']
    ])
  })

  it('reads LibreOffice on Linux: LF, no final line end', () => {
    expect(parseClipboardBlock('7\t7\n7\t7')).toEqual([
      ['7', '7'],
      ['7', '7']
    ])
  })

  it('keeps blank cells and blank lines inside the block', () => {
    expect(parseClipboardBlock('\t7\t\n\n7\n')).toEqual([['', '7', ''], [''], ['7']])
    expect(parseClipboardBlock('\r\n')).toEqual([['']])
    expect(parseClipboardBlock('')).toEqual([['']])
  })

  it('reads quoted cells: tabs, line breaks and doubled quotes inside', () => {
    expect(parseClipboardBlock('"7,5"\t"a\tb"\t"dit ""bonjour"""\r\n"deux\r\nlignes"\t7\r\n')).toEqual([
      ['7,5', 'a\tb', 'dit "bonjour"'],
      ['deux\r\nlignes', '7']
    ])
  })

  it('keeps ragged rows as they are', () => {
    expect(parseClipboardBlock('7\t7\t7\n7\n7\t7\n')).toEqual([['7', '7', '7'], ['7'], ['7', '7']])
  })

  it('ignores a byte order mark', () => {
    expect(parseClipboardBlock('\uFEFF7\t8')).toEqual([['7', '8']])
  })
})

describe('mapPasteBlock', () => {
  const size = { rows: 3, cols: 5 }

  it('maps the block from the focused cell, decimal commas and points, codes in any case', () => {
    const r = mapPasteBlock('7,5\t7.25\taj\r\n3h30\tRdv\t\r\n', { row: 1, col: 2 }, size)
    expect(r.overflow).toBe(0)
    expect(r.invalid).toEqual([])
    expect(r.changes.map(({ row, col, value }) => ({ row, col, value }))).toEqual([
      { row: 1, col: 2, value: 7.5 },
      { row: 1, col: 3, value: 7.25 },
      { row: 1, col: 4, value: 'AJ' },
      { row: 2, col: 2, value: 3.5 },
      { row: 2, col: 3, value: 'RDV' },
      { row: 2, col: 4, value: null }
    ])
  })

  it('clears cells pasted blank, leaves cells missing from a ragged row alone', () => {
    const r = mapPasteBlock('\t7\n7\n', { row: 0, col: 0 }, size)
    expect(r.changes.map(({ row, col, value }) => [row, col, value])).toEqual([
      [0, 0, null],
      [0, 1, 7],
      [1, 0, 7]
    ])
  })

  it('counts the cells beyond the grid and does not apply them', () => {
    const block = ['7\t7\t7\t7', '7\t7\t7\t7', '7\t7\t7\t7'].join('\r\n')
    const r = mapPasteBlock(block, { row: 1, col: 3 }, size)
    // Rows 1..2 fit (row 3 is beyond), columns 3..4 fit (5 and 6 are beyond).
    expect(r.changes.map(({ row, col }) => [row, col])).toEqual([
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4]
    ])
    expect(r.overflow).toBe(12 - 4)
  })

  it('does not count blank cells beyond the grid', () => {
    expect(mapPasteBlock('7\t\t\n', { row: 0, col: 4 }, size).overflow).toBe(0)
  })

  it('lists unreadable cells with their reason', () => {
    const r = mapPasteBlock('7\t25\txy\n', { row: 0, col: 0 }, size)
    expect(r.changes).toHaveLength(1)
    expect(r.invalid).toEqual([
      { row: 0, col: 1, input: '25', message: '25 h : une journée compte au plus 24 heures' },
      { row: 0, col: 2, input: 'xy', message: 'Code inconnu « XY » : codes possibles AJ, ANJ, MAL, AT, RDV, FAM, ENT' }
    ])
  })
})

describe('planPaste', () => {
  const days = monthDays('2026-11')
  const row = (enrolmentId: number, entryDate: string, values: CellValue[] = new Array<CellValue>(30).fill(null)) => ({
    enrolmentId,
    values,
    ...rowCalendar(days, {
      entryDate,
      exitDate: null,
      sessionStart: '2026-09-01',
      sessionEnd: '2027-03-31',
      weekly: [7, 7, 7, 7, 7, 0, 0],
      interruptions: [],
      breaks: [],
      attested: false
    })
  })

  it('checks each cell against the grid: locked days, planning, unchanged values', () => {
    const current = new Array<CellValue>(30).fill(null)
    current[1] = 7 // 2 November already 7
    const grid = { days, rows: [row(11, '2026-09-01', current), row(12, '2026-11-04')] }
    // From Monday 2 November: Mon Tue Wed, then Thu is in the next column.
    const r = planPaste(grid, '7\t9\tAJ\r\n7\t7\t7\r\n', { row: 0, col: 1 })
    expect(r.changes).toEqual([
      { enrolmentId: 11, date: '2026-11-04', value: 'AJ' },
      { enrolmentId: 12, date: '2026-11-04', value: 7 } // entry day
    ])
    expect(r.invalid.map((i) => [i.row, i.col, i.input, i.message])).toEqual([
      [0, 2, '9', '9 h : 7 h prévues au planning ; cochez « forcer » pour dépasser'],
      [1, 1, '7', 'Le lundi 02/11 est avant l’entrée en formation : rien ne peut y être saisi'],
      [1, 2, '7', 'Le mardi 03/11 est avant l’entrée en formation : rien ne peut y être saisi']
    ])
    // The unchanged 7 of 2 November is left out.
    expect(r.changes.length + r.invalid.length).toBe(5)
  })

  it('forces when asked', () => {
    const grid = { days, rows: [row(11, '2026-09-01')] }
    const r = planPaste(grid, '4', { row: 0, col: 6 }, { force: true }) // Saturday 7 November
    expect(r.changes).toEqual([{ enrolmentId: 11, date: '2026-11-07', value: 4, force: true }])
  })

  it('maps a block of 15,000 cells (its speed is measured in the attendance benchmark)', () => {
    const line = new Array(30).fill('7').join('\t')
    const text = `${new Array(500).fill(line).join('\r\n')}\r\n`
    const r = mapPasteBlock(text, { row: 0, col: 0 }, { rows: 500, cols: 30 })
    expect(r.changes).toHaveLength(15_000)
  })
})
