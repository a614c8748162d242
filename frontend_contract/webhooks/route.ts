// Next.js (App Router) route handler that receives the CMS's webhooks, e.g. at
// app/api/cms-webhook/route.ts. It verifies the Standard Webhooks signature with the
// `standardwebhooks` package (npm install standardwebhooks), then revalidates what changed.
// Set CMS_WEBHOOK_SECRET to the secret `manage.py webhooks add` printed (whsec_...).
//
// The payload's shape is schema.json beside this file; samples/ has one of each event.
import { revalidatePath, revalidateTag } from "next/cache";
import { Webhook } from "standardwebhooks";

export type WebhookEventType =
  | "page.published"
  | "page.unpublished"
  | "page.deleted"
  | "page.moved"
  | "snippet.published"
  | "snippet.unpublished"
  | "snippet.deleted"
  | "redirect.changed";

export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: {
    object: {
      type: "page" | "snippet" | "redirect";
      model: string;
      id: number | string;
      title: string;
      path?: string | null;
      old_path?: string | null;
      target?: string | null;
    };
    /** Public paths to revalidate (old and new ones after a move). */
    paths: string[];
    /** Cache tags to revalidate: the names the API's Cache-Tag header uses. */
    tags: string[];
    /** Set when the change touched more than a payload carries: paths are the first ones only. */
    truncated?: true;
  };
}

export async function POST(request: Request): Promise<Response> {
  const secret = process.env.CMS_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: "CMS_WEBHOOK_SECRET is not set" }, { status: 500 });
  // Verify the raw body: parsing and re-serialising it would change the bytes that were signed.
  const body = await request.text();
  let payload: WebhookPayload;
  try {
    payload = new Webhook(secret).verify(body, {
      "webhook-id": request.headers.get("webhook-id") ?? "",
      "webhook-timestamp": request.headers.get("webhook-timestamp") ?? "",
      "webhook-signature": request.headers.get("webhook-signature") ?? "",
    }) as WebhookPayload;
  } catch (error) {
    // A bad or missing signature, or a timestamp more than 5 minutes away (replay).
    const reason = error instanceof Error ? error.message : "invalid";
    return Response.json({ error: `signature refused: ${reason}` }, { status: 401 });
  }

  // Revalidating twice is harmless, so a retry (same webhook-id) needs no bookkeeping here;
  // a receiver with side effects should remember webhook-id and skip one it has seen.
  for (const tag of payload.data.tags) revalidateTag(tag);
  for (const path of payload.data.paths) revalidatePath(path);
  // Too many paths to list (an FAQ entry on every guide, a large move): revalidate them all.
  if (payload.data.truncated) revalidatePath("/", "layout");

  // Any 2xx is success. A 410 tells the CMS to stop sending to this endpoint.
  return Response.json({ revalidated: { tags: payload.data.tags, paths: payload.data.paths } });
}
