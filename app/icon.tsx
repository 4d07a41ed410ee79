import { markSvg } from '@/lib/brand';

// The favicon: the network's mark (lib/brand.ts), as SVG, which browsers draw sharp at any size.
export const contentType = 'image/svg+xml';

export default function Icon() {
  return new Response(markSvg(), { headers: { 'content-type': contentType } });
}
