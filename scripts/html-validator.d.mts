// Types for html-validator.mjs, which the e2e check and its unit test import.
export type HtmlError = { message: string; line?: number; column?: number; extract?: string };
export const javaMissing: string;
export function validateHtml(documents: Readonly<Record<string, string>>): Promise<Record<string, HtmlError[]>>;
export function formatErrors(errors: Readonly<Record<string, readonly HtmlError[]>>): string[];
