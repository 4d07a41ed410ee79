import { briefKind } from '@/lib/enquiry-kinds';
import type { FormState } from '@/lib/enquiry-kinds/form';
import { formOf } from '@/lib/enquiry-kinds/kind';
import { hireCoops } from '@/lib/coops/hire-coops';
import { hireServices } from '@/lib/coops/services';
import { EnquiryForm } from './enquiry-form';

const options = (entries: readonly { slug: string; name: string }[]) =>
  entries.map(({ slug, name }) => ({ value: slug, label: name }));

/** The directory's services to tick, and its member co-ops to name one of. */
const choices = { services: options(hireServices), coop: options(hireCoops) };

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
