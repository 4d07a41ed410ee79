import { briefKind } from './brief';
import { joinKind } from './join';
import type { KindDescription } from './kind';

/** Every kind of enquiry, in the order the admin lists them. A new kind is added here. */
export const enquiryKindList = [joinKind, briefKind] as const;

export type EnquiryKindDescription = (typeof enquiryKindList)[number];
export type EnquiryKind = EnquiryKindDescription['kind'];

export const enquiryKinds = enquiryKindList.map((kind) => kind.kind) as [EnquiryKind, ...EnquiryKind[]];

export function kindOf(kind: string): KindDescription | undefined {
  return enquiryKindList.find((description) => description.kind === kind);
}

export { briefKind, joinKind };
export type { KindDescription };
