import { slugPreviewCards } from '@/components/opengraph-image';
import { termHeading } from '@/lib/coops/directory';
import { directory } from '@/lib/coops';

const cards = slugPreviewCards(
  () => directory.services.map((term) => term.slug),
  (slug) => {
    const term = directory.getService(slug);
    return term && termHeading.service(term);
  },
);

export const contentType = 'image/png';
export const generateStaticParams = cards.generateStaticParams;
export const generateImageMetadata = cards.generateImageMetadata;
export default cards.Image;
