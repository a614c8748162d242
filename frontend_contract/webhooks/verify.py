"""Verify a webhook from the role guide CMS (Standard Webhooks, with its `standardwebhooks`
package: pip install standardwebhooks) and say what to revalidate.

In a Python receiver:

    from verify import verify_webhook
    payload = verify_webhook(request.body, request.headers, os.environ["WEBHOOK_SECRET"])
    if already_seen(request.headers["webhook-id"]):  # the idempotency key, same on retries
        return 200
    for tag in payload["data"]["tags"]: purge_tag(tag)
    for path in payload["data"]["paths"]: purge_path(path)

From a shell (exit status 0 when the signature holds, 1 when it does not):

    python verify.py --secret whsec_... --header webhook-id:msg_... \\
        --header webhook-timestamp:1767... --header webhook-signature:v1,... < body.json
"""

import argparse
import json
import os
import sys

from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


def verify_webhook(body, headers, secret):
    """The payload, once the signature and timestamp (within 5 minutes) are checked; raises
    WebhookVerificationError otherwise. `body` must be the raw bytes, before any parsing."""
    return Webhook(secret).verify(body, dict(headers))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Verify a webhook read from standard input.")
    parser.add_argument("--secret", default=os.environ.get("WEBHOOK_SECRET"))
    parser.add_argument("--header", action="append", default=[], help="name:value")
    args = parser.parse_args(argv)
    if not args.secret:
        parser.error("give --secret or set WEBHOOK_SECRET")
    headers = dict(header.split(":", 1) for header in args.header)
    body = sys.stdin.buffer.read()
    try:
        payload = verify_webhook(body, headers, args.secret)
    except WebhookVerificationError as error:
        print(f"Refused: {error} (bad signature, or an old or missing header)", file=sys.stderr)
        return 1
    data = payload["data"]
    print(json.dumps({"type": payload["type"], "paths": data["paths"], "tags": data["tags"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
