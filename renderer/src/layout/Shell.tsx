import { useEffect, useState, type ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'
import type { AppState } from '@shared/api/areas/app'
import { navShortcut, SCREENS, screenForPath } from '../app/screens'
import { ChangeClerkDialog } from '../features/clerk/ChangeClerkDialog'
import { matchesShortcut, parseShortcut } from '../hooks/shortcuts'
import { Sidebar } from './Sidebar'
import { Topbar } from './Topbar'

const NAV_SHORTCUTS = SCREENS.flatMap((s, i) => {
  const keys = navShortcut(i)
  return keys ? [{ path: s.path, shortcut: parseShortcut(keys) }] : []
})

/** Sidebar + top bar around the current screen; Alt+1…9 and Alt+0 switch screens from anywhere. */
export function Shell({ state, onStateChanged, children }: { state: AppState; onStateChanged: () => void; children: ReactNode }) {
  const location = useLocation()
  const navigate = useNavigate()
  const [changingClerk, setChangingClerk] = useState(false)
  const title = screenForPath(location.pathname)?.title ?? 'Page introuvable'

  useEffect(() => {
    document.title = `${title} — Passerelle`
  }, [title])

  // A file dropped outside a drop zone must not replace the app with the file (Electron and browsers
  // open it by default); screens that accept files handle the drop themselves.
  useEffect(() => {
    const ignore = (e: DragEvent): void => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault()
    }
    window.addEventListener('dragover', ignore)
    window.addEventListener('drop', ignore)
    return () => {
      window.removeEventListener('dragover', ignore)
      window.removeEventListener('drop', ignore)
    }
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (document.querySelector('dialog[open]')) return
      const hit = NAV_SHORTCUTS.find((n) => matchesShortcut(e, n.shortcut))
      if (!hit) return
      e.preventDefault()
      navigate(hit.path)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate])

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content" onClick={(e) => {
        e.preventDefault()
        document.getElementById('main-content')?.focus()
      }}>
        Aller au contenu
      </a>
      <Sidebar version={state.version} />
      <div className="shell__main">
        <Topbar title={title} state={state} onChangeClerk={() => setChangingClerk(true)} />
        <main id="main-content" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <ChangeClerkDialog open={changingClerk} state={state} onClose={() => setChangingClerk(false)} onChanged={onStateChanged} />
    </div>
  )
}
