#!/usr/bin/env python3
"""Verifies ES256 signatures made by swift-jwt-claims with pyca/cryptography (an independent implementation).

Input (JSON file named by the first argument):
  {"publicKeySpkiPem": "...", "signatures": [{"messageHex": "...", "signatureHex": "<64-byte raw R||S>"}]}
Output: one line "ok N" when every signature verifies, or "fail <index>" lines; exit status 0 only if all verify.
"""
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def main() -> int:
    document = json.loads(open(sys.argv[1]).read())
    key = serialization.load_pem_public_key(document["publicKeySpkiPem"].encode())
    failures = 0
    for index, item in enumerate(document["signatures"]):
        raw = bytes.fromhex(item["signatureHex"])
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        try:
            if len(raw) != 64:
                raise InvalidSignature()
            key.verify(der, bytes.fromhex(item["messageHex"]), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            failures += 1
            print(f"fail {index}")
    if failures == 0:
        print(f"ok {len(document['signatures'])}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
