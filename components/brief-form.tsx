import { briefForm } from '@/lib/enquiries/brief-form';
import { hireServices } from '@/lib/members/services';
import { EnquiryForm, type FormState } from './enquiry-form';

const choices = { services: hireServices.map(({ slug, name }) => ({ value: slug, label: name })) };

/** The brief form with the directory's services to choose from; `service` starts ticked (a service page's link). */
export function BriefForm({ state, service }: { state?: FormState; service?: string }) {
  return (
    <EnquiryForm form={briefForm} state={state} choices={choices} initial={service ? { services: [service] } : {}} />
  );
}
