import type { Config } from 'tailwindcss';

/** Design tokens. Colours are chosen for WCAG AA contrast on the paper background. */
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        paper: '#fbfaf7',
        ink: '#1c1b19',
        muted: '#55524c',
        brand: { DEFAULT: '#b3261e', dark: '#8c1d17', light: '#fbe9e7' },
        line: '#dcd8cf',
      },
      fontFamily: {
        sans: ['var(--font-inter)', 'system-ui', 'sans-serif'],
      },
      maxWidth: {
        prose: '42rem',
      },
    },
  },
};

export default config;
