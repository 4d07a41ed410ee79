import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from 'next/navigation';
import { ImageResponse } from 'next/og';
import { fitLogo, logoDataUrl, readLogo, type LogoImage } from '@/lib/content/logo';
import { site } from '@/lib/site';
import { colors } from '@/lib/theme';

export const ogImageSize = { width: 1200, height: 630 };

// satori reads WOFF or TTF, not WOFF2; the font ships in an npm package so nothing is fetched.
const fontFile = (weight: 400 | 700) =>
  readFile(join(process.cwd(), `node_modules/@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
// Read once per process, not once per image: the build renders a card for every page.
let fonts: Promise<[Buffer, Buffer]> | undefined;

/** The box a logo is fitted into on a card, beside the heading. */
const logoBox = { width: 240, height: 240 };

/**
 * The one renderer behind every page's link-preview image: the page heading and the network's name, and a logo (a
 * co-op's) beside the heading when there is one.
 */
export async function renderOgImage(heading: string, logo?: LogoImage): Promise<ImageResponse> {
  fonts ??= Promise.all([fontFile(400), fontFile(700)]);
  const [regular, bold] = await fonts;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 80,
        background: colors.paper,
        borderTop: `24px solid ${colors.brand.DEFAULT}`,
        fontFamily: 'Inter',
        color: colors.ink,
      }}
    >
      <div style={{ fontSize: 36, fontWeight: 700, color: colors.brand.dark }}>{site.shortName}</div>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 48 }}>
        <div style={{ fontSize: heading.length > 40 ? 64 : 84, fontWeight: 700, lineHeight: 1.1 }}>{heading}</div>
        {logo && (
          // satori draws it from a data URL, so nothing is fetched; the card's alt text names the page.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logoDataUrl(logo)} alt="" {...fitLogo(logo, logoBox)} />
        )}
      </div>
      <div style={{ fontSize: 32 }}>{site.name}</div>
    </div>,
    {
      ...ogImageSize,
      fonts: [
        { name: 'Inter', data: regular, weight: 400, style: 'normal' },
        { name: 'Inter', data: bold, weight: 700, style: 'normal' },
      ],
    },
  );
}

/**
 * The `opengraph-image.tsx` exports for a dynamic `[slug]` route: one preview card per slug, whose heading (and
 * alt text) `headingOf` gives, with the logo at the site path `logoOf` gives if any; an unknown slug is a 404.
 */
export function slugPreviewCards(
  slugs: () => readonly string[],
  headingOf: (slug: string) => string | undefined,
  logoOf: (slug: string) => string | undefined = () => undefined,
) {
  return {
    generateStaticParams: () => slugs().map((slug) => ({ slug })),
    generateImageMetadata: ({ params }: { params: { slug: string } }) => [
      {
        id: 'card',
        size: ogImageSize,
        contentType: 'image/png',
        alt: `${headingOf(params.slug) ?? site.name} – ${site.name}`,
      },
    ],
    Image: async ({ params }: { params: Promise<{ slug: string }> }) => {
      const { slug } = await params;
      const heading = headingOf(slug);
      if (!heading) notFound();
      const logo = logoOf(slug);
      return renderOgImage(heading, logo === undefined ? undefined : readLogo(logo));
    },
  };
}
