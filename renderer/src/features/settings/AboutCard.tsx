import { useLoadedAppState } from '../../app/AppStateContext'

/** Version and database facts, for support calls and backups. */
export function AboutCard() {
  const state = useLoadedAppState()
  const rows: [string, string][] = [
    ['Version de Passerelle', state.version],
    ['Mode', state.host === 'electron' ? 'Application de bureau' : 'Navigateur (serveur local)'],
    ['Base de données', state.dbPath],
    ['Journal de l’application', state.logDir ?? 'aucun (erreurs affichées dans la console)'],
    ['Version du schéma', String(state.schemaVersion)],
    ['Utilisateur actuel', state.clerk?.name ?? '—']
  ]
  return (
    <section className="panel" aria-labelledby="about-title" data-testid="about-card">
      <header className="panel__header">
        <h2 id="about-title" className="panel__title">
          À propos / Base de données
        </h2>
      </header>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd className={label === 'Base de données' || label === 'Journal de l’application' ? 'facts__path' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
