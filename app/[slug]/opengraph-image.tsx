import { slugPreviewCards } from '@/components/opengraph-image';
import { getPage, pages } from '@/lib/content';

const cards = slugPreviewCards(
  () => pages.map((page) => page.slug),
  (slug) => getPage(slug)?.displayHeading,
);

export const contentType = 'image/png';
export const generateStaticParams = cards.generateStaticParams;
export const generateImageMetadata = cards.generateImageMetadata;
export default cards.Image;
