import 'server-only';
import { allCaseStudies, type CaseStudy } from 'contentlayer/generated';
import { directory } from '@/lib/coops';
import { indexCaseStudies } from './case-studies';

export type { CaseStudy };

/** The case studies of content/work/, indexed once at build time (every page that reads them is prerendered). */
export const caseStudies = indexCaseStudies(allCaseStudies, directory.coops, directory.services);
