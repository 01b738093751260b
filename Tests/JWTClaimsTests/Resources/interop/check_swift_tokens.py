#!/usr/bin/env python3
"""Python verifies what Swift signed: every token on stdin, with pyca/cryptography, joserfc and PyJWT.

Input (stdin), JSON:  {"tokens": [{"id": "...", "alg": "ES384", "key": "keys/<file>", "token": "<compact JWS>"}]}
where `key` is a file below this directory in any format `verify_token.py` reads (PEM, DER, JWK, raw secret).
Output (stdout), JSON: {"results": [{"id": ..., "cryptography": "accepted" | "rejected: ...", "joserfc": ...,
"PyJWT": ..., "payload": "<decoded payload text>"}]}. Exit status 0 whatever the verdicts (the caller judges them);
2 on bad input.

pyca/cryptography checks the primitive with the parameters RFC 7518 fixes (raw R||S for ECDSA, MGF1 with the same hash
and a salt as long as the hash for PSS, full-length HMAC tags), so a token that only a lenient library accepts fails
here. Time claims are not checked (the caller's claims may be in the past).
"""

import base64
import json
import os
import sys
import warnings

import jwt as pyjwt
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from joserfc import jws
from joserfc.jwk import ECKey, OctKey, OKPKey, RSAKey

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from verify_token import load_key  # noqa: E402  (same folder; reads every key format)

HASHES = {"256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512}


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_primitive(alg, key, signing_input, signature):
    """Raises unless `signature` is a valid RFC 7518 signature of `signing_input` under `key` for `alg`."""
    if alg == "EdDSA":
        key.verify(signature, signing_input)
        return
    digest = HASHES[alg[2:]]()
    if alg.startswith("HS"):
        if len(signature) != digest.digest_size:
            raise InvalidSignature("tag length")
        mac = hmac.HMAC(key, digest)
        mac.update(signing_input)
        mac.verify(signature)
    elif alg.startswith("ES"):
        size = (key.curve.key_size + 7) // 8
        expected_curve = {"ES256": "secp256r1", "ES384": "secp384r1", "ES512": "secp521r1"}[alg]
        if key.curve.name != expected_curve or len(signature) != 2 * size:
            raise InvalidSignature("curve or signature length")
        r = int.from_bytes(signature[:size], "big")
        s = int.from_bytes(signature[size:], "big")
        key.verify(encode_dss_signature(r, s), signing_input, ec.ECDSA(digest))
    elif alg.startswith("RS"):
        key.verify(signature, signing_input, padding.PKCS1v15(), digest)
    elif alg.startswith("PS"):
        pss = padding.PSS(mgf=padding.MGF1(HASHES[alg[2:]]()), salt_length=digest.digest_size)
        key.verify(signature, signing_input, pss, digest)
    else:
        raise ValueError(f"unknown alg {alg!r}")


def check(item):
    alg, token = item["alg"], item["token"]
    key = load_key(os.path.join(HERE, item["key"]), alg)
    out = {"id": item["id"]}
    header_b64, payload_b64, signature_b64 = token.split(".")
    try:
        header = json.loads(b64url(header_b64))
        if header.get("alg") != alg:
            raise InvalidSignature(f"header alg {header.get('alg')!r}")
        verify_primitive(alg, key, f"{header_b64}.{payload_b64}".encode(), b64url(signature_b64))
        out["cryptography"] = "accepted"
        out["payload"] = b64url(payload_b64).decode("utf-8")
    except Exception as e:  # noqa: BLE001
        out["cryptography"] = f"rejected: {type(e).__name__}: {e}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            jk = OctKey.import_key(key) if isinstance(key, bytes) else {
                "RS": RSAKey, "PS": RSAKey, "ES": ECKey, "Ed": OKPKey}[alg[:2]].import_key(key)
            jws.deserialize_compact(token, jk, algorithms=[alg])
            out["joserfc"] = "accepted"
        except Exception as e:  # noqa: BLE001
            out["joserfc"] = f"rejected: {type(e).__name__}: {e}"
        try:
            pyjwt.api_jws.decode(token, key, algorithms=[alg])
            out["PyJWT"] = "accepted"
        except Exception as e:  # noqa: BLE001
            out["PyJWT"] = f"rejected: {type(e).__name__}: {e}"
    return out


def main():
    try:
        request = json.load(sys.stdin)
        items = request["tokens"]
    except (ValueError, KeyError, TypeError) as e:
        print(f"bad input: {e}", file=sys.stderr)
        return 2
    print(json.dumps({"results": [check(item) for item in items]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
