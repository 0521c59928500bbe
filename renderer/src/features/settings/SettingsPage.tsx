import type { Organisation } from '@shared/api/areas/organisation'
import { useAppState } from '../../app/AppStateContext'
import { useQuery } from '../../hooks/useQuery'
import { PrivacyCard } from '../privacy/PrivacyCard'
import { AboutCard } from './AboutCard'
import { BackupCard } from './BackupCard'
import { DocumentsFolderCard } from './DocumentsFolderCard'
import { InvoiceSettingsCard } from './InvoiceSettingsCard'
import { LogoCard } from './LogoCard'
import { OrganisationForm } from './OrganisationForm'

const NO_INPUT = {}

export function SettingsPage() {
  const { refresh } = useAppState()
  const { data: organisation, error, setData } = useQuery('organisation:get', NO_INPUT)
  const setOrganisation = (o: Organisation): void => setData(() => o)

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
      {/* The side cards ask their own settings at once, beside the organisation (not after it). */}
      <div className="split-columns settings-columns">
        {organisation ? <OrganisationForm organisation={organisation} onSaved={onSaved} /> : !error ? <p className="muted">Chargement de la fiche de l’organisme…</p> : <div />}
        <div className="settings-side">
          {organisation && <LogoCard logoDataUrl={organisation.logoDataUrl} onChanged={setOrganisation} />}
          <InvoiceSettingsCard />
          <DocumentsFolderCard />
          <BackupCard />
          <PrivacyCard />
          <AboutCard />
        </div>
      </div>
    </div>
  )
}
