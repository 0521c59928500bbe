import type { AppState } from '@shared/api/areas/app'
import { ClerkPicker } from './ClerkPicker'

/** First start (or no current clerk): nobody can change data before saying who they are. */
export function WelcomeScreen({ state, onSelected }: { state: AppState; onSelected: () => void }) {
  return (
    <main className="welcome">
      <section className="welcome__card" aria-labelledby="welcome-title">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">Passerelle</span>
        </div>
        <h1 id="welcome-title" className="welcome__title">
          Qui utilise Passerelle ?
        </h1>
        <p className="welcome__text">
          Chaque saisie (stagiaire, inscription, assiduité…) est enregistrée dans le journal au nom de la personne qui la fait.
          Indiquez qui vous êtes pour commencer.
        </p>
        <ClerkPicker clerks={state.clerks} current={null} onSelected={onSelected} autoFocusName />
        {state.organisationName && <p className="welcome__org">{state.organisationName}</p>}
      </section>
    </main>
  )
}
