import { useEffect, useState } from 'react'
import { useApi } from './ApiContext'
import type { Connection } from './readBack'

const TEXT: Record<Exclude<Connection, 'ok'>, string> = {
  lost: 'Connexion perdue, nouvelle tentative… La dernière opération sera vérifiée dès que Passerelle répondra.',
  down: 'Passerelle ne répond plus : relancez-la puis rechargez la page pour vérifier la dernière opération.'
}

/** Shown over every screen while a lost answer is being read back (readBack.ts). */
export function ConnectionBanner() {
  const api = useApi()
  const [state, setState] = useState<Connection>('ok')
  useEffect(() => api.onConnection?.(setState), [api])
  if (state === 'ok') return null
  return (
    <div
      className={`notice ${state === 'lost' ? 'notice--warning' : 'notice--danger'}`}
      role="alert"
      data-testid="connection-banner"
      style={{ position: 'fixed', top: 8, left: '50%', transform: 'translateX(-50%)', zIndex: 1000, maxWidth: '90vw' }}
    >
      {TEXT[state]}
    </div>
  )
}
