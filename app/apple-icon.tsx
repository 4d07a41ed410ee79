import { ImageResponse } from 'next/og';
import { markSvg } from '@/lib/brand';

// The icon iOS and iPadOS put on a home screen: the mark as a 180-pixel PNG (they take no SVG), drawn at build
// time from the same shapes as the favicon (satori draws it from a data URL: nothing is fetched). Square: the system
// rounds its corners.
export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  const src = `data:image/svg+xml;base64,${Buffer.from(markSvg({ rounded: false })).toString('base64')}`;
  return new ImageResponse(<img src={src} alt="" width={size.width} height={size.height} />, size);
}
