import { logoBox, logoElements } from '@/lib/brand';

/**
 * The network's mark and wordmark (lib/brand.ts), drawn inline: no request of its own, and crisp at any size. The
 * wordmark takes the text colour. Decorative: the link around it names the site in words.
 */
export function SiteLogo({ height = 36 }: { height?: number }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${logoBox.width} ${logoBox.height}`}
      width={Math.round((logoBox.width * height) / logoBox.height)}
      height={height}
      aria-hidden="true"
      // Our own drawing from lib/brand.ts, made of numbers: nothing from content or a visitor goes into it.
      dangerouslySetInnerHTML={{ __html: logoElements('currentColor') }}
    />
  );
}
