import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { SkipLink } from '@/components/skip-link';
import { site } from '@/lib/site';
import { colors } from '@/lib/theme';
import './globals.css';

// Bundled from @fontsource/inter: a Google Fonts loader would fetch from the network at build time.
const inter = localFont({
  src: [
    { path: '../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-inter',
  display: 'swap',
});

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.shortName} – ${site.name}`, template: `%s – ${site.shortName}` },
  description: site.description,
  applicationName: site.name,
};

export const viewport: Viewport = { themeColor: colors.brand.DEFAULT };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language} className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <SkipLink />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
