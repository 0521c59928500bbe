import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNEL } from '@shared/api/channel'
import { fail } from '@shared/api/result'
import type { Dispatch } from '../api/dispatch'
import { isAppUrl } from '../security/appUrl'

/** Every call goes through the dispatcher; calls from any frame other than our own page are refused. */
export function registerIpc(dispatch: Dispatch, rendererUrl: string | undefined): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, op: unknown, input: unknown, requestKey: unknown) => {
    const frameUrl = event.senderFrame?.url
    if (!frameUrl || !isAppUrl(frameUrl, rendererUrl)) return fail('forbidden', 'Appel refusé : origine inconnue.')
    // The window that calls: its clerk is its own (see Dispatch). The write's idempotency key is
    // checked by the dispatcher (a malformed one is refused in French).
    return dispatch(String(op), input, `fenetre-${event.sender.id}`, requestKey ?? undefined)
  })
}
