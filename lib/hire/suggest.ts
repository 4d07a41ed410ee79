import 'server-only';
import { allCoops, allServices, allTechnologies } from 'contentlayer/generated';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { slugify } from '@/lib/slug';
import { buildMatcher, type Suggestion } from './match';

// Indexed once, from the same directory data the site is built from.
const match = buildMatcher(allCoops, { services: allServices, technologies: allTechnologies });

/**
 * The member co-ops suggested for a stored brief, best first, with their reasons; the co-op the client named, if
 * it is still a member, comes first. The client named technologies in their own words; as slugs they match the
 * directory's (`Ruby on Rails` → `ruby-on-rails`), and others match nothing. A client who says remote is fine is
 * not matched by town.
 */
export function suggestFor(
  brief: Pick<StoredEnquiry, 'services' | 'technologies' | 'location' | 'remote'> &
    Partial<Pick<StoredEnquiry, 'coop'>>,
): Suggestion[] {
  return match({
    services: brief.services ?? [],
    technologies: (brief.technologies ?? []).map(slugify),
    location: brief.remote || !brief.location ? { remote: true } : { town: brief.location },
    ...(brief.coop ? { coop: brief.coop } : {}),
  });
}
