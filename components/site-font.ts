import localFont from 'next/font/local';

/**
 * The site's typeface, bundled from @fontsource/inter: a Google Fonts loader would fetch from the network at build
 * time. Its own module so that the root layout and the answers rendered to a string (components/http-error-page.tsx)
 * give <html> the same class, which sets the variable the stylesheet's `font-sans` reads.
 */
export const inter = localFont({
  src: [
    { path: '../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-inter',
  display: 'swap',
});
