import { ogImageSize, renderOgImage } from '@/components/opengraph-image';
import { site } from '@/lib/site';

export const alt = `Services – ${site.name}`;
export const size = ogImageSize;
export const contentType = 'image/png';

export default function Image() {
  return renderOgImage('Services');
}
