// Component tests run outside SvelteKit: a stand-in for $app/state with a bare address.
export const page = { url: new URL('http://localhost/'), state: {}, data: {} };
