import { useMemo } from 'react'
import type { EnrolmentRow } from '@shared/api/areas/enrolments'
import { Icon } from '../../components/Icon'
import { BULK_ACTIONS, bulkAvailability, enrolmentCount, pendingRows, peopleList, type BulkActionId } from './enrolmentFormat'

const MAIN_ACTIONS: BulkActionId[] = ['entre', 'sorti', 'abandon', 'annule']
const VALIDATION_ACTIONS: BulkActionId[] = ['a_valider', 'inscrit']
const OTHER_ACTIONS: BulkActionId[] = ['retenu', 'en_attente', 'non_retenu']

type Props = {
  selected: EnrolmentRow[]
  onClear: () => void
  onTransition: (to: BulkActionId) => void
  onDeclare: () => void
  onDocuments: () => void
}

/** The actions on the ticked enrolments; each one is offered only when allowed for all of them (the button says why not). */
export function BulkBar({ selected, onClear, onTransition, onDeclare, onDocuments }: Props) {
  const availability = useMemo(() => Object.fromEntries(BULK_ACTIONS.map((a) => [a.to, bulkAvailability(selected, a.to)])) as Record<BulkActionId, ReturnType<typeof bulkAvailability>>, [selected])
  const pendingSelected = pendingRows(selected).length
  const hasSelection = selected.length > 0

  const actionButton = (id: BulkActionId, extraClass = '') => {
    const a = BULK_ACTIONS.find((x) => x.to === id)
    const av = availability[id]
    if (!a) return null
    return (
      <button
        key={id}
        type="button"
        className={`button button--small${extraClass}`}
        disabled={!av.enabled}
        title={av.enabled ? `${a.verb} pour ${peopleList(selected)}` : av.why}
        onClick={() => onTransition(id)}
        data-testid={`bulk-${id}`}
      >
        {a.label}
      </button>
    )
  }

  return (
    <div className={`toolbar toolbar--bulk bulk-bar${hasSelection ? ' bulk-bar--active' : ''}`} role="toolbar" aria-label="Actions sur les inscriptions cochées" data-testid="bulk-bar">
      <span className="bulk-bar__count">
        <span data-testid="selection-count">{hasSelection ? `${selected.length} cochée${selected.length > 1 ? 's' : ''}` : 'Aucune ligne cochée'}</span>
        {hasSelection && (
          <button type="button" className="bulk-bar__clear" onClick={onClear} aria-label="Tout décocher" title="Tout décocher">
            <Icon name="x" size={12} />
          </button>
        )}
      </span>
      <div className="button-group" role="group" aria-label="Parcours">
        {MAIN_ACTIONS.map((id) => actionButton(id, id === 'entre' ? ' button--accent' : id === 'annule' ? ' button--danger-ghost' : ''))}
      </div>
      <button
        type="button"
        className="button button--small"
        disabled={pendingSelected === 0}
        title={pendingSelected === 0 ? (hasSelection ? 'Aucune des lignes cochées n’a de déclaration KAIROS en attente.' : 'Cochez d’abord des inscriptions.') : `Cocher « déclaré dans KAIROS » pour ${enrolmentCount(pendingSelected)}`}
        onClick={onDeclare}
        data-testid="bulk-declare"
      >
        <Icon name="check" size={14} />
        Déclaré dans KAIROS le…
      </button>
      <div className="button-group" role="group" aria-label="Validation">
        {VALIDATION_ACTIONS.map((id) => actionButton(id))}
      </div>
      <select
        className="input input--auto input--small"
        aria-label="Autre statut"
        value=""
        disabled={!hasSelection}
        onChange={(e) => {
          const to = e.target.value as BulkActionId
          if (to) onTransition(to)
        }}
        data-testid="bulk-other"
      >
        <option value="">Autre…</option>
        {OTHER_ACTIONS.map((id) => (
          <option key={id} value={id} disabled={!availability[id].enabled}>
            {BULK_ACTIONS.find((a) => a.to === id)?.label}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" disabled={!hasSelection} title={hasSelection ? `Générer des documents pour ${peopleList(selected)}` : 'Cochez d’abord des inscriptions.'} onClick={onDocuments} data-testid="bulk-documents">
        <Icon name="file" size={14} />
        Documents…
      </button>
    </div>
  )
}
