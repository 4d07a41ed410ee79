import { slugPreviewCards } from '@/components/opengraph-image';
import { directory } from '@/lib/coops';

const cards = slugPreviewCards(
  () => directory.coops.map((coop) => coop.slug),
  (slug) => directory.getCoop(slug)?.name,
  (slug) => directory.getCoop(slug)?.logo,
);

export const contentType = 'image/png';
export const generateStaticParams = cards.generateStaticParams;
export const generateImageMetadata = cards.generateImageMetadata;
export default cards.Image;
