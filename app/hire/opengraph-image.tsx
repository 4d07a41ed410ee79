import { ogImageSize, renderOgImage } from '@/components/opengraph-image';
import { requirePage } from '@/lib/content';
import { site } from '@/lib/site';

const page = requirePage('hire');

export const alt = `${page.displayHeading} – ${site.name}`;
export const size = ogImageSize;
export const contentType = 'image/png';

export default function Image() {
  return renderOgImage(page.displayHeading);
}
