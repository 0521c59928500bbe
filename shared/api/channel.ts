// The only names the preload knows: it must stay a single sandboxed file without zod.
export const INVOKE_CHANNEL = 'passerelle:invoke'
export const HTTP_INVOKE_PATH = '/api/invoke'
/** A custom header forces a CORS preflight, which the host never grants: other sites cannot call it. */
export const HTTP_CLIENT_HEADER = 'x-passerelle-client'
/** The browser host's per-launch key: in the printed address (`?cle=`), then a cookie, or this header. */
export const HTTP_KEY_PARAM = 'cle'
export const HTTP_KEY_HEADER = 'x-passerelle-cle'
/** Operations that carry a file (base64 in the body) may send larger bodies; every other call is small. */
export const HTTP_BODY_LIMITS: Readonly<Record<string, number>> = {
  'lheo:preview': 300 * 1024 * 1024,
  'traineeImport:preview': 40 * 1024 * 1024,
  'traineeImport:apply': 40 * 1024 * 1024,
  'organisation:setLogo': 8 * 1024 * 1024,
  'documents:verify': 60 * 1024 * 1024
}
/** Attendance pastes of 15,000 cells and the like stay well under this. */
export const HTTP_DEFAULT_BODY_LIMIT = 16 * 1024 * 1024
/** The calling page's own id (drawn at each load): the clerk belongs to the window, not to the database. */
export const HTTP_WINDOW_HEADER = 'x-passerelle-fenetre'
/**
 * The idempotency key of a write (a UUID drawn by the client per logical write, the same for its
 * retries): a header over HTTP, an extra argument over IPC, never inside the operation's input.
 */
export const HTTP_REQUEST_KEY_HEADER = 'x-passerelle-requete'
export const REQUEST_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
