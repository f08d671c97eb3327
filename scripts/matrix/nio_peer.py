#!/usr/bin/env python3
"""A real encrypting Matrix client (matrix-nio with vodozemac) driven line by line, for the bot's E2EE tests.

usage: nio_peer.py HOMESERVER USER PASSWORD STORE_DIR
Reads one JSON command per line on stdin and answers one JSON line on stdout ({"ok": true, ...} or
{"ok": false, "error": "..."}). The client logs in as a new device (or restores the login kept in
STORE_DIR), keeps syncing in the background and trusts the devices it sees (trust on first use).
"""
import asyncio, json, os, sys, time, urllib.parse

from nio import (AsyncClient, AsyncClientConfig, LoginResponse, MegolmEvent, RoomCreateResponse, RoomMessage,
                 RoomSendResponse)

HOMESERVER, USER, PASSWORD, STORE = sys.argv[1:5]


class Peer:
    def __init__(self):
        os.makedirs(STORE, exist_ok=True)
        config = AsyncClientConfig(store_sync_tokens=True, encryption_enabled=True)
        self.client = AsyncClient(HOMESERVER, USER, store_path=STORE, config=config)
        self.timeline = {}  # room id -> [event summary]
        self.client.add_event_callback(self.on_event, (RoomMessage, MegolmEvent))
        self.syncer = None

    async def on_event(self, room, event):
        source = event.source or {}
        content = source.get("content", {})
        relation = content.get("m.relates_to", {}) or {}
        self.timeline.setdefault(room.room_id, []).append({
            "event_id": event.event_id, "sender": event.sender, "type": source.get("type", ""),
            "decrypted": bool(getattr(event, "decrypted", False)), "undecryptable": isinstance(event, MegolmEvent),
            "session_id": getattr(event, "session_id", None), "body": getattr(event, "body", None),
            "msgtype": content.get("msgtype"), "reply_to": (relation.get("m.in_reply_to") or {}).get("event_id"),
            "thread": relation.get("event_id") if relation.get("rel_type") == "m.thread" else None,
        })

    async def login(self, args):
        credentials = os.path.join(STORE, "credentials.json")
        if os.path.exists(credentials):
            saved = json.load(open(credentials))
            self.client.restore_login(saved["user_id"], saved["device_id"], saved["access_token"])
        else:
            answer = await self.client.login(PASSWORD, device_name=args.get("device_name", "nio test peer"))
            if not isinstance(answer, LoginResponse):
                raise RuntimeError(f"login failed: {answer}")
            json.dump({"user_id": answer.user_id, "device_id": answer.device_id, "access_token": answer.access_token},
                      open(credentials, "w"))
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        await self.client.sync(timeout=0, full_state=True)
        self.syncer = asyncio.create_task(self.client.sync_forever(timeout=1000, loop_sleep_time=50))
        return {"device_id": self.client.device_id, "user_id": self.client.user_id}

    def trust_everyone(self):
        for user in self.client.device_store.users:
            for device in self.client.device_store.active_user_devices(user):
                if not self.client.olm.is_device_verified(device):
                    self.client.verify_device(device)

    async def create_room(self, args):
        state = [{"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}}]
        answer = await self.client.room_create(invite=args["invite"], is_direct=args.get("direct", True),
                                               initial_state=state if args.get("encrypted", True) else [])
        if not isinstance(answer, RoomCreateResponse):
            raise RuntimeError(f"room create failed: {answer}")
        return {"room_id": answer.room_id}

    async def wait_member(self, args):
        deadline = time.monotonic() + args.get("timeout", 30)
        while time.monotonic() < deadline:
            room = self.client.rooms.get(args["room"])
            # room.users also lists invited users; only a join counts.
            if room and args["user"] in room.users and args["user"] not in room.invited_users:
                return {}
            await asyncio.sleep(0.05)
        raise RuntimeError(f"{args['user']} did not join {args['room']}")

    async def say(self, args):
        room = args["room"]
        deadline = time.monotonic() + 30
        while room not in self.client.rooms and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self.trust_everyone()
        answer = await self.client.room_send(room, "m.room.message", {"msgtype": "m.text", "body": args["text"]},
                                             ignore_unverified_devices=True)
        if not isinstance(answer, RoomSendResponse):
            raise RuntimeError(f"send failed: {answer}")
        return {"event_id": answer.event_id}

    async def wait_replies(self, args):
        """Waits until every event in `to` has a reply from `sender`; returns all replies seen."""
        deadline = time.monotonic() + args.get("timeout", 30)
        while True:
            events = self.timeline.get(args["room"], [])
            replies = [e for e in events if e["sender"] == args["sender"] and e["reply_to"] in args["to"]]
            if all(any(r["reply_to"] == wanted for r in replies) for wanted in args["to"]):
                return {"replies": replies}
            if time.monotonic() > deadline:
                return {"replies": replies, "timed_out": True}
            await asyncio.sleep(0.05)

    async def timeline_of(self, args):
        return {"events": self.timeline.get(args["room"], [])}

    async def raw(self, method, path, body=None):
        answer = await self.client.send(method, "/_matrix/client/v3" + path,
                                        json.dumps(body) if body is not None else None,
                                        headers={"Authorization": f"Bearer {self.client.access_token}",
                                                 "Content-Type": "application/json"})
        return await answer.json()

    async def server_events(self, args):
        """The room's events as the server stores them (type and sender only)."""
        path = f"/rooms/{urllib.parse.quote(args['room'])}/messages?dir=b&limit=1000"
        chunk = (await self.raw("GET", path)).get("chunk", [])
        return {"events": [{"type": e["type"], "sender": e["sender"], "state": "state_key" in e} for e in reversed(chunk)]}

    async def send_raw(self, args):
        """An event exactly as given, unencrypted (e.g. an m.room.encrypted nobody has the key for)."""
        path = f"/rooms/{urllib.parse.quote(args['room'])}/send/{args['type']}/{int(time.time() * 1000)}"
        answer = await self.raw("PUT", path, args["content"])
        return {"event_id": answer.get("event_id")}

    async def leave(self, args):
        await self.client.room_leave(args["room"])
        return {}

    async def invite(self, args):
        await self.client.room_invite(args["room"], args["user"])
        return {}

    async def join(self, args):
        deadline = time.monotonic() + 30
        while args["room"] not in self.client.invited_rooms and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await self.client.join(args["room"])
        return {}

    async def session_ids(self, args):
        """Megolm sessions this device can decrypt with (for the rotation check)."""
        return {"session_ids": sorted({s.id for s in self.client.olm.inbound_group_store})}

    async def claim_burst(self, args):
        """Claims `count` one-time keys of every device of `user`, as a crowd of new clients would."""
        devices = (await self.raw("POST", "/keys/query", {"device_keys": {args["user"]: []}}))["device_keys"].get(args["user"], {})
        claimed = []
        for _ in range(args["count"]):
            answer = await self.raw("POST", "/keys/claim", {"one_time_keys": {args["user"]: {d: "signed_curve25519" for d in devices}}})
            for keys in answer.get("one_time_keys", {}).get(args["user"], {}).values():
                claimed += [{"id": k, "fallback": bool(v.get("fallback"))} for k, v in keys.items()]
        return {"claimed": claimed}

    async def stop(self, args):
        if self.syncer:
            self.syncer.cancel()
        await self.client.close()
        return {}


async def main():
    peer = Peer()
    loop = asyncio.get_running_loop()
    commands = {"login": peer.login, "create_room": peer.create_room, "wait_member": peer.wait_member, "say": peer.say,
                "wait_replies": peer.wait_replies, "timeline": peer.timeline_of, "server_events": peer.server_events,
                "leave": peer.leave, "invite": peer.invite, "join": peer.join, "session_ids": peer.session_ids,
                "claim_burst": peer.claim_burst, "send_raw": peer.send_raw, "stop": peer.stop}
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        request = json.loads(line)
        try:
            answer = {"ok": True, **(await commands[request["cmd"]](request))}
        except Exception as error:  # reported to the test, which fails with it
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
        if request["cmd"] == "stop":
            break


asyncio.run(main())
