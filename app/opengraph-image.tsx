import { ogImageSize, renderOgImage } from '@/components/opengraph-image';
import { site } from '@/lib/site';

export const alt = `${site.name} – a network of UK tech worker co-operatives`;
export const size = ogImageSize;
export const contentType = 'image/png';

export default function Image() {
  return renderOgImage(site.name);
}
