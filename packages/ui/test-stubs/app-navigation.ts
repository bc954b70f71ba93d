// Component tests run outside SvelteKit: a stand-in for $app/navigation that navigates nowhere.
export async function goto(): Promise<void> {}
