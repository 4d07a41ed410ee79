import { colors } from '@/lib/theme';

// The favicon, drawn from the theme's colours: two linked rings on the brand red.
export const contentType = 'image/svg+xml';

export default function Icon() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${colors.brand.DEFAULT}"/><circle cx="11.5" cy="16" r="6.5" fill="none" stroke="${colors.white}" stroke-width="3"/><circle cx="20.5" cy="16" r="6.5" fill="none" stroke="${colors.white}" stroke-width="3"/></svg>`;
  return new Response(svg, { headers: { 'content-type': contentType } });
}
