import { briefKind } from '@/lib/enquiry-kinds';
import type { FormState } from '@/lib/enquiry-kinds/form';
import { formOf } from '@/lib/enquiry-kinds/kind';
import { hireServices } from '@/lib/members/services';
import { EnquiryForm } from './enquiry-form';

const choices = { services: hireServices.map(({ slug, name }) => ({ value: slug, label: name })) };

/** The brief form with the directory's services to choose from; `service` starts ticked (a service page's link). */
export function BriefForm({ state, service }: { state?: FormState; service?: string }) {
  return (
    <EnquiryForm
      form={formOf(briefKind)}
      state={state}
      choices={choices}
      initial={service ? { services: [service] } : {}}
    />
  );
}
