import type { LogoInBox } from '@/lib/content/logo';
import type { Monogram } from '@/lib/coops/monogram';

/**
 * A co-op's logo, or its monogram when it has none: decorative, as the co-op's name stands beside it. The logo is a
 * plain img, as next/image would send it through the image optimiser (a route run per request, and SVG only by opting
 * in); its width and height keep its space as it loads. The monogram is drawn inline, in the page's own font: no
 * request, no script.
 */
export function CoopMark({
  logo,
  monogram,
  size,
  lazy = false,
}: {
  logo?: LogoInBox;
  monogram: Monogram;
  /** The side of the monogram's square; a logo is fitted into the same box before it comes here. */
  size: number;
  lazy?: boolean;
}) {
  if (logo) {
    const image = (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={logo.src}
        alt=""
        width={logo.width}
        height={logo.height}
        {...(lazy && { loading: 'lazy' })}
        decoding="async"
      />
    );
    // A light logo (white on transparent, as many on the old site were) would vanish on the page: it gets a tile in
    // the ink colour, the darkest in the theme.
    return logo.onDark ? <span className="bg-ink inline-flex shrink-0 rounded-lg p-2">{image}</span> : image;
  }
  const { initials, background, foreground } = monogram;
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" className="shrink-0">
      <rect width="64" height="64" rx="12" fill={background} />
      <text
        x="32"
        y="32"
        dy="0.35em"
        textAnchor="middle"
        fill={foreground}
        fontSize={initials.length > 2 ? 22 : 28}
        fontWeight="700"
      >
        {initials}
      </text>
    </svg>
  );
}
