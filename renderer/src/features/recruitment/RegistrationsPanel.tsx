import type { GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RecruitmentEventRow, RegistrationRow } from '@shared/api/areas/recruitment'
import type { Presence, RegistrationResult } from '@shared/domain/recruitment'
import { inTab, type RegistrationTab } from '@shared/domain/recruitmentRules'
import type { Result } from '@shared/api/result'
import { useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { DataGrid, type CellEdit } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { BookingDialog } from './BookingDialog'
import { registrationColumns } from './recruitmentColumns'
import { eventTitle, peopleText } from './recruitmentFormat'
import { TransferDialog } from './TransferDialog'
import { FormError } from '../../components/FormError'

const TABS: { id: RegistrationTab; label: string; hint: string }[] = [
  { id: 'inscrits', label: 'Inscrits', hint: 'Tous les positionnés : présence, résultat, code France Travail.' },
  { id: 'presence', label: 'Saisie présence', hint: 'Présence à saisir ou absents ; une personne présente quitte la liste.' },
  { id: 'resultat', label: 'Saisie résultat', hint: 'Présents sans résultat définitif ; « Retenu » quitte la liste.' }
]

const registrationRowId = (r: RegistrationRow): string => String(r.id)

type Props = {
  event: RecruitmentEventRow | null
  /** Counts of the events changed (presence, results, bookings): the events grid reloads. */
  onChanged: () => void
}

const NO_ROWS: RegistrationRow[] = []

/**
 * The people booked on one slot, in KAIROS's three tabs. Several rows can be selected
 * (checkboxes, Ctrl/Shift+click) for the bulk buttons; presence, result and comment are also
 * editable in the cells.
 */
export function RegistrationsPanel({ event, onChanged }: Props) {
  const api = useApi()
  const toast = useToast()
  const [tab, setTab] = useState<RegistrationTab>('inscrits')
  const [selected, setSelected] = useState<RegistrationRow[]>([])
  const [booking, setBooking] = useState(false)
  const [transferring, setTransferring] = useState<RegistrationRow[] | null>(null)
  const [removing, setRemoving] = useState<RegistrationRow[] | null>(null)
  const { run, busy } = useCommand()
  const removal = useCommand()
  const gridApi = useRef<GridApi<RegistrationRow> | null>(null)
  const eventId = event?.id ?? null
  // Another slot: its own people only, never the previous slot's while they load.
  const list = useQuery('registrations:list', { eventId: eventId ?? 0, tab: 'inscrits' }, { enabled: eventId !== null, keepPrevious: false })
  const { setData: setRows, error } = list
  const rows = eventId === null ? NO_ROWS : list.data

  useEffect(() => setSelected([]), [eventId])

  const shown = useMemo(() => rows?.filter((r) => inTab(tab, r.presence, r.result)) ?? null, [rows, tab])
  const counts = useMemo(() => Object.fromEntries(TABS.map((t) => [t.id, rows?.filter((r) => inTab(t.id, r.presence, r.result)).length ?? 0])) as Record<RegistrationTab, number>, [rows])

  const applyRows = useCallback(
    (updated: RegistrationRow[]) => {
      setRows((all) => all?.map((r) => updated.find((u) => u.id === r.id) ?? r) ?? all)
    },
    [setRows]
  )

  /** The grid's selection, read from the grid itself (it knows it before React re-renders). */
  const currentSelection = (): RegistrationRow[] => {
    const fromGrid = gridApi.current?.getSelectedRows() ?? selected
    return fromGrid.filter((r) => shown?.some((s) => s.id === r.id))
  }

  async function bulk(what: { presence: Presence } | { result: RegistrationResult | null }, label: string): Promise<void> {
    const chosen = currentSelection()
    if (chosen.length === 0) {
      toast.show('info', 'Cochez d’abord les personnes concernées (cases à gauche, ou Ctrl/Maj + clic).')
      return
    }
    const ids = chosen.map((r) => r.id)
    const r = await run(
      (client): Promise<Result<RegistrationRow[]>> =>
        'presence' in what ? client.call('registrations:setPresence', { ids, presence: what.presence }) : client.call('registrations:setResult', { ids, result: what.result }),
      { success: (done) => `${label} : ${peopleText(done)}.`, errorToast: true }
    )
    if (!r.ok) return
    applyRows(r.value)
    gridApi.current?.deselectAll()
    onChanged()
  }

  const onCellEdit = useCallback(
    async (edit: CellEdit<RegistrationRow>): Promise<Result<RegistrationRow>> => {
      if (edit.field === 'comment') {
        // The event's counters do not change: no reload of the slots.
        return api.call('registrations:setComment', { id: edit.row.id, comment: typeof edit.value === 'string' ? edit.value : null })
      }
      const r =
        edit.field === 'presence'
          ? await api.call('registrations:setPresence', { ids: [edit.row.id], presence: edit.value as Presence })
          : await api.call('registrations:setResult', { ids: [edit.row.id], result: edit.value === '' || edit.value == null ? null : (edit.value as RegistrationResult) })
      if (!r.ok) return r
      const row = r.value[0]
      if (!row) return { ok: false, error: { code: 'internal', message: 'Réponse vide du serveur.' } }
      onChanged()
      return { ok: true, value: row }
    },
    [api, onChanged]
  )

  async function confirmRemove(): Promise<void> {
    if (!removing) return
    // One call per person: a refusal stops there, those already removed leave the list.
    const done: number[] = []
    const r = await removal.run(
      async (client): Promise<Result<null>> => {
        for (const row of removing) {
          const res = await client.call('registrations:remove', { id: row.id })
          if (!res.ok) return res
          done.push(row.id)
        }
        return { ok: true, value: null }
      },
      { success: `Positionnement retiré : ${peopleText(removing)}.` }
    )
    setRows((all) => all?.filter((x) => !done.includes(x.id)) ?? all)
    if (r.ok) setRemoving(null)
    if (r.ok || done.length) onChanged()
  }

  const cancelled = event?.cancelled ?? false
  const hasSelection = selected.length > 0
  const currentTab = TABS.find((t) => t.id === tab) ?? TABS[0]

  if (!event) {
    return (
      <section className="registrations registrations--empty" aria-label="Candidats positionnés">
        <p className="muted">Choisissez un créneau dans la liste ci-dessus pour voir et saisir ses candidats : présence, résultat, transferts.</p>
      </section>
    )
  }

  return (
    <section className="registrations" aria-label="Candidats positionnés" data-testid="registrations-panel">
      <header className="registrations__head">
        <div>
          <h2 className="registrations__title" data-testid="registrations-title">
            {eventTitle(event)}
            {cancelled && <span className="badge badge--danger">Annulé{event.cancelReason ? ` — ${event.cancelReason}` : ''}</span>}
          </h2>
          <p className="registrations__meta">
            {event.sessionLabel} · {event.booked} positionné{event.booked > 1 ? 's' : ''}
            {event.capacity !== null ? ` sur ${event.capacity} place${event.capacity > 1 ? 's' : ''}` : ''} · {event.present} présent{event.present > 1 ? 's' : ''} · {event.absent} absent
            {event.absent > 1 ? 's' : ''} · {event.retained} retenu{event.retained > 1 ? 's' : ''}
          </p>
        </div>
        <div className="toolbar__spacer" />
        <button type="button" className="button button--primary" onClick={() => setBooking(true)} disabled={cancelled} title={cancelled ? 'Créneau annulé : positionnez sur une autre date' : 'Positionner des personnes du registre ou de nouveaux candidats'}>
          <Icon name="userPlus" size={16} />
          Positionner des candidats
        </button>
      </header>

      <div className="tabs tabs--small" role="tablist" aria-label="Saisie des candidats">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className="tabs__tab"
            onClick={() => {
              setTab(t.id)
              gridApi.current?.deselectAll()
            }}
            data-testid={`reg-tab-${t.id}`}
          >
            {t.label} <span className="tabs__count">{rows ? counts[t.id] : '…'}</span>
          </button>
        ))}
        <p className="tabs__hint muted">{currentTab?.hint}</p>
      </div>

      <div className="toolbar toolbar--bulk" role="toolbar" aria-label="Actions sur les personnes cochées">
        <span className="toolbar__count" data-testid="selection-count">
          {hasSelection ? `${selected.length} cochée${selected.length > 1 ? 's' : ''}` : 'Aucune ligne cochée'}
        </span>
        {tab !== 'resultat' && (
          <div className="button-group" role="group" aria-label="Présence">
            <button type="button" className="button button--small" disabled={!hasSelection || busy || cancelled} onClick={() => void bulk({ presence: 'present' }, 'Présent')}>
              <span className="dot dot--success" aria-hidden="true" />
              Présent
            </button>
            <button type="button" className="button button--small" disabled={!hasSelection || busy || cancelled} onClick={() => void bulk({ presence: 'absent' }, 'Absent (ICA)')}>
              <span className="dot dot--danger" aria-hidden="true" />
              Absent
            </button>
          </div>
        )}
        {tab !== 'presence' && (
          <div className="button-group" role="group" aria-label="Résultat">
            <button type="button" className="button button--small" disabled={!hasSelection || busy || cancelled} onClick={() => void bulk({ result: 'retenu' }, 'Retenu (ICR)')}>
              Retenu (ICR)
            </button>
            <button type="button" className="button button--small" disabled={!hasSelection || busy || cancelled} onClick={() => void bulk({ result: 'non_retenu' }, 'Non retenu (ICN)')}>
              Non retenu (ICN)
            </button>
            <button type="button" className="button button--small" disabled={!hasSelection || busy || cancelled} onClick={() => void bulk({ result: 'en_attente' }, 'En attente')}>
              En attente
            </button>
            <button type="button" className="button button--small button--ghost" disabled={!hasSelection || busy || cancelled} onClick={() => void bulk({ result: null }, 'Résultat effacé')} title="Effacer le résultat">
              Effacer
            </button>
          </div>
        )}
        <div className="toolbar__spacer" />
        <button type="button" className="button button--small" disabled={!hasSelection} onClick={() => setTransferring(currentSelection())}>
          <Icon name="transfer" size={15} />
          Transférer
        </button>
        <button type="button" className="button button--small button--danger-ghost" disabled={!hasSelection} onClick={() => {
            removal.setError(null)
            setRemoving(currentSelection())
          }}>
          Retirer
        </button>
        <GridExportMenu grid={gridApi} baseName="candidats" label="Candidats" disabled={!shown || shown.length === 0} small testId="registrations-export" />
      </div>

      <FormError message={error} />

      <DataGrid<RegistrationRow>
        rows={shown}
        columns={registrationColumns}
        getRowId={registrationRowId}
        label="Candidats positionnés sur le créneau"
        testId="registrations-grid"
        selection="multiple"
        onSelectionChanged={setSelected}
        onCellEdit={onCellEdit}
        onRowUpdated={(row) => applyRows([row])}
        onGridReady={(a) => (gridApi.current = a)}
        noRowsText={
          rows && rows.length > 0
            ? tab === 'presence'
              ? 'Toutes les présences sont saisies.'
              : 'Aucun résultat à saisir : personne de présent sans résultat définitif.'
            : 'Personne n’est positionné sur ce créneau. « Positionner des candidats » pour en ajouter.'
        }
      />

      <BookingDialog
        event={booking ? event : null}
        booked={rows ?? []}
        onClose={() => setBooking(false)}
        onBooked={(added) => {
          setBooking(false)
          setRows((all) => [...(all ?? []), ...added].sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr')))
          toast.show('success', `${added.length > 1 ? `${added.length} personnes positionnées` : 'Personne positionnée'} : ${peopleText(added)}.`)
          onChanged()
        }}
      />
      <TransferDialog
        open={transferring !== null}
        from={event}
        registrations={transferring ?? []}
        onClose={() => setTransferring(null)}
        onDone={(moved, target) => {
          setTransferring(null)
          setRows((all) => all?.filter((r) => !moved.some((m) => m.id === r.id)) ?? all)
          toast.show('success', `${peopleText(moved)} : transféré${moved.length > 1 ? 's' : ''} vers le créneau « ${eventTitle(target)} ».`)
          onChanged()
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Retirer le positionnement ?"
        confirmLabel="Retirer"
        danger
        busy={removal.busy}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        {removing && (
          <>
            <FormError message={removal.error} />
            <p>
              <strong>{peopleText(removing, 5)}</strong> {removing.length > 1 ? 'quitteront' : 'quittera'} ce créneau.
              La fiche reste dans le registre des stagiaires. Pour changer de date, utilisez plutôt « Transférer ».
            </p>
          </>
        )}
      </ConfirmDialog>
    </section>
  )
}
