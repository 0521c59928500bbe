import { describe, expect, it } from 'vitest'
import type { AttendanceRow } from '@shared/api/areas/attendance'
import { hoursLedger, type LedgerCalendar } from '@shared/domain/hoursLedger'
import { attestationLines, prefillMessage, prefillSkip, scopeSummary } from '../../../renderer/src/features/attendance/attendanceSummary'

const cal: LedgerCalendar = { entryDate: '2026-09-07', exitDate: null, sessionStart: '2026-09-07', sessionEnd: '2027-06-30', weekly: [7, 7, 7, 7, 3.5, 0, 0], interruptions: [], breaks: [] }
const row = (sessionId: number, ledger = hoursLedger(cal, [], '2026-12-01', '2026-12-31', '2026-12-02').summary): AttendanceRow => ({
  enrolmentId: sessionId * 10,
  sessionId,
  sessionLabel: `S${sessionId}`,
  traineeId: 1,
  lastName: 'X',
  firstName: 'Y',
  ftId: null,
  status: 'entre',
  entryDate: '2026-09-07',
  exitDate: null,
  values: [],
  planned: [],
  locked: [],
  forced: [],
  totals: { attendedHours: 0, plannedHours: 0, absenceHours: {}, absenceDays: {}, justifiedAbsenceHours: 0, unjustifiedAbsenceHours: 0 },
  ledger,
  attested: null
})

describe('attendance summary texts', () => {
  it('sums the ledgers of the sessions attested only', () => {
    const done = hoursLedger(cal, [{ date: '2026-12-01', hours: 7, code: null }, { date: '2026-12-02', hours: null, code: 'ENT' }], '2026-12-01', '2026-12-31', '2026-12-02').summary
    const rows = [row(1, done), row(1), row(2)]
    const s = scopeSummary(rows, [1], '2026-12', '2026-12-02')
    expect(s).toMatchObject({ plannedHours: 28, attendedHours: 7, companyHours: 7, unrecordedHours: 14, asOf: '2026-12-02' })
    expect(scopeSummary(rows, null, '2026-12', '2026-12-02').plannedHours).toBe(42)
    const lines = attestationLines(s)
    expect(lines.map((l) => [l.label, l.hours])).toEqual([
      ['Heures prévues au planning du mois', s.scheduledHours],
      ['Dont prévues jusqu’au 02/12/2026', 28],
      ['Heures réalisées en centre', 7],
      ['Période en entreprise (ENT)', 7],
      ['Absences justifiées', 0],
      ['Absences non justifiées', 0],
      ['Jours prévus sans saisie', 14]
    ])
    expect(lines.find((l) => l.key === 'unrecorded')?.emphasis).toBe('warning')
  })

  it('says what the fill did', () => {
    expect(prefillMessage({ days: 12, hours: 186, trainees: 1, until: '2026-12-02' })).toBe('12 jours remplis, 186 h, selon le planning jusqu’au 02/12/2026.')
    expect(prefillMessage({ days: 1, hours: 3.5, trainees: 1, until: '2026-11-30' })).toBe('1 jour rempli, 3,5 h, selon le planning jusqu’au 30/11/2026.')
    expect(prefillMessage({ days: 40, hours: 266, trainees: 4, until: '2026-12-02' })).toBe('40 jours remplis, 266 h (4 stagiaires), selon le planning jusqu’au 02/12/2026.')
    expect(prefillMessage({ days: 0, hours: 0, trainees: 0, until: '2026-12-02' })).toMatch(/^Aucun jour à remplir/)
  })

  it('lists the refused and cleared cells the fill must leave alone', () => {
    expect(prefillSkip('2026-12', ['4|0', '4|9', 'bad', '0|3'], ['5|2026-12-02', '5|2026-11-30', '4|2026-12-01'])).toEqual([
      { enrolmentId: 4, date: '2026-12-01' },
      { enrolmentId: 4, date: '2026-12-10' },
      { enrolmentId: 5, date: '2026-12-02' }
    ])
  })
})
