#!/usr/bin/env python3
"""Registers Matrix users through Synapse's shared-secret admin API (stdlib only; not rate-limited).

usage: register.py BASE_URL SHARED_SECRET USER PASSWORD [USER PASSWORD ...]
Existing users are accepted, so setup can be repeated.
"""
import hashlib, hmac, json, sys, urllib.error, urllib.request


def register(base, secret, user, password):
    url = base + "/_synapse/admin/v1/register"
    nonce = json.load(urllib.request.urlopen(url, timeout=10))["nonce"]
    mac = hmac.new(secret.encode(), b"\0".join([nonce.encode(), user.encode(), password.encode(), b"notadmin"]), hashlib.sha1)
    body = json.dumps({"nonce": nonce, "username": user, "password": password, "admin": False, "mac": mac.hexdigest()}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=10).read()
    except urllib.error.HTTPError as error:
        answer = json.loads(error.read() or b"{}")
        if answer.get("errcode") != "M_USER_IN_USE":
            sys.exit(f"register {user}: {error.code} {answer}")


if __name__ == "__main__":
    base, secret, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
    for user, password in zip(pairs[0::2], pairs[1::2]):
        register(base, secret, user, password)
