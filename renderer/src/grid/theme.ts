import { iconSetQuartzLight, themeQuartz } from 'ag-grid-community'

/** Same tokens as styles/tokens.css: the grid must look like the rest of the app. */
export const gridTheme = themeQuartz.withPart(iconSetQuartzLight).withParams({
  accentColor: '#0b5c7a',
  foregroundColor: '#1f2933',
  textColor: '#1f2933',
  subtleTextColor: '#5b6773',
  backgroundColor: '#ffffff',
  borderColor: '#dde2e8',
  fontFamily: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'Noto Sans', 'Liberation Sans', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12.5,
  headerFontWeight: 600,
  headerTextColor: '#3d4852',
  headerBackgroundColor: '#f4f6f8',
  headerHeight: 36,
  rowHeight: 32,
  spacing: 6,
  borderRadius: 4,
  wrapperBorderRadius: 6,
  rowHoverColor: '#f1f6f9',
  selectedRowBackgroundColor: '#e2eff5',
  oddRowBackgroundColor: '#fbfcfd',
  cellHorizontalPaddingScale: 0.9,
  browserColorScheme: 'light',
  invalidColor: '#b42318'
})
