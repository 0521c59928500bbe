import { useEffect, useRef, useState } from 'react'
import type { EnrolmentDetail, EnrolmentEvent, Interruption } from '@shared/api/areas/enrolments'
import { formatDateFr, parseFrenchDate, todayIso } from '@shared/domain/dates'
import { findTransition } from '@shared/domain/enrolmentStateMachine'
import { formatHours } from '@shared/domain/hours'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Icon } from '../../components/Icon'
import { formatTimestampFr } from '../../grid/cellValues'
import { useCommand } from '../../hooks/useCommand'
import { StatusBadge } from './enrolmentColumns'
import { BULK_ACTIONS, eventDeclaration, eventTitle, fundingLabel, interruptionPeriod, personName, sessionLine, type TransitionNeeds } from './enrolmentFormat'
import { EnrolmentFunding } from '../quotes/EnrolmentFunding'

type Props = {
  detail: EnrolmentDetail | null
  error: string | null
  /** The day deadlines are computed for (the grid's). */
  today: string
  onClose: () => void
  /** Something changed: the grid and this panel reload. */
  onChanged: () => void
  onTransition: (to: EnrolmentDetail['allowed'][number]['to'], needs: TransitionNeeds) => void
  onInterruption: (interruption: Interruption | null) => void
}

/**
 * The side panel of the focused enrolment: who and where, the next statuses it may take, its
 * whole history (newest first) with each KAIROS declaration ticked with its date or its deadline,
 * and its interruptions.
 */
