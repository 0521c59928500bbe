import { formatCode } from '@shared/domain/verificationCode'
import type { ColDef } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import type { GeneratedDocument } from '@shared/api/areas/documents'
import { isSuperseded, periodLabel, shortSha } from './documentFormat'

function ReplacedCell(p: CustomCellRendererProps<GeneratedDocument>) {
  if (!p.data) return null
  if (isSuperseded(p.data))
    return (
      <span className="flag-pill" title="Un document plus récent le remplace (régénération)" data-testid="flag-replaced">
        remplacé
      </span>
    )
  if (!p.data.fileExists)
    return (
      <span className="flag-pill flag-pill--danger" title="Le fichier n’est plus à l’emplacement où il a été écrit">
        fichier absent
      </span>
    )
  return null
}

function OpenCell(p: CustomCellRendererProps<GeneratedDocument> & { onOpen: (d: GeneratedDocument) => void }) {
  const d = p.data
  if (!d) return null
  return (
    <button type="button" className="button button--small grid-button" onClick={() => p.onOpen(d)} disabled={!d.fileExists} data-testid="document-open" tabIndex={-1}>
      Ouvrir
    </button>
  )
}

/** The register of generated documents: read-only, newest first. */
export function documentColumns(onOpen: (d: GeneratedDocument) => void): ColDef<GeneratedDocument>[] {
  return [
    { field: 'generatedAt', headerName: 'Date', type: 'timestamp', width: 140, sort: 'desc' },
    { field: 'kindLabel', headerName: 'Type', type: 'text', width: 210 },
    { field: 'traineeName', headerName: 'Stagiaire', type: 'text', width: 170, valueFormatter: (p) => p.value ?? '—' },
    { field: 'sessionLabel', headerName: 'Session', type: 'text', width: 200, valueFormatter: (p) => p.value ?? '—' },
    {
      field: 'period',
      headerName: 'Période',
      type: 'text',
      width: 150,
      valueFormatter: (p) => periodLabel(typeof p.value === 'string' ? p.value : null),
      getQuickFilterText: (p) => periodLabel(typeof p.value === 'string' ? p.value : null)
    },
    { field: 'fileName', headerName: 'Fichier', type: 'text', width: 400, tooltipField: 'path' },
    { field: 'generatedBy', headerName: 'Généré par', type: 'text', width: 150 },
    {
      field: 'verificationCode',
      headerName: 'Code',
      headerTooltip: 'Code de vérification imprimé sur le document (avec son QR code)',
      type: 'text',
      width: 130,
      cellClass: 'cell--mono',
      valueFormatter: (p) => (typeof p.value === 'string' ? formatCode(p.value) : '—')
    },
    {
      field: 'forcedMissing',
      headerName: 'Généré quand même',
      headerTooltip: 'Données obligatoires manquantes au moment de la génération, acceptées par l’agent',
      type: 'text',
      width: 190,
      valueFormatter: (p) => (typeof p.value === 'string' && p.value !== '' ? p.value : ''),
      tooltipField: 'forcedMissing'
    },
    {
      field: 'sha256',
      headerName: 'SHA-256',
      headerTooltip: 'Empreinte du fichier : elle prouve qu’il n’a pas été modifié depuis sa génération',
      type: 'text',
      width: 140,
      cellClass: 'cell--mono',
      valueFormatter: (p) => (typeof p.value === 'string' ? shortSha(p.value) : ''),
      tooltipField: 'sha256'
    },
    {
      colId: 'replaced',
      headerName: 'Remplacé',
      width: 120,
      pinned: 'right',
      valueGetter: (p) => (p.data ? (isSuperseded(p.data) ? 'remplacé' : p.data.fileExists ? '' : 'fichier absent') : ''),
      cellRenderer: ReplacedCell
    },
    { colId: 'open', headerName: '', context: { export: false }, width: 100, sortable: false, filter: false, resizable: false, pinned: 'right', cellRenderer: OpenCell, cellRendererParams: { onOpen } }
  ]
}
