import { useCallback, useEffect, useState } from 'react'
import type { AnonymisePreview, PrivacySettings } from '@shared/api/areas/privacy'
import { formatDateFr, parseFrenchDate, todayIso } from '@shared/domain/dates'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useCommand } from '../../hooks/useCommand'
import { anonymisedSummary, peopleLabel } from './privacyText'
import { FormError } from '../../components/FormError'

type Props = { settings: PrivacySettings; autoPreview: boolean; onDone: () => void }

/**
 * Anonymisation in two steps: the list of who would be anonymised (count and names), then the
 * confirmation of exactly those people. The date defaults to the retention cutoff.
 */
export function AnonymisePanel({ settings, autoPreview, onDone }: Props) {
  const { run, busy, error, setError } = useCommand()
  const [before, setBefore] = useState(formatDateFr(settings.cutoff))
  const [preview, setPreview] = useState<AnonymisePreview | null>(null)
  const [confirming, setConfirming] = useState(false)
  const show = useCallback(
    async (text: string): Promise<void> => {
      const date = parseFrenchDate(text)
      if (!date.ok) {
        setError(`${text.trim() === '' ? 'Indiquez une date (jj/mm/aaaa).' : date.message} Personne n’a été recherché.`)
        return
      }
      if (date.value > todayIso()) {
        setError('La date limite ne peut pas être dans le futur.')
        return
      }
      const r = await run((api) => api.call('privacy:anonymisePreview', { before: date.value }))
      setPreview(r.ok ? r.value : null)
    },
    [run, setError]
  )

  useEffect(() => {
    if (autoPreview) void show(formatDateFr(settings.cutoff))
  }, [autoPreview, settings.cutoff, show])

  async function confirm(): Promise<void> {
    if (!preview) return
    const ids = preview.candidates.map((c) => c.id)
    const r = await run((api) => api.call('privacy:anonymise', { before: preview.before, ids }), { success: anonymisedSummary })
    setConfirming(false)
    setPreview(null)
    if (r.ok) onDone()
  }

  const count = preview?.candidates.length ?? 0
  return (
    <div className="privacy-anonymise" data-testid="anonymise-panel">
      <h3 className="privacy__subtitle">Anonymiser les personnes dont la dernière activité est antérieure au…</h3>
      <div className="privacy-anonymise__bar">
        <input
          className="input privacy-anonymise__date"
          aria-label="Date limite"
          placeholder="jj/mm/aaaa"
          inputMode="numeric"
          value={before}
          onChange={(e) => {
            setBefore(e.target.value)
            setPreview(null)
          }}
          data-testid="anonymise-before"
        />
        <button type="button" className="button" disabled={busy} onClick={() => void show(before)} data-testid="anonymise-preview">
          Afficher les personnes concernées
        </button>
      </div>
      <FormError message={error} />
      {preview && (
        <div className="privacy-preview" data-testid="anonymise-list">
          <p data-testid="anonymise-count">
            <strong>{peopleLabel(count)}</strong> sans activité depuis le {formatDateFr(preview.before)}
            {preview.documents > 0 ? ` · ${preview.documents} document${preview.documents > 1 ? 's' : ''} PDF à supprimer` : ''}.
          </p>
          {count > 0 && (
            <>
              <div className="mini-table-wrap privacy-preview__scroll">
                <table className="mini-table">
                  <thead>
                    <tr>
                      <th>Personne</th>
                      <th>Dernière activité</th>
                      <th title="Inscriptions">Inscr.</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.candidates.map((c) => (
                      <tr key={c.id} data-testid="anonymise-row">
                        <td>
                          {c.lastName} {c.firstName}
                          {c.ftId && <span className="muted"> · {c.ftId}</span>}
                        </td>
                        <td>{formatDateFr(c.lastActivity)}</td>
                        <td>{c.enrolments}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirming(true)} data-testid="anonymise-open-confirm">
                Anonymiser {peopleLabel(count)}…
              </button>
            </>
          )}
        </div>
      )}
      <ConfirmDialog open={confirming} title={`Anonymiser ${peopleLabel(count)}`} confirmLabel="Anonymiser définitivement" danger busy={busy} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
        <p>
          Nom, prénom, date de naissance, coordonnées, identifiant France Travail, notes et commentaires de {count > 1 ? 'ces personnes' : 'cette personne'} seront effacés
          partout, historique compris. Leurs inscriptions, heures et résultats restent, au nom de « Personne anonymisée ».
        </p>
        {preview && preview.documents > 0 && <p>Leurs {preview.documents} documents PDF seront supprimés du dossier des documents ; le registre garde leur empreinte.</p>}
        <p>
          <strong>C’est définitif</strong> : une sauvegarde antérieure contient encore ces données.
        </p>
      </ConfirmDialog>
    </div>
  )
}
