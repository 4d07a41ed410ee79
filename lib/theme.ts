/**
 * The site's look, in one place: Tailwind's theme (tailwind.config.ts), the link-preview cards
 * (components/opengraph-image.tsx), the icon, the browser's theme colour and the one page built outside the app's
 * stylesheet (the join form's answer without JavaScript) all read these. Colours are chosen for WCAG AA contrast on
 * the paper background. Plain values, no imports: Tailwind loads this file through its config.
 */
export const colors = {
  paper: '#fbfaf7',
  ink: '#1c1b19',
  muted: '#55524c',
  brand: { DEFAULT: '#b3261e', dark: '#8c1d17', light: '#fbe9e7' },
  line: '#dcd8cf',
  white: '#ffffff',
} as const;

/** The width of a column of text. */
export const proseWidth = '42rem';
