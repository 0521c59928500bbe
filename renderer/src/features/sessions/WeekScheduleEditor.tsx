import { useEffect, useState } from 'react'
import type { SessionSchedule, WeekSchedule } from '@shared/api/areas/schedule'
import { formatHours } from '@shared/domain/hours'
import { dayHours, scheduleProblem, WEEKDAY_LABELS, type HalfDay } from '@shared/domain/schedule'
import { Badge } from '../../components/Badge'

type Draft = { amStart: string; amEnd: string; pmStart: string; pmEnd: string }[]

const toDraft = (w: WeekSchedule): Draft => w.map((d) => ({ amStart: d.am?.start ?? '', amEnd: d.am?.end ?? '', pmStart: d.pm?.start ?? '', pmEnd: d.pm?.end ?? '' }))

/** « 9 », « 9h », « 9h30 », « 9:30 », « 0930 » → « 09:30 »; null when it is not a time. */
export function parseTime(typed: string): string | null {
  const m = /^(\d{1,2})(?:[h:.]?(\d{2}))?h?$/i.exec(typed.trim().replace(/\s/g, ''))
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2] ?? '0')
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : null
}

/** The draft as a timetable, or the French reason it is not one yet (a half-day with one time only). */
function fromDraft(draft: Draft): { week: WeekSchedule } | { problem: string } {
  const week: WeekSchedule = []
  for (const [i, d] of draft.entries()) {
    const slot = (half: HalfDay, start: string, end: string) => {
      if (start === '' && end === '') return null
      const name = `${WEEKDAY_LABELS[i]} ${half === 'am' ? 'matin' : 'après-midi'}`
      if (start === '' || end === '') throw new Error(`${name} : indiquez le début et la fin, ou aucun des deux.`)
      const s = parseTime(start)
      const e = parseTime(end)
      if (!s || !e) throw new Error(`${name} : heure « ${s ? end : start} » illisible (par exemple 9h00, 13:30).`)
      return { start: s, end: e }
    }
    try {
      week.push({ am: slot('am', d.amStart, d.amEnd), pm: slot('pm', d.pmStart, d.pmEnd) })
    } catch (e) {
      return { problem: e instanceof Error ? e.message : String(e) }
    }
  }
  const problem = scheduleProblem(week)
  return problem ? { problem } : { week }
}

/** The weekly timetable: seven weekdays × morning and afternoon times, saved at once. */
export function WeekScheduleEditor({ schedule, busy, onSave }: { schedule: SessionSchedule; busy: boolean; onSave: (week: WeekSchedule | null) => Promise<boolean> }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(schedule.week))
  useEffect(() => setDraft(toDraft(schedule.week)), [schedule])
  const parsed = fromDraft(draft)
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(schedule.week))
  const total = 'week' in parsed ? parsed.week.reduce((a, d) => a + dayHours(d), 0) : null

  const set = (i: number, key: keyof Draft[number], value: string) => setDraft((d) => d.map((row, j) => (j === i ? { ...row, [key]: value } : row)))
  const time = (i: number, key: keyof Draft[number], label: string) => (
    <input
      className="input planning__time"
      inputMode="numeric"
      placeholder="—"
      maxLength={5}
      value={draft[i]?.[key] ?? ''}
      onChange={(e) => set(i, key, e.target.value)}
      onBlur={(e) => {
        const time = parseTime(e.target.value)
        if (time) set(i, key, time)
      }}
      aria-label={`${WEEKDAY_LABELS[i]} – ${label}`}
      data-testid={`planning-${key}-${i + 1}`}
    />
  )

  return (
    <section className="panel" data-testid="planning-week">
      <div className="planning__head">
        <h3 className="panel__subtitle">Horaires de la semaine</h3>
        {schedule.saved ? <Badge tone="success">Planning enregistré</Badge> : <Badge tone="neutral">Déduit du rythme hebdomadaire</Badge>}
      </div>
      <p className="muted planning__help">
        Les horaires figurent sur la feuille d’émargement : une case de signature par demi-journée. Laissez une demi-journée vide quand la session ne se tient pas (un vendredi de 3,5 h n’a
        qu’un matin). À l’enregistrement, le rythme hebdomadaire de la session devient celui de ces horaires.
      </p>
      <table className="mini-table planning__table">
        <thead>
          <tr>
            <th>Jour</th>
            <th colSpan={2}>Matin (début – fin)</th>
            <th colSpan={2}>Après-midi (début – fin)</th>
            <th className="num">Heures</th>
          </tr>
        </thead>
        <tbody>
          {draft.map((_, i) => {
            const day = 'week' in parsed ? parsed.week[i] : undefined
            return (
              <tr key={WEEKDAY_LABELS[i]}>
                <th scope="row">{WEEKDAY_LABELS[i]}</th>
                <td>{time(i, 'amStart', 'matin, début')}</td>
                <td>{time(i, 'amEnd', 'matin, fin')}</td>
                <td>{time(i, 'pmStart', 'après-midi, début')}</td>
                <td>{time(i, 'pmEnd', 'après-midi, fin')}</td>
                <td className="num" data-testid={`planning-hours-${i + 1}`}>{day && dayHours(day) > 0 ? `${formatHours(dayHours(day))} h` : '—'}</td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={5}>Total de la semaine</th>
            <td className="num" data-testid="planning-total">{total === null ? '—' : `${formatHours(total)} h`}</td>
          </tr>
        </tfoot>
      </table>
      {'problem' in parsed && (
        <p className="form-error" role="alert" data-testid="planning-problem">
          {parsed.problem}
        </p>
      )}
      <div className="planning__actions">
        {schedule.saved && (
          <button type="button" className="button" disabled={busy} onClick={() => void onSave(null)} data-testid="planning-reset">
            Revenir au planning déduit du rythme
          </button>
        )}
        <button type="button" className="button" disabled={busy || !dirty} onClick={() => setDraft(toDraft(schedule.week))}>
          Annuler les modifications
        </button>
        <button type="button" className="button button--primary" disabled={busy || !('week' in parsed) || (!dirty && schedule.saved)} onClick={() => 'week' in parsed && void onSave(parsed.week)} data-testid="planning-save">
          Enregistrer les horaires
        </button>
      </div>
    </section>
  )
}
