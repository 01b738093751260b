#!/usr/bin/env python3
"""Verify a compact JWS with joserfc and PyJWT: the "Python verifies what Swift signed" half of the interop.

  verify_token.py --alg ES384 --key keys/ec-p-384-es384.public.spki.pem TOKEN
  echo TOKEN | verify_token.py --alg HS256 --key keys/oct-256-hs256.secret.bin -

The key file may be PEM (SPKI, PKCS#1, PKCS#8, SEC1), DER (the same), a JWK or single-key JWK Set (JSON), a raw
HMAC secret (*.bin) or its hex (*.hex).  Time claims are not checked.  Prints one JSON object
{"joserfc": ..., "PyJWT": ..., "payload": ...} and exits 0 only if both libraries accept the token.
"""

import argparse
import json
import sys
import warnings

import jwt as pyjwt
from cryptography.hazmat.primitives import serialization
from joserfc import jws
from joserfc.jwk import ECKey, OctKey, OKPKey, RSAKey


def load_key(path, alg):
    data = open(path, "rb").read()
    if alg.startswith("HS"):
        if path.endswith(".hex"):
            return bytes.fromhex(data.decode().strip())
        if data.lstrip().startswith(b"{"):
            j = json.loads(data)
            j = j["keys"][0] if "keys" in j else j
            return OctKey.import_key(j).raw_value
        return data
    if data.lstrip().startswith(b"{"):
        j = json.loads(data)
        j = j["keys"][0] if "keys" in j else j
        cls = {"RSA": RSAKey, "EC": ECKey, "OKP": OKPKey}[j["kty"]]
        return cls.import_key(j).public_key if "d" in j else cls.import_key(j).raw_value
    loaders = ([serialization.load_pem_public_key, lambda d: serialization.load_pem_private_key(d, None)]
               if b"-----BEGIN" in data else
               [serialization.load_der_public_key, lambda d: serialization.load_der_private_key(d, None)])
    for load in loaders:
        try:
            k = load(data)
            return k.public_key() if hasattr(k, "public_key") else k
        except (ValueError, TypeError):
            continue
    raise SystemExit(f"cannot read key {path}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--alg", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("token")
    a = ap.parse_args()
    token = sys.stdin.read().strip() if a.token == "-" else a.token
    key = load_key(a.key, a.alg)
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            jk = OctKey.import_key(key) if isinstance(key, bytes) else {
                "RS": RSAKey, "PS": RSAKey, "ES": ECKey, "Ed": OKPKey}[a.alg[:2]].import_key(key)
            obj = jws.deserialize_compact(token, jk, algorithms=[a.alg])
            out["joserfc"] = "accepted"
            out["payload"] = obj.payload.decode("utf-8", "replace")
        except Exception as e:  # noqa: BLE001
            out["joserfc"] = f"rejected: {type(e).__name__}: {e}"
        try:
            pyjwt.api_jws.decode(token, key, algorithms=[a.alg])
            out["PyJWT"] = "accepted"
        except Exception as e:  # noqa: BLE001
            out["PyJWT"] = f"rejected: {type(e).__name__}: {e}"
    print(json.dumps(out))
    return 0 if out["joserfc"] == "accepted" and out["PyJWT"] == "accepted" else 1


if __name__ == "__main__":
    sys.exit(main())
