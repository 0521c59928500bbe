import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { formatCount } from '../../grid/cellValues'
import { useLheoImport } from '../lheo/useLheoImport'
import { FormError } from '../../components/FormError'

/** Shown while the base has no trainee and no training: the quickest way to see the app working. */
export function DemoCard({ onLoaded }: { onLoaded: () => void }) {
  const api = useApi()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const navigate = useNavigate()
  // A real organisation starts from its CARIF-OREF offer: the same import as the Formations
  // screen (preview, then apply); once imported, the catalogue it filled is shown.
  const lheo = useLheoImport(() => navigate('/formations'))

  async function load(): Promise<void> {
    setBusy(true)
    setError(null)
    const r = await api.call('demo:generate', {})
    setBusy(false)
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    const s = r.value
    toast.show(
      'success',
      `Données de démonstration chargées : ${formatCount(s.trainings)} formations, ${formatCount(s.sessions)} sessions, ${formatCount(s.trainees)} stagiaires, ${formatCount(s.enrolments)} inscriptions.`
    )
    onLoaded()
  }

  return (
    <section className="hero-card" aria-labelledby="empty-title" data-testid="empty-db-card">
      <div className="hero-card__icon" aria-hidden="true">
        <Icon name="database" size={26} />
      </div>
      <div className="hero-card__body">
        <h2 id="empty-title" className="hero-card__title">
          Base vide
        </h2>
        <p className="hero-card__text">
          Aucune formation ni aucun stagiaire pour l’instant. Chargez un jeu de données de démonstration (formations, sessions,
          réunions d’information, stagiaires fictifs, inscriptions et assiduité) pour découvrir Passerelle, ou commencez directement
          par vos propres données : l’offre de formation exportée par le CARIF-OREF (fichier LHEO .xml), vos stagiaires, votre organisme.
        </p>
        <FormError message={error} />
        <div className="hero-card__actions">
          <button type="button" className="button button--primary button--large" onClick={() => void load()} disabled={busy} aria-busy={busy}>
            <Icon name="sparkles" size={16} />
            {busy ? 'Chargement des données…' : 'Charger les données de démonstration'}
          </button>
          <button type="button" className="button button--large" onClick={lheo.choose} disabled={busy} data-testid="empty-db-lheo">
            <Icon name="upload" size={16} />
            Importer un catalogue LHEO
          </button>
          <Link to="/stagiaires" className="button button--large">
            Saisir un premier stagiaire
          </Link>
          <Link to="/parametres" className="button button--ghost button--large">
            Renseigner l’organisme
          </Link>
        </div>
      </div>
      {lheo.elements}
    </section>
  )
}
