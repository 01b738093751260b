#!/usr/bin/env python3
"""Verifies an ES256 JWT with joserfc (an independent JOSE implementation over pyca/cryptography).

Reads one JSON object from stdin: {"token": "<compact JWT>", "jwk": {<public EC JWK>}}.
Prints {"ok": true, "claims": {...}, "header": {...}} when joserfc accepts it, else {"ok": false, "error": "..."}.
Used by the Swift tests (JWTSignerTests, augmenter tests) to show that tokens we sign verify elsewhere.
"""
import json
import sys

from joserfc import jwt
from joserfc.jwk import ECKey


def main() -> int:
    request = json.load(sys.stdin)
    key = ECKey.import_key(request["jwk"])
    try:
        token = jwt.decode(request["token"], key, algorithms=["ES256"])
    except Exception as error:  # report every failure as data, the Swift test asserts on it
        json.dump({"ok": False, "error": f"{type(error).__name__}: {error}"}, sys.stdout)
        return 0
    json.dump({"ok": True, "header": token.header, "claims": token.claims}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
