import { downloadBase64 } from '../../lib/downloadBase64'
import { Icon } from '../../components/Icon'
import { useCommand } from '../../hooks/useCommand'

/** Right of access (RGPD art. 15): everything about the person, as a JSON file and a workbook. */
export function ExportPersonButton({ traineeId }: { traineeId: number }) {
  const { run, busy } = useCommand()
  async function exportData(): Promise<void> {
    const r = await run((api) => api.call('privacy:export', { traineeId }), { success: 'Données exportées (JSON et Excel).' })
    if (r.ok) for (const file of r.value.files) downloadBase64(file)
  }
  return (
    <button type="button" className="button" disabled={busy} onClick={() => void exportData()} data-testid="privacy-export" title="Toutes les données de cette personne, pour répondre à une demande d’accès">
      <Icon name="download" size={16} />
      {busy ? 'Export…' : 'Exporter ses données (RGPD)'}
    </button>
  )
}
