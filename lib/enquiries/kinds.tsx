import 'server-only';
import { BriefForm } from '@/components/brief-form';
import { EnquiryForm } from '@/components/enquiry-form';
import { serviceSlugs } from '@/lib/members/services';
import { briefForm } from './brief-form';
import { validateBrief, type Brief } from './brief-schema';
import type { EnquiryEndpoint } from './handler';
import { joinForm } from './join-form';
import { validateEnquiry, type Enquiry } from './schema';
import { createBrief, createEnquiry } from './store';

/** A co-op asking to join: `POST /api/join`. */
export const joinEnquiries: EnquiryEndpoint<Enquiry> = {
  form: joinForm,
  thanksPath: '/join/thanks',
  rateLimit: { scope: 'join', variable: 'JOIN_RATE_LIMIT' },
  validate: (values) => {
    const result = validateEnquiry(values);
    return result.ok ? { ok: true, value: result.enquiry } : result;
  },
  store: createEnquiry,
  render: (state) => <EnquiryForm form={joinForm} state={state} />,
};

/** A client's brief for work: `POST /api/briefs`. */
export const briefs: EnquiryEndpoint<Brief> = {
  form: briefForm,
  thanksPath: '/hire/thanks',
  rateLimit: { scope: 'briefs', variable: 'BRIEF_RATE_LIMIT' },
  validate: (values) => {
    const result = validateBrief(values, serviceSlugs);
    return result.ok ? { ok: true, value: result.brief } : result;
  },
  store: createBrief,
  render: (state) => <BriefForm state={state} />,
};
