import type { GridApi } from 'ag-grid-community'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { DocumentKind, GeneratedDocument } from '@shared/api/areas/documents'
import { Icon } from '../../components/Icon'
import { SearchBox } from '../../components/SearchBox'
import { countLabel } from '../../grid/cellValues'
import { DataGrid } from '../../grid/DataGrid'
import { GridExportMenu } from '../../grid/export/GridExportMenu'
import { useQuery } from '../../hooks/useQuery'
import { useShortcut } from '../../hooks/useShortcut'
import { SessionFilter } from '../catalogue/SessionFilter'
import { documentColumns } from './documentColumns'
import { isSuperseded, KIND_OPTIONS } from './documentFormat'
import { GenerateDocumentsDialog } from './GenerateDocumentsDialog'
import { useDocumentFiles } from './useDocumentFiles'
import { VerifyDocumentDialog } from './VerifyDocumentDialog'
import { FormError } from '../../components/FormError'

const rowId = (d: GeneratedDocument): string => String(d.id)

/**
 * The register of every document generated (domain.md §6): who produced which file when, with
 * its SHA-256; a regeneration keeps the earlier file, shown « remplacé » on demand.
 */
export function DocumentsPage() {
  const files = useDocumentFiles()
  const [kind, setKind] = useState<DocumentKind | ''>('')
  const [sessionId, setSessionId] = useState<number | null>(null)
  const [includeSuperseded, setIncludeSuperseded] = useState(false)
  const [search, setSearch] = useState('')
  const [displayed, setDisplayed] = useState(0)
  const [selected, setSelected] = useState<GeneratedDocument | null>(null)
  const [generating, setGenerating] = useState(false)
  const [verifying, setVerifying] = useState(false)
  const gridApi = useRef<GridApi<GeneratedDocument> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  const filter = useMemo(() => ({ ...(kind ? { kind } : {}), ...(sessionId !== null ? { sessionId } : {}), includeSuperseded }), [kind, sessionId, includeSuperseded])
  const list = useQuery('documents:list', filter)
  const sessions = useQuery('sessions:options', {})
  const { reload } = list

  const open = useCallback((d: GeneratedDocument) => void files.open(d), [files])
  const columns = useMemo(() => documentColumns(open), [open])
  const rowClass = useCallback((d: GeneratedDocument) => (isSuperseded(d) ? 'row--superseded' : undefined), [])

  useShortcut('Ctrl+F', () => searchRef.current?.select())
  useShortcut('Ctrl+N', () => setGenerating(true))

  const rows = list.data
  const total = rows?.length ?? 0
  const countText = rows === null ? 'Chargement…' : displayed < total ? `${countLabel(displayed, 'affiché', 'affichés')} sur ${countLabel(total, 'document', 'documents')}` : countLabel(total, 'document', 'documents')
  const filtered = kind !== '' || sessionId !== null || search.trim() !== ''

  return (
    <div className="page page--grid" data-testid="documents-page">
      <div className="toolbar" role="toolbar" aria-label="Filtres des documents">
        <SearchBox variant="narrow" inputRef={searchRef} placeholder="Stagiaire, fichier…" label="Rechercher un document" value={search} onChange={setSearch} testId="document-search" />
        <select className="input input--auto" aria-label="Type de document" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind | '')} data-testid="filter-kind">
          <option value="">Tous les types</option>
          {KIND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <SessionFilter sessions={sessions.data} value={sessionId} onChange={setSessionId} />
        <label className="check" title="Afficher aussi les documents remplacés par une régénération">
          <input type="checkbox" checked={includeSuperseded} onChange={(e) => setIncludeSuperseded(e.target.checked)} data-testid="include-superseded" />
          Afficher les documents remplacés
        </label>
        <span className="toolbar__count" data-testid="row-count" aria-live="polite">
          {countText}
        </span>
        <div className="toolbar__spacer" />
        <button type="button" className="button" onClick={() => void reload()} title="Recharger le registre">
          <Icon name="refresh" size={16} />
        </button>
        <button type="button" className="button" disabled={!selected?.fileExists} onClick={() => selected && void files.download(selected)} title="Télécharger le document sélectionné">
          <Icon name="download" size={16} />
          Télécharger
        </button>
        <GridExportMenu grid={gridApi} baseName="registre-documents" label="Registre des documents" disabled={(rows?.length ?? 0) === 0} />
        <button type="button" className="button" onClick={() => setVerifying(true)} title="Vérifier un PDF ou un code imprimé auprès du registre" data-testid="documents-verify">
          <Icon name="check" size={16} />
          Vérifier un document
        </button>
        <button type="button" className="button button--primary" onClick={() => setGenerating(true)} title="Générer des documents (Ctrl+N)" data-testid="documents-generate">
          <Icon name="plus" size={16} />
          Générer des documents
        </button>
      </div>

      <FormError message={list.error} />

      <DataGrid<GeneratedDocument>
        rows={rows}
        columns={columns}
        getRowId={rowId}
        label="Registre des documents générés"
        testId="documents-grid"
        quickFilterText={search}
        rowClass={rowClass}
        onSelectedRowChanged={setSelected}
        onDisplayedCountChanged={setDisplayed}
        onGridReady={(a) => (gridApi.current = a)}
        onRowActivated={open}
        noRowsText={filtered ? 'Aucun document ne correspond à ces filtres.' : 'Aucun document généré pour l’instant : « Générer des documents », ou depuis les inscriptions et la page d’une session.'}
      />

      <p className="grid-help">
        Entrée ou double-clic : ouvrir le document. Une régénération ne remplace jamais un fichier : le précédent reste au registre, marqué « remplacé ». L’empreinte SHA-256 prouve
        qu’un fichier n’a pas été modifié.
      </p>

      <VerifyDocumentDialog open={verifying} onClose={() => setVerifying(false)} />
      <GenerateDocumentsDialog
        open={generating}
        sessionId={sessionId ?? undefined}
        subject={sessionId !== null ? `Session : ${sessions.data?.find((s) => s.id === sessionId)?.label ?? sessions.data?.find((s) => s.id === sessionId)?.trainingTitle ?? ''}` : undefined}
        onClose={() => setGenerating(false)}
        onGenerated={() => void reload()}
      />
    </div>
  )
}
