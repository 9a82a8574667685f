// Shared by the web component tests (happy-dom).

/** A JSON response as the API sends it, for a stubbed fetch. */
export function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** Mantine's autosize Textarea listens to document.fonts, which happy-dom lacks. */
export function giveDocumentFonts(): void {
  if (!("fonts" in document))
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
}
