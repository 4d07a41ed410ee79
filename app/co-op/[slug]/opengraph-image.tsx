import { cardServices } from '@/components/members/coop-list';
import { slugPreviewCards } from '@/components/opengraph-image';
import { readLogo } from '@/lib/content/logo';
import { directory } from '@/lib/coops';
import { townOf } from '@/lib/coops/directory';
import { monogramOf } from '@/lib/coops/monogram';

const cards = slugPreviewCards(
  () => directory.coops.map((coop) => coop.slug),
  (slug) => directory.getCoop(slug)?.name,
  (slug) => {
    const coop = directory.getCoop(slug);
    if (!coop) return {};
    const town = townOf(coop)?.name;
    const services = directory
      .servicesOf(coop)
      .slice(0, cardServices)
      .map((service) => service.name);
    return {
      picture: coop.logo
        ? { logo: readLogo(coop.logo), onDark: coop.logoOnDark ?? false }
        : { monogram: monogramOf(coop) },
      details: [town, ...services].filter(Boolean).join(' · ') || undefined,
    };
  },
);

export const contentType = 'image/png';
export const generateStaticParams = cards.generateStaticParams;
export const generateImageMetadata = cards.generateImageMetadata;
export default cards.Image;
