import { slugPreviewCards } from '@/components/opengraph-image';
import { caseStudies } from '@/lib/work';

const cards = slugPreviewCards(
  () => caseStudies.all.map((caseStudy) => caseStudy.slug),
  (slug) => caseStudies.get(slug)?.project,
);

export const contentType = 'image/png';
export const generateStaticParams = cards.generateStaticParams;
export const generateImageMetadata = cards.generateImageMetadata;
export default cards.Image;
