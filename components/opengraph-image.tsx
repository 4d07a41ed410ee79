import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from 'next/navigation';
import { ImageResponse } from 'next/og';
import { logoBox as siteLogoBox, logoSvg } from '@/lib/brand';
import { fitLogo, logoDataUrl, type LogoImage } from '@/lib/content/logo';
import type { Monogram } from '@/lib/coops/monogram';
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

/** The site's logo at the top of every card: the mark and the wordmark (lib/brand.ts), 64 pixels high. */
const siteLogo = {
  src: `data:image/svg+xml;base64,${Buffer.from(logoSvg()).toString('base64')}`,
  height: 64,
  width: Math.round((siteLogoBox.width * 64) / siteLogoBox.height),
};

/**
 * What stands beside a card's heading: a co-op's logo (on a dark tile when `onDark`: a light logo vanishes on the
 * card's paper), or its monogram when it has none.
 */
export type CardPicture = { logo: LogoImage; onDark?: boolean } | { monogram: Monogram };

function Picture({ picture }: { picture: CardPicture }) {
  if ('logo' in picture) {
    const { logo, onDark } = picture;
    // satori draws it from a data URL, so nothing is fetched; the card's alt text names the page.
    // eslint-disable-next-line @next/next/no-img-element
    const image = <img src={logoDataUrl(logo)} alt="" {...fitLogo(logo, logoBox)} />;
    if (!onDark) return image;
    return (
      <div style={{ display: 'flex', flexShrink: 0, padding: 24, borderRadius: 24, background: colors.ink }}>
        {image}
      </div>
    );
  }
  const { initials, background, foreground } = picture.monogram;
  return (
    <div
      style={{
        ...logoBox,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        flexShrink: 0,
        borderRadius: 45,
        background,
        color: foreground,
        fontSize: initials.length > 2 ? 84 : 108,
        fontWeight: 700,
      }}
    >
      {initials}
    </div>
  );
}

/**
 * The one renderer behind every page's link-preview image: the site's logo, the page heading and the network's name;
 * for a co-op, its logo or monogram beside the heading and a line of details under it (its town and top services).
 */
export async function renderOgImage(
  heading: string,
  { picture, details }: { picture?: CardPicture; details?: string } = {},
): Promise<ImageResponse> {
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
      {/* eslint-disable-next-line @next/next/no-img-element -- satori draws it from a data URL. */}
      <img src={siteLogo.src} alt="" width={siteLogo.width} height={siteLogo.height} />
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 48 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
          <div style={{ fontSize: heading.length > 40 ? 64 : 84, fontWeight: 700, lineHeight: 1.1 }}>{heading}</div>
          {details && <div style={{ fontSize: 36, color: colors.muted }}>{details}</div>}
        </div>
        {picture && <Picture picture={picture} />}
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
 * alt text) `headingOf` gives, with what `extrasOf` gives beside and under it (a co-op's picture and details), read
 * as the card is drawn; an unknown slug is a 404.
 */
export function slugPreviewCards(
  slugs: () => readonly string[],
  headingOf: (slug: string) => string | undefined,
  extrasOf: (slug: string) => { picture?: CardPicture; details?: string } = () => ({}),
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
      return renderOgImage(heading, extrasOf(slug));
    },
  };
}
