import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it, vi } from 'vitest'

/*
 * The release-grade Electron shell, checked on the real configuration and sources (there is no
 * Electron binary on the build machines): the custom protocol, fuses, no developer tools or
 * default menu in production, an allow-list for external links, an exact app URL check, signing
 * and notarisation from the environment, no update channel (justified), a per-machine install.
 */

vi.mock('electron', () => ({ net: {}, protocol: {}, Menu: {} }))
const { APP_ENTRY_URL, APP_ORIGIN, appFilePath } = await import('../../../electron/main/security/appProtocol')
const { isAppUrl } = await import('../../../electron/main/security/appUrl')
const { isAllowedExternal } = await import('../../../electron/main/security/externalLinks')
const { productionMenuTemplate } = await import('../../../electron/main/security/productionMenu')

const ROOT = resolve(__dirname, '../../..')
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8')
type BuilderConfig = {
  electronFuses?: Record<string, boolean>
  publish?: unknown
  nsis?: { perMachine?: boolean }
  mac?: { hardenedRuntime?: boolean; notarize?: boolean; entitlements?: string }
  win?: { signtoolOptions?: { signingHashAlgorithms?: string[] } }
}
const builder = load(read('electron-builder.yml')) as BuilderConfig

describe('the renderer is served from app://passerelle, not file://', () => {
  it('the window loads the app scheme, registered as privileged before ready', () => {
    const main = read('electron/main/index.ts')
    expect(main).toContain('mainWindow.loadURL(APP_ENTRY_URL)')
    expect(main).not.toContain('loadFile(')
    expect(main.indexOf('registerAppScheme()')).toBeLessThan(main.indexOf('app.whenReady()'))
    expect(APP_ENTRY_URL).toBe('app://passerelle/index.html')
  })

  it('answers only files inside the renderer folder', () => {
    const dir = '/opt/passerelle/out/renderer'
    expect(appFilePath(dir, `${APP_ORIGIN}/index.html`)).toBe(`${dir}/index.html`)
    expect(appFilePath(dir, `${APP_ORIGIN}/`)).toBe(`${dir}/index.html`)
    expect(appFilePath(dir, `${APP_ORIGIN}/assets/index-abc.js`)).toBe(`${dir}/assets/index-abc.js`)
    // Dot segments are resolved by the URL parser: they stay inside the folder.
    for (const tricky of [`${APP_ORIGIN}/../../etc/passwd`, `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, `${APP_ORIGIN}/a/..%2f..%2f..%2fetc/passwd`]) {
      const file = appFilePath(dir, tricky)
      expect(file === null || file.startsWith(`${dir}/`), tricky).toBe(true)
    }
    for (const bad of [`${APP_ORIGIN}/a%00b`, `${APP_ORIGIN}/%E0%A4%A`, 'app://other/index.html', 'file:///etc/passwd', 'nonsense']) {
      expect(appFilePath(dir, bad), bad).toBeNull()
    }
  })

  it('isAppUrl is exact', () => {
    expect(isAppUrl('app://passerelle/index.html#/stagiaires')).toBe(true)
    for (const bad of ['app://passerelle.evil/index.html', 'app://evil/index.html', 'file:///x/renderer/index.html', 'https://passerelle/index.html', 'app://user@passerelle/index.html', 'nonsense']) {
      expect(isAppUrl(bad), bad).toBe(false)
    }
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost.evil.com:5173/', 'http://localhost:5173')).toBe(false)
  })
})

describe('no developer tools nor default menu in production', () => {
  it('devTools follow app.isPackaged and the packaged app sets its own menu', () => {
    const main = read('electron/main/index.ts')
    expect(main).toContain('devTools: !app.isPackaged')
    expect(main).toContain('if (app.isPackaged) Menu.setApplicationMenu(productionMenu())')
  })

  it('the production menu has no reload nor developer tools', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const roles = JSON.stringify(productionMenuTemplate(platform))
      expect(roles).toContain('"role":"copy"')
      expect(roles).not.toMatch(/toggleDevTools|forceReload|"reload"/)
    }
  })
})

describe('external links', () => {
  it('open only https pages of the allowed public services', () => {
    expect(isAllowedExternal('https://www.intercariforef.org/formations/x.html')).toBe(true)
    expect(isAllowedExternal('https://www.francetravail.fr/')).toBe(true)
    for (const bad of ['http://www.francetravail.fr/', 'https://francetravail.fr.evil.com/', 'https://evil.com/?francetravail.fr', 'https://user@francetravail.fr/', 'https://francetravail.fr:8443/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(isAllowedExternal(bad), bad).toBe(false)
    }
    expect(read('electron/main/security/hardenSession.ts')).toContain('if (isAllowedExternal(url)) void shell.openExternal')
  })
})

describe('packaging (electron-builder.yml)', () => {
  it('flips the fuses', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('signs and notarises from the environment, with nothing secret in the file', () => {
    expect(builder.mac?.hardenedRuntime).toBe(true)
    expect(builder.mac?.notarize).toBe(true)
    expect(read(builder.mac?.entitlements ?? 'missing')).toContain('com.apple.security.cs.allow-jit')
    expect(builder.win?.signtoolOptions?.signingHashAlgorithms).toEqual(['sha256'])
    expect(read('electron-builder.yml')).not.toMatch(/password\s*:|certificateFile\s*:/i)
    expect(read('README.md')).toMatch(/CSC_LINK/)
  })

  it('has no update channel (justified in the README) and installs per machine', () => {
    expect(builder.publish).toBeNull()
    expect(read('README.md')).toMatch(/Mises à jour/)
    expect(builder.nsis?.perMachine).toBe(true)
  })
})
