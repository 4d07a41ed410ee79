import 'server-only';
import { directory } from './index';

/** The services a client can ask for: every service of the directory (content/services/), by name. */
export const hireServices = directory.services.map(({ slug, name }) => ({ slug, name }));

export const serviceSlugs: readonly string[] = hireServices.map((service) => service.slug);
