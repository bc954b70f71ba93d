// A static app: every page is prerendered with the reference view (so its first content appears before the
// JavaScript has loaded), then computes in the browser from the bundled scenarios and the view in the address.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'never';
