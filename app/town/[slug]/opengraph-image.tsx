import { slugPreviewCards } from '@/components/opengraph-image';
import { termHeading } from '@/lib/coops/directory';
import { directory } from '@/lib/coops';

const cards = slugPreviewCards(
  () => directory.towns.map((term) => term.slug),
  (slug) => {
    const term = directory.getTown(slug);
    return term && termHeading.town(term);
  },
);

export const contentType = 'image/png';
export const generateStaticParams = cards.generateStaticParams;
export const generateImageMetadata = cards.generateImageMetadata;
export default cards.Image;
