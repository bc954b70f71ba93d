// A static app: every page is prerendered as a shell and computes in the browser from the bundled scenarios.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
