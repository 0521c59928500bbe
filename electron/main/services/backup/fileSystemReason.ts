/** The system's or SQLite's reason for a failed file operation, in the clerk's words where it is a common one. */
export function fileSystemReason(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : ''
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
      return 'accès refusé'
    case 'EROFS':
      return 'support en lecture seule'
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return 'disque plein'
    case 'ENOTDIR':
      return 'un élément du chemin est un fichier'
    case 'ENOENT':
      return 'lecteur ou dossier introuvable'
    case 'EISDIR':
      return 'c’est un dossier'
    default:
      if (code) return `erreur ${code}`
      return e instanceof Error && /directory does not exist/.test(e.message) ? 'lecteur ou dossier introuvable' : 'erreur inconnue'
  }
}
