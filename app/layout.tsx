import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
import { bodyClassName, SiteFrame } from '@/components/site-frame';
import { siteOpenGraph } from '@/lib/metadata';
import { site } from '@/lib/site';
import { colors } from '@/lib/theme';
import './globals.css';

// Bundled from @fontsource/inter: a Google Fonts loader would fetch from the network at build time. Its class on
// <html> sets the variable the stylesheet's `font-sans` reads; the answers rendered to a string take that class from
// the build (server/next-build.ts), as next/font names its classes for pages only.
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
  openGraph: siteOpenGraph,
};

export const viewport: Viewport = { themeColor: colors.brand.DEFAULT };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language} className={inter.variable}>
      <body className={bodyClassName}>
        <SiteFrame>{children}</SiteFrame>
      </body>
    </html>
  );
}
