import { useEffect, useState } from 'react'
import { useApi } from './ApiContext'
import type { Recovered } from './pendingWrites'
import type { Connection } from './readBack'

const TEXT: Record<Exclude<Connection, 'ok'>, string> = {
  lost: 'Connexion perdue, nouvelle tentative… La dernière opération sera vérifiée dès que Passerelle répondra.',
  down: 'Passerelle ne répond plus : relancez-la puis rechargez la page pour vérifier la dernière opération.'
}

const OUTCOME: Record<Recovered['outcome'], string> = {
  saved: 'a bien été enregistrée',
  refused: 'a été refusée (rien n’a été enregistré)',
  not_applied: 'n’a pas été enregistrée : à refaire'
}

const FIXED = { position: 'fixed', top: 8, left: '50%', transform: 'translateX(-50%)', zIndex: 1000, maxWidth: '90vw' } as const

/**
 * Shown over every screen while a lost answer is being read back (readBack.ts), and once after a
 * restart for the writes the previous load left without an answer (pendingWrites.ts).
 */
export function ConnectionBanner() {
  const api = useApi()
  const [state, setState] = useState<Connection>('ok')
  const [recovered, setRecovered] = useState<Recovered[]>([])
  useEffect(() => api.onConnection?.(setState), [api])
  useEffect(() => {
    let live = true
    void api.recoverPending?.().then((r) => live && setRecovered(r))
    return () => {
      live = false
    }
  }, [api])
  if (state !== 'ok') {
    return (
      <div className={`notice ${state === 'lost' ? 'notice--warning' : 'notice--danger'}`} role="alert" data-testid="connection-banner" style={FIXED}>
        {TEXT[state]}
      </div>
    )
  }
  if (recovered.length === 0) return null
  const bad = recovered.some((r) => r.outcome !== 'saved')
  return (
    <div className={`notice ${bad ? 'notice--warning' : 'notice--info'}`} role="status" data-testid="recovered-writes" style={FIXED}>
      <div>
        {recovered.map((r, i) => (
          <p key={i}>
            Opération interrompue par la coupure{r.label ? ` (${r.label})` : ''} : elle {OUTCOME[r.outcome]}.
          </p>
        ))}
      </div>
      <button type="button" className="icon-button" aria-label="Fermer" onClick={() => setRecovered([])}>
        ×
      </button>
    </div>
  )
}
