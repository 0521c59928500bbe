import { useEffect, useMemo, useState } from 'react'
import type { HalfDaySubject, SessionSchedule } from '@shared/api/areas/schedule'
import { addDays, dayOfWeek, formatDateFr } from '@shared/domain/dates'
import { mondayOf } from '@shared/domain/documents'
import { formatSlotFr, HALF_DAY_LABELS, HALF_DAYS, WEEKDAY_LABELS, type HalfDay } from '@shared/domain/schedule'

const keyOf = (date: string, half: HalfDay) => `${date}/${half}`

/** Subjects (module, theme) of the half-days of one week, printed on its sign-in sheet. */
export function SubjectsEditor({ schedule, today, busy, onSave }: { schedule: SessionSchedule; today: string; busy: boolean; onSave: (subjects: HalfDaySubject[]) => Promise<boolean> }) {
  const start = schedule.startDate && today < schedule.startDate ? schedule.startDate : schedule.endDate && today > schedule.endDate ? schedule.endDate : today
  const [day, setDay] = useState(start)
  const monday = mondayOf(day)
  const stored = useMemo(() => new Map(schedule.subjects.map((s) => [keyOf(s.date, s.half), s.subject])), [schedule])
  const halves = useMemo(
    () =>
      Array.from({ length: 7 }, (_, i) => addDays(monday, i))
        .filter((date) => (!schedule.startDate || date >= schedule.startDate) && (!schedule.endDate || date <= schedule.endDate))
        .flatMap((date) => HALF_DAYS.flatMap((half) => {
          const slot = schedule.week[dayOfWeek(date) - 1]?.[half]
          return slot ? [{ date, half, slot }] : []
        })),
    [monday, schedule]
  )
  const [draft, setDraft] = useState<Record<string, string>>({})
  useEffect(() => setDraft(Object.fromEntries(halves.map((h) => [keyOf(h.date, h.half), stored.get(keyOf(h.date, h.half)) ?? '']))), [halves, stored])
  const dirty = halves.some((h) => (draft[keyOf(h.date, h.half)] ?? '').trim() !== (stored.get(keyOf(h.date, h.half)) ?? ''))

  return (
    <section className="panel" data-testid="planning-subjects">
      <div className="planning__head">
        <h3 className="panel__subtitle">Modules et sujets par demi-journée</h3>
        <label className="planning__week">
          <span>Semaine du</span>
          <input type="date" className="input input--auto" value={day} min={schedule.startDate ?? undefined} max={schedule.endDate ?? undefined} onChange={(e) => e.target.value && setDay(e.target.value)} data-testid="planning-subjects-day" />
        </label>
        <span className="muted">
          du {formatDateFr(monday)} au {formatDateFr(addDays(monday, 6))}
        </span>
      </div>
      <p className="muted planning__help">Facultatif : un texte libre par demi-journée (module, thème, intervenant), imprimé sous les horaires de la feuille d’émargement. Un texte effacé est supprimé.</p>
      {halves.length === 0 ? (
        <p className="muted">La session ne se tient pas cette semaine-là.</p>
      ) : (
        <table className="mini-table planning__table">
          <thead>
            <tr>
              <th>Jour</th>
              <th>Demi-journée</th>
              <th>Sujet</th>
            </tr>
          </thead>
          <tbody>
            {halves.map(({ date, half, slot }) => (
              <tr key={keyOf(date, half)}>
                <td className="planning__nowrap">
                  {WEEKDAY_LABELS[dayOfWeek(date) - 1]?.slice(0, 3).toLowerCase()}. {formatDateFr(date).slice(0, 5)}
                </td>
                <td className="planning__nowrap">
                  {HALF_DAY_LABELS[half]} <span className="muted">{formatSlotFr(slot)}</span>
                </td>
                <td>
                  <input
                    className="input planning__subject"
                    maxLength={200}
                    value={draft[keyOf(date, half)] ?? ''}
                    onChange={(e) => setDraft((d) => ({ ...d, [keyOf(date, half)]: e.target.value }))}
                    aria-label={`Sujet du ${formatDateFr(date)}, ${HALF_DAY_LABELS[half].toLowerCase()}`}
                    data-testid={`planning-subject-${date}-${half}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="planning__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !dirty}
          onClick={() => void onSave(halves.map(({ date, half }) => ({ date, half, subject: draft[keyOf(date, half)] ?? '' })))}
          data-testid="planning-subjects-save"
        >
          Enregistrer les sujets de la semaine
        </button>
      </div>
      {schedule.subjects.length > 0 && (
        <details className="planning__all">
          <summary>Tous les sujets de la session ({schedule.subjects.length})</summary>
          <ul>
            {schedule.subjects.map((s) => (
              <li key={keyOf(s.date, s.half)}>
                <button type="button" className="link-button" onClick={() => setDay(s.date)}>
                  {formatDateFr(s.date)} {HALF_DAY_LABELS[s.half].toLowerCase()}
                </button>{' '}
                – {s.subject}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
