import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { inter } from '@/components/site-font';
import { bodyClassName, SiteFrame } from '@/components/site-frame';
import { siteOpenGraph } from '@/lib/metadata';
import { site } from '@/lib/site';
import { colors } from '@/lib/theme';
import './globals.css';

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
