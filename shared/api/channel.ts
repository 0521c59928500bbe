// The only names the preload knows: it must stay a single sandboxed file without zod.
export const INVOKE_CHANNEL = 'passerelle:invoke'
export const HTTP_INVOKE_PATH = '/api/invoke'
/** A custom header forces a CORS preflight, which the host never grants: other sites cannot call it. */
export const HTTP_CLIENT_HEADER = 'x-passerelle-client'
