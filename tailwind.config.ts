import type { Config } from 'tailwindcss';
// Relative, not '@/lib/theme': Tailwind loads this config itself, without the app's path aliases.
import { colors, proseWidth } from './lib/theme';

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors,
      fontFamily: {
        sans: ['var(--font-inter)', 'system-ui', 'sans-serif'],
      },
      maxWidth: {
        prose: proseWidth,
      },
    },
  },
};

export default config;
