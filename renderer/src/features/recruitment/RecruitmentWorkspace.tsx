import type { GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RecruitmentEventRow } from '@shared/api/areas/recruitment'
import { todayIso } from '@shared/domain/dates'
import { useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { countLabel } from '../../grid/cellValues'
import { DataGrid, type CellEdit } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { useShortcut } from '../../hooks/useShortcut'
import { SessionFilter } from '../catalogue/SessionFilter'
import { CancelEventDialog, DuplicateEventDialog } from './EventActionDialogs'
import { EventFormDialog } from './EventFormDialog'
import { eventCellPatch, eventColumns } from './recruitmentColumns'
import { eventTitle } from './recruitmentFormat'
import { RegistrationsPanel } from './RegistrationsPanel'
import { FormError } from '../../components/FormError'

const eventRowId = (e: RecruitmentEventRow): string => String(e.id)
/** The events grid is as tall as its rows (header + 32 px each), between 4 and 9 rows. */
const eventsHeight = (rows: number): number => 40 + 32 * Math.min(9, Math.max(4, rows)) + 18

type Props = {
  /** The session page fixes the session; the Recruitment screen lets the user choose (null: all). */
  fixedSessionId: number | null
  sessionFilter?: number | null
  onSessionFilterChange?: (id: number | null) => void
  /** Something changed that other panels show (warnings, session counts). */
  onChanged?: () => void
  initialEventId?: number | null
}

/**
 * Recruitment slots of all sessions or of one, with their actions, and below them the people
 * booked on the selected slot. The same component serves the Recruitment screen and the
 * « Recrutement » tab of a session.
 */
export function RecruitmentWorkspace({ fixedSessionId, sessionFilter = null, onSessionFilterChange, onChanged, initialEventId = null }: Props) {
  const api = useApi()
  const toast = useToast()
  const sessionId = fixedSessionId ?? sessionFilter
  const [includePast, setIncludePast] = useState(false)
  const [includeCancelled, setIncludeCancelled] = useState(true)
  const [search, setSearch] = useState('')
  const [selectedId, setSelectedId] = useState<number | null>(initialEventId)
  const [displayed, setDisplayed] = useState(0)
  const [form, setForm] = useState<{ open: boolean; event: RecruitmentEventRow | null }>({ open: false, event: null })
  const [duplicating, setDuplicating] = useState<RecruitmentEventRow | null>(null)
  const [cancelling, setCancelling] = useState<RecruitmentEventRow | null>(null)
  const [deleting, setDeleting] = useState<RecruitmentEventRow | null>(null)
  const removal = useCommand()
  const gridApi = useRef<GridApi<RecruitmentEventRow> | null>(null)
  const pendingSelect = useRef<number | null>(initialEventId)

  // A session's own slots are all shown; across sessions, past ones only on demand.
  const showPast = sessionId !== null || includePast
  const input = useMemo(
    () => ({ ...(sessionId !== null ? { sessionId } : {}), ...(showPast ? {} : { from: todayIso() }), includeCancelled }),
    [sessionId, showPast, includeCancelled]
  )
  // The slot opened first is asked before the (long) list, with the list's first filter only:
  // its booked people then load while the list still travels instead of after it.
  const [firstInput] = useState(() => ({ ...input, today: todayIso() }))
  const first = useQuery('recruitment:firstEvent', firstInput, { enabled: initialEventId === null })
  const events = useQuery('recruitment:listEvents', input)
  const { reload: reloadEvents, setData: setEvents } = events

  // The sessions' labels (a few hundred kB on a large organisation, and as many <option>s) are
  // not needed to see the slots: asked when the pointer or the focus reaches the filter, when the
  // form opens, or at once when the address names a session (its label must show).
  const [sessionsWanted, setSessionsWanted] = useState(sessionFilter !== null)
  const wantSessions = useCallback(() => setSessionsWanted(true), [])
  useEffect(() => {
    if (sessionFilter !== null) setSessionsWanted(true)
  }, [sessionFilter])
  const sessions = useQuery('sessions:options', {}, { enabled: sessionsWanted })

  const selected = useMemo(() => {
    const inList = events.data?.find((e) => e.id === selectedId)
    if (inList || events.data) return inList ?? null
    return first.data && first.data.id === selectedId ? first.data : null
  }, [events.data, first.data, selectedId])

  useEffect(() => {
    const e = first.data
    // Once the list is in, the choice is the list's own (below), for the filter shown.
    if (!e || events.data || selectedId !== null || pendingSelect.current !== null) return
    pendingSelect.current = e.id
    setSelectedId(e.id)
  }, [first.data, events.data, selectedId])

  // An event just created or copied is selected once the reloaded list holds it.
  useEffect(() => {
    const id = pendingSelect.current
    if (id === null || !gridApi.current || !events.data?.some((e) => e.id === id)) return
    pendingSelect.current = null
    const node = gridApi.current.getRowNode(String(id))
    if (node) {
      node.setSelected(true, true)
      gridApi.current.ensureNodeVisible(node, 'middle')
    }
  }, [events.data, selectedId])

  // Nothing chosen yet: the next slot to come (else the last one) is opened below the grid.
  useEffect(() => {
    const list = events.data
    if (selectedId !== null || pendingSelect.current !== null || !list || list.length === 0) return
    const today = todayIso()
    const next = list.find((e) => !e.cancelled && (e.endDate ?? e.date) >= today) ?? list[list.length - 1]
    if (next) {
      pendingSelect.current = next.id
      setSelectedId(next.id)
    }
  }, [events.data, selectedId])

  const changed = useCallback(() => {
    void reloadEvents()
    onChanged?.()
  }, [reloadEvents, onChanged])

  const current = (): RecruitmentEventRow | null => gridApi.current?.getSelectedRows()[0] ?? selected
  const openForm = (event: RecruitmentEventRow | null): void => {
    setSessionsWanted(true)
    setForm({ open: true, event })
  }
  const openNew = (): void => openForm(null)
  useShortcut('Ctrl+N', openNew)
  useShortcut('Alt+N', openNew)

  const onCellEdit = useCallback(
    async (edit: CellEdit<RecruitmentEventRow>) => {
      const changes = eventCellPatch(edit.field, edit.value)
      if (!changes) return { ok: false as const, error: { code: 'invalid_input' as const, message: 'Cette colonne se modifie avec « Modifier ».' } }
      return api.call('recruitment:updateEvent', { id: edit.row.id, changes })
    },
    [api]
  )
  const onRowUpdated = useCallback((row: RecruitmentEventRow) => setEvents((all) => all?.map((e) => (e.id === row.id ? row : e)) ?? all), [setEvents])

  function selectAfterLoad(id: number): void {
    setSelectedId(id)
    pendingSelect.current = id
  }

  async function confirmDelete(): Promise<void> {
    if (!deleting) return
    const r = await removal.run((client) => client.call('recruitment:deleteEvent', { id: deleting.id }), { success: `Créneau supprimé : ${eventTitle(deleting)}.` })
    if (!r.ok) return
    setDeleting(null)
    setSelectedId(null)
    changed()
  }

  const total = events.data?.length ?? 0
  const countText = events.data === null ? 'Chargement…' : displayed < total ? `${countLabel(displayed, 'affiché', 'affichés')} sur ${countLabel(total, 'créneau', 'créneaux')}` : countLabel(total, 'créneau', 'créneaux')
  const columns = useMemo(() => eventColumns(sessionId === null), [sessionId])

  return (
    <div className="workspace" data-testid="recruitment-workspace">
      <div className="toolbar" role="toolbar" aria-label="Créneaux de recrutement">
        <button type="button" className="button button--primary" onClick={openNew} title="Nouveau créneau (Ctrl+N)">
          <Icon name="plus" size={16} />
          Nouveau créneau
        </button>
        {fixedSessionId === null && (
          <span style={{ display: 'contents' }} onFocus={wantSessions} onPointerOver={wantSessions} onPointerDown={wantSessions}>
            <SessionFilter sessions={sessions.data} value={sessionFilter} onChange={(id) => onSessionFilterChange?.(id)} />
          </span>
        )}
        <div className="search-box search-box--narrow search-box--small">
          <Icon name="search" size={16} />
          <input type="search" className="input search-box__input" placeholder="Lieu, type, date…" aria-label="Rechercher un créneau" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {sessionId === null && (
          <label className="check">
            <input type="checkbox" checked={includePast} onChange={(e) => setIncludePast(e.target.checked)} />
            Passés
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={includeCancelled} onChange={(e) => setIncludeCancelled(e.target.checked)} />
          Annulés
        </label>
        <span className="toolbar__count" data-testid="event-count" aria-live="polite">
          {countText}
        </span>
        <div className="toolbar__group toolbar__group--end">
        <button type="button" className="button" disabled={!selected || selected.cancelled} onClick={() => selected && openForm(selected)} title="Modifier le créneau sélectionné">
          <Icon name="edit" size={16} />
          Modifier
        </button>
        <button type="button" className="button" disabled={!selected} onClick={() => setDuplicating(current())} title="Copier le créneau sélectionné sur une autre date">
          <Icon name="copy" size={16} />
          Dupliquer
        </button>
        <button type="button" className="button" disabled={!selected || selected.cancelled} onClick={() => setCancelling(current())} title="Annuler : le créneau reste visible, marqué annulé">
          <Icon name="ban" size={16} />
          Annuler
        </button>
        <button
          type="button"
          className="button button--danger-ghost"
          disabled={!selected}
          onClick={() => {
            const e = current()
            if (e) {
              removal.setError(null)
              setDeleting(e)
            }
          }}
          title="Supprimer un créneau saisi par erreur (personne n’y est positionné)"
        >
          <Icon name="trash" size={16} />
          Supprimer
        </button>
        <GridExportMenu grid={gridApi} baseName="creneaux-recrutement" label="Créneaux de recrutement" disabled={total === 0} testId="events-export" />
        </div>
      </div>

      <FormError message={events.error} />

      <div className="workspace__events" style={{ height: eventsHeight(events.data?.length ?? 0) }}>
        <DataGrid<RecruitmentEventRow>
          rows={events.data}
          columns={columns}
          getRowId={eventRowId}
          label="Créneaux de recrutement"
          testId="events-grid"
          quickFilterText={search}
          onCellEdit={onCellEdit}
          onRowUpdated={onRowUpdated}
          rowClass={(e) => (e.cancelled ? 'row--cancelled' : undefined)}
          onSelectedRowChanged={(e) => {
            if (!e) return
            // The clerk's own choice wins over a selection still waiting for the grid.
            if (pendingSelect.current !== e.id) pendingSelect.current = null
            setSelectedId(e.id)
          }}
          onDisplayedCountChanged={setDisplayed}
          onGridReady={(a) => (gridApi.current = a)}
          noRowsText={
            sessionId === null && !includePast
              ? 'Aucun créneau à venir. « Nouveau créneau » pour en créer, ou cochez « Créneaux passés ».'
              : 'Aucun créneau pour cette session. « Nouveau créneau » pour en créer un ou une série hebdomadaire.'
          }
        />
      </div>

      <RegistrationsPanel event={selected} onChanged={changed} />

      <EventFormDialog
        open={form.open}
        event={form.event}
        sessions={sessions.data ?? []}
        fixedSessionId={fixedSessionId}
        defaultSessionId={sessionFilter}
        onClose={() => setForm({ open: false, event: null })}
        onSaved={(saved, created) => {
          setForm({ open: false, event: null })
          const first = saved[0]
          toast.show(
            'success',
            created ? (saved.length > 1 ? `${saved.length} créneaux créés (série hebdomadaire).` : `Créneau créé : ${first ? eventTitle(first) : ''}.`) : 'Créneau enregistré.'
          )
          changed()
          if (first) selectAfterLoad(first.id)
        }}
      />
      <DuplicateEventDialog
        event={duplicating}
        onClose={() => setDuplicating(null)}
        onDone={(copy) => {
          setDuplicating(null)
          toast.show('success', `Créneau dupliqué : ${eventTitle(copy)}.`)
          changed()
          selectAfterLoad(copy.id)
        }}
      />
      <CancelEventDialog
        event={cancelling}
        onClose={() => setCancelling(null)}
        onDone={(e) => {
          setCancelling(null)
          toast.show('success', `Créneau annulé : ${eventTitle(e)}. Il reste visible, grisé.`)
          changed()
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Supprimer le créneau ?"
        confirmLabel={removal.error ? 'Annuler ce créneau plutôt' : 'Supprimer définitivement'}
        danger={!removal.error}
        busy={removal.busy}
        onConfirm={() => {
          // Refused because people are booked: offer what the server suggests, cancelling.
          if (deleting && removal.error) {
            setCancelling(deleting)
            setDeleting(null)
          } else void confirmDelete()
        }}
        onCancel={() => setDeleting(null)}
      >
        {deleting && (
          <>
            <FormError message={removal.error} testId="delete-error" />
            <p>
              Le créneau « {eventTitle(deleting)} » sera effacé sans laisser de trace. Réservé aux créneaux saisis par erreur : dès qu’une personne y est
              positionnée, annulez-le plutôt (il reste visible, marqué annulé).
            </p>
          </>
        )}
      </ConfirmDialog>
    </div>
  )
}
