import type { AppState } from '@shared/api/areas/app'
import { Modal } from '../../components/Modal'
import { useToast } from '../../components/Toasts'
import { ClerkPicker } from './ClerkPicker'

type Props = { open: boolean; state: AppState; onClose: () => void; onChanged: () => void }

export function ChangeClerkDialog({ open, state, onClose, onChanged }: Props) {
  const toast = useToast()
  return (
    <Modal open={open} title="Changer d’utilisateur" onClose={onClose} size="small" testId="change-clerk-dialog">
      {state.clerk && (
        <p className="muted">
          Utilisateur actuel : <strong>{state.clerk.name}</strong>. Les prochaines modifications seront enregistrées au nom choisi ici.
        </p>
      )}
      <ClerkPicker
        clerks={state.clerks}
        current={state.clerk}
        autoFocusName
        onSelected={(clerk) => {
          toast.show('info', `Vous travaillez maintenant sous le nom de ${clerk.name}.`)
          onChanged()
          onClose()
        }}
      />
    </Modal>
  )
}