export function HistoryPanel({ detail, error, today, onClose, onChanged, onTransition, onInterruption }: Props) {
  const { run } = useCommand()
  const [ticking, setTicking] = useState<{ eventId: number; text: string; error: string | null } | null>(null)
  const [deleting, setDeleting] = useState<Interruption | null>(null)

  const body = useRef<HTMLDivElement>(null)
  // Another person: the panel starts from the top (who, status, next steps).
  useEffect(() => {
    setTicking(null)
    body.current?.scrollTo(0, 0)
  }, [detail?.id])

  if (error) {
    return (
      <aside className="history-panel" aria-label="Historique de l’inscription">
        <p className="form-error" role="alert">
          {error}
        </p>
      </aside>
    )
  }
  if (!detail) {
    return (
      <aside className="history-panel history-panel--loading" aria-label="Historique de l’inscription" aria-busy="true">
        <p className="muted">Chargement de l’historique…</p>
      </aside>
    )
  }

  async function tick(event: EnrolmentEvent, text: string): Promise<void> {
    const parsed = parseFrenchDate(text)
    if (!parsed.ok) {
      setTicking({ eventId: event.id, text, error: parsed.message })
      return
    }
    const r = await run((api) => api.call('enrolments:markDeclared', { eventIds: [event.id], declaredOn: parsed.value }), {
      success: `Déclaration KAIROS cochée au ${formatDateFr(parsed.value)}.`
    })
    if (!r.ok) {
      setTicking({ eventId: event.id, text, error: r.error.message })
      return
    }
    setTicking(null)
    onChanged()
  }

  async function untick(event: EnrolmentEvent): Promise<void> {
    const r = await run((api) => api.call('enrolments:unmarkDeclared', { eventId: event.id }), {
      success: 'Déclaration KAIROS décochée : l’événement est de nouveau à déclarer.',
      successKind: 'info',
      errorToast: true
    })
    if (r.ok) onChanged()
  }

  async function removeInterruption(i: Interruption): Promise<void> {
    const r = await run((api) => api.call('interruptions:delete', { id: i.id }), { success: 'Interruption supprimée.', errorToast: true })
    setDeleting(null)
    if (r.ok) onChanged()
  }

  const canInterrupt = detail.status === 'entre'
  const planned =
    detail.plannedStartDate || detail.plannedEndDate ? `du ${formatDateFr(detail.plannedStartDate) || '…'} au ${formatDateFr(detail.plannedEndDate) || '…'}` : '—'

  return (
    <aside className="history-panel" aria-label="Historique de l’inscription" data-testid="history-panel">
      <header className="history-panel__head">
        <div className="history-panel__who">
          <h2 className="history-panel__name" data-testid="history-name">
            {personName(detail)}
          </h2>
          <p className="history-panel__meta">
            <StatusBadge status={detail.status} testId="history-status" />
            {detail.ftId && <span className="mono">{detail.ftId}</span>}
            {detail.interrupted && <span className="flag-pill">Interrompu</span>}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Fermer l’historique" title="Fermer l’historique" onClick={onClose}>
          ×
        </button>
      </header>

      <div className="history-panel__body" ref={body}>
        <p className="history-panel__session">{sessionLine(detail)}</p>
        <dl className="mini-facts">
          <div>
            <dt>Financement</dt>
            <dd>{fundingLabel(detail.funding) || '—'}</dd>
          </div>
          <div>
            <dt>Parcours prévu</dt>
            <dd>
              {planned}
              {detail.plannedHours !== null && <> · {formatHours(detail.plannedHours)} h</>}
            </dd>
          </div>
          <div>
            <dt>Entrée</dt>
            <dd>{formatDateFr(detail.entryDate) || '—'}</dd>
          </div>
          <div>
            <dt>Sortie</dt>
            <dd>{formatDateFr(detail.exitDate) || '—'}</dd>
          </div>
        </dl>

        <section className="history-section" aria-labelledby="next-status-title">
          <h3 id="next-status-title" className="history-section__title">
            Changer le statut
          </h3>
          {detail.allowed.length === 0 ? (
            <p className="muted small">Statut définitif : aucun changement possible.</p>
          ) : (
            <div className="next-statuses" data-testid="history-next">
              {detail.allowed.map((a) => (
                <button
                  key={a.to}
                  type="button"
                  className={`button button--small next-status next-status--${a.to}`}
                  onClick={() => onTransition(a.to, { needsDate: a.needsDate, reasonKind: a.reasonKind, declaredInKairos: findTransition(detail.status, a.to)?.declaredInKairos ?? false })}
                >
                  {BULK_ACTIONS.find((b) => b.to === a.to)?.label ?? a.label}
                </button>
              ))}
            </div>
          )}
        </section>

        <EnrolmentFunding enrolmentId={detail.id} />

        <section className="history-section" aria-labelledby="interruptions-title">
          <div className="history-section__head">
            <h3 id="interruptions-title" className="history-section__title">
              Interruptions {detail.interruptions.length > 0 && <span className="tabs__count">{detail.interruptions.length}</span>}
            </h3>
            <button
              type="button"
              className="button button--small"
              disabled={!canInterrupt}
              title={canInterrupt ? 'Une pause de plus de 15 jours dans le parcours' : 'Possible seulement pour une personne en formation (statut « Entré »)'}
              onClick={() => onInterruption(null)}
              data-testid="new-interruption"
            >
              <Icon name="pause" size={14} />
              Nouvelle interruption
            </button>
          </div>
          {detail.interruptions.length === 0 ? (
            <p className="muted small">Aucune interruption.</p>
          ) : (
            <ul className="interruption-list" data-testid="interruption-list">
              {detail.interruptions.map((i) => (
                <li key={i.id} className={`interruption-list__item${i.endDate === null ? ' interruption-list__item--open' : ''}`}>
                  <div>
                    <strong>{interruptionPeriod(i)}</strong>
                    <span className="interruption-list__reason">{i.reason}</span>
                    {i.comment && <span className="interruption-list__comment">{i.comment}</span>}
                  </div>
                  <div className="interruption-list__actions">
                    <button type="button" className="link-button" onClick={() => onInterruption(i)}>
                      {i.endDate === null ? 'Indiquer la fin' : 'Modifier'}
                    </button>
                    <button type="button" className="link-button link-button--danger" onClick={() => setDeleting(i)}>
                      Supprimer
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="history-section" aria-labelledby="events-title">
          <h3 id="events-title" className="history-section__title">
            <Icon name="history" size={15} /> Historique
          </h3>
          <ol className="timeline" data-testid="history-events">
            {detail.events.map((e) => {
              const decl = eventDeclaration(e, today)
              const editing = ticking?.eventId === e.id ? ticking : null
              return (
                <li key={e.id} className={`timeline__item timeline__item--${e.kind}`} data-kind={e.kind}>
                  <span className="timeline__dot" aria-hidden="true" />
                  <div className="timeline__body">
                    <div className="timeline__head">
                      <strong className="timeline__title">{eventTitle(e)}</strong>
                      <span className="timeline__date" title="Date d’effet">
                        {formatDateFr(e.effectiveDate)}
                      </span>
                    </div>
                    {e.reasonLabel && <p className="timeline__reason">Motif : {e.reasonLabel}</p>}
                    {e.comment && <p className="timeline__comment">{e.comment}</p>}
                    <p className="timeline__recorded">
                      Saisi le {formatTimestampFr(e.recordedAt)} par {e.recordedBy}
                    </p>
                    {decl && (
                      <div className={`kairos-line kairos-line--${decl.state}`} data-testid="kairos-line" title={decl.state === 'declare' ? decl.title : undefined}>
                        {decl.state === 'declare' ? <Icon name="check" size={14} /> : <Icon name={decl.state === 'en_retard' ? 'alert' : 'clock'} size={14} />}
                        <span className="kairos-line__text">{decl.text}</span>
                        {decl.state === 'declare' ? (
                          <button type="button" className="link-button kairos-line__action" onClick={() => void untick(e)} title="Décocher pour corriger la date ou une déclaration cochée par erreur">
                            Décocher
                          </button>
                        ) : editing ? null : (
                          <button type="button" className="link-button kairos-line__action" onClick={() => setTicking({ eventId: e.id, text: formatDateFr(todayIso()), error: null })}>
                            Déclaré le…
                          </button>
                        )}
                      </div>
                    )}
                    {editing && (
                      <form
                        className="tick-form"
                        onSubmit={(ev) => {
                          ev.preventDefault()
                          void tick(e, editing.text)
                        }}
                      >
                        <label className="tick-form__label">
                          Déclaré dans KAIROS le
                          <input
                            className="input input--date input--small"
                            value={editing.text}
                            placeholder="jj/mm/aaaa"
                            inputMode="numeric"
                            autoFocus
                            aria-invalid={editing.error !== null}
                            onChange={(ev) => setTicking({ ...editing, text: ev.target.value, error: null })}
                          />
                        </label>
                        <button type="submit" className="button button--small button--primary">
                          Cocher
                        </button>
                        <button type="button" className="button button--small button--ghost" onClick={() => setTicking(null)}>
                          Annuler
                        </button>
                        {editing.error && (
                          <p className="tick-form__error" role="alert">
                            {editing.error}
                          </p>
                        )}
                      </form>
                    )}
                  </div>
                </li>
              )
            })}
          </ol>
        </section>
      </div>

      <ConfirmDialog
        open={deleting !== null}
        title="Supprimer l’interruption ?"
        confirmLabel="Supprimer"
        danger
        onConfirm={() => deleting && void removeInterruption(deleting)}
        onCancel={() => setDeleting(null)}
      >
        {deleting && (
          <p>
            L’interruption « {interruptionPeriod(deleting).toLowerCase()} » ({deleting.reason}) sera supprimée avec ses événements. Réservé à une saisie
            erronée ; une interruption déjà déclarée dans KAIROS se corrige d’abord dans KAIROS.
          </p>
        )}
      </ConfirmDialog>
    </aside>
  )
}
