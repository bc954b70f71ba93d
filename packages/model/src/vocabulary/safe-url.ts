// Which source URLs may be shown as links: only http: and https:. A javascript:, data: or file:
// URL from a shared link or an uploaded file is shown as plain text, never followed.

/** The URL itself when it is an absolute http(s) URL, else undefined (so `<a href={…}>` is no link). */
export function safeLinkUrl(url: string | undefined): string | undefined {
	if (typeof url !== 'string' || url.length > 2048) return undefined;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
	} catch {
		return undefined;
	}
}
