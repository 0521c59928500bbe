/**
 * Saves a file answered as base64 (Blob + anchor): exports and documents download this way in the
 * browser host, and in Electron too when the system viewer is not used.
 */
export function downloadBase64(file: { fileName: string; mime: string; base64: string }): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
