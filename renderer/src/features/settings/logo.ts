import { LOGO_MAX_BYTES, LOGO_MIME_TYPES, type LogoMime } from '@shared/domain/organisation'

export function isLogoMime(type: string): type is LogoMime {
  return (LOGO_MIME_TYPES as readonly string[]).includes(type)
}

/** Checked before reading the file, with the same limits as the server. */
export function checkLogoFile(file: { type: string; size: number }): string | null {
  if (!isLogoMime(file.type)) return 'Le logo doit être une image PNG ou JPEG.'
  if (file.size > LOGO_MAX_BYTES) return `Le logo ne doit pas dépasser 1 Mo (ce fichier fait ${(file.size / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo).`
  if (file.size === 0) return 'Ce fichier est vide.'
  return null
}

/** FileReader gives "data:image/png;base64,AAAA": the API wants the part after the comma. */
export function dataUrlToBase64(dataUrl: string): string {
  const comma = dataUrl.indexOf(',')
  return comma >= 0 ? dataUrl.slice(comma + 1) : ''
}

export function readFileAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(new Error('Lecture du fichier impossible.'))
    reader.readAsDataURL(file)
  })
}
