import { useEffect, useState } from 'react'
import type { Organisation } from '../../../../shared/api/areas/organisation'
import { useApi } from '../../api/ApiContext'
import { useAppState } from '../../app/AppStateContext'
import { AboutCard } from './AboutCard'
import { DocumentsFolderCard } from './DocumentsFolderCard'
import { LogoCard } from './LogoCard'
import { OrganisationForm } from './OrganisationForm'

export function SettingsPage() {
  const api = useApi()
  const { refresh } = useAppState()
  const [organisation, setOrganisation] = useState<Organisation | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void api.call('organisation:get', {}).then((r) => {
      if (!live) return
      if (r.ok) setOrganisation(r.value)
      else setError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [api])

  const onSaved = (o: Organisation): void => {
    setOrganisation(o)
    // The organisation's name is shown in the top bar.
    void refresh()
  }

  return (
    <div className="page page--settings">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {organisation ? (
        <div className="settings-columns">
          <OrganisationForm organisation={organisation} onSaved={onSaved} />
          <div className="settings-side">
            <LogoCard logoDataUrl={organisation.logoDataUrl} onChanged={setOrganisation} />
            <DocumentsFolderCard />
            <AboutCard />
          </div>
        </div>
      ) : (
        !error && <p className="muted">Chargement de la fiche de l’organisme…</p>
      )}
    </div>
  )
}
