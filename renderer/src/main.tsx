import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HashRouter } from 'react-router-dom'
import { ApiProvider } from './api/ApiContext'
import { ConnectionBanner } from './api/ConnectionBanner'
import { createApiClient } from './api/client'
import { App } from './App'
import { AppStateProvider } from './app/AppStateContext'
import { ToastProvider } from './components/Toasts'
import { registerGridModules } from './grid/modules'
import './styles/index.css'

registerGridModules()

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

// Hash routing: the packaged app is loaded from a file or a custom protocol, where history URLs break.
createRoot(root).render(
  <StrictMode>
    <ApiProvider client={createApiClient()}>
      <ConnectionBanner />
      <ToastProvider>
        <HashRouter>
          <AppStateProvider>
            <App />
          </AppStateProvider>
        </HashRouter>
      </ToastProvider>
    </ApiProvider>
  </StrictMode>
)
