"""`modconsole rules detectors list|set|test`: what rules look for in chat messages."""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path

from modconsole.cli_language import say
from modconsole.domain.messages import N_
from modconsole.domain.text import pad
from modconsole.services.errors import UserError

EXIT_OK = 0
SHOWN = 50
SEPARATORS = re.compile(r"[,，;；\n]")


def add_commands(rules_what) -> None:
    detectors = rules_what.add_parser("detectors", help="what rules look for in imported chats")
    what = detectors.add_subparsers(dest="detectors_command", metavar="action", required=True)
    listing = what.add_parser("list", help="every detector, its reports and dismiss rate")
    listing.add_argument("--json", action="store_true", help="print JSON objects")
    setting = what.add_parser("set", help="change one rule's detectors")
    setting.add_argument("rule", metavar="RULE", help="the rule's code, e.g. GROUP.LANGUAGE")
    setting.add_argument("--keywords", metavar="W1,W2", help="replace the keyword list "
                                                             "(\"\" removes it)")
    setting.add_argument("--add-keyword", action="append", default=[], metavar="WORD")
    setting.add_argument("--remove-keyword", action="append", default=[], metavar="WORD")
    setting.add_argument("--regex", action="append", metavar="PATTERN",
                         help="replace the patterns (repeat; \"\" removes them)")
    setting.add_argument("--promotion", metavar="SIGNALS",
                         help="links, phones, wechat_ids, add_me, qr (comma-separated; "
                              "\"all\"; \"\" off)")
    setting.add_argument("--flood", metavar="N/SECONDS", help="N messages within SECONDS "
                                                             "(0 off)")
    setting.add_argument("--repeat", metavar="N/SECONDS", help="the same text N times within "
                                                              "SECONDS (0 off)")
    setting.add_argument("--mentions", type=int, metavar="N", help="N mentions in one message "
                                                                  "(0 off)")
    setting.add_argument("--clear", action="store_true", help="remove all of the rule's "
                                                              "detectors")
    setting.add_argument("--as", dest="staff", metavar="STAFF",
                         help="a lead or admin by name (the rulebook is theirs)")
    test = what.add_parser("test", help="run the detectors over a chat export; writes nothing")
    test.add_argument("file", metavar="FILE")
    test.add_argument("--rule", metavar="CODE", help="only this rule's detectors")
    test.add_argument("--timezone", metavar="ZONE", help="default Asia/Shanghai")
    test.add_argument("--json", action="store_true", help="print the hits as JSON")


def run(args, store) -> int:
    return {"list": _list, "set": _set, "test": _test}[args.detectors_command](args, store)


def _list(args, store) -> int:
    from modconsole.services.detector_stats import detector_stats

    with store.read() as session:
        stats = detector_stats(session)
    if args.json:
        print(json.dumps([s.as_json() for s in stats], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not stats:
        print(say(N_("cli_detectors", "No rule has detectors. Add some with `modconsole rules "
                                      "detectors set RULE --keywords …`.")))
        return EXIT_OK
    for s in stats:
        rate = f"{s.dismiss_rate:.0%}" if s.dismiss_rate is not None else "—"
        print(f"{pad(s.rule, 24)} {pad(s.kind, 10)} {s.reports:>6} {s.dismissed:>4}/"
              f"{s.decided:<4} {rate:>5}  {s.settings[:60]}")
    print(say(N_("cli_detectors", "Columns: rule, detector, reports filed, dismissed/decided, "
                                  "dismiss rate (false positives), settings.")))
    return EXIT_OK


def _window(value: str, name: str) -> dict | None:
    if value.strip() == "0":
        return None
    count, sep, seconds = value.partition("/")
    if not sep or not count.strip().isdigit() or not seconds.strip().isdigit():
        raise UserError(N_("cli_detectors", "--{name} takes N/SECONDS, e.g. 8/10.").format(
            name=name))
    return {"messages" if name == "flood" else "times": int(count), "seconds": int(seconds)}


def _set(args, store) -> int:
    from modconsole.domain import detectors
    from modconsole.services.identity import act_as_named
    from modconsole.services.rulebook import find_rule, update_rule

    with store.transaction() as session:
        if args.staff:
            act_as_named(session, args.staff)
        rule = find_rule(session, args.rule)
        data = {} if args.clear else json.loads(
            detectors.parse(rule.detectors_json).to_json() or "{}")
        words = data.get("keywords", [])
        if args.keywords is not None:
            words = [w.strip() for w in SEPARATORS.split(args.keywords) if w.strip()]
        words = [w for w in [*words, *args.add_keyword] if w not in args.remove_keyword]
        data["keywords"] = words
        if args.regex is not None:
            data["regex"] = [p for p in args.regex if p]
        if args.promotion is not None:
            chosen = [s.strip() for s in args.promotion.split(",") if s.strip()]
            data["promotion"] = list(detectors.SIGNALS) if chosen == ["all"] else chosen
        for name in ("flood", "repeat"):
            value = getattr(args, name)
            if value is not None:
                data[name] = _window(value, name)
        if args.mentions is not None:
            data["mentions"] = args.mentions
        data = {k: v for k, v in data.items() if v}
        info = update_rule(session, rule.id, detectors_json=json.dumps(data, ensure_ascii=False)
                           if data else None)
    print(say(N_("cli_detectors", "{code}: {detectors}").format(
        code=info.code, detectors=info.detectors_json or say(N_("cli_detectors",
                                                                "no detectors")))))
    return EXIT_OK


def _test(args, store) -> int:
    from sqlalchemy import select

    from modconsole.domain import detectors
    from modconsole.domain.recurrence import zone
    from modconsole.services.activities import DEFAULT_ZONE
    from modconsole.services.chat.formats import open_chat
    from modconsole.services.rulebook import find_rule
    from modconsole.store import models as m

    tz = zone(args.timezone or DEFAULT_ZONE)
    with store.read() as session:
        if args.rule:
            rule = find_rule(session, args.rule)
            rows = [(rule.code, rule.detectors_json)]
        else:
            rows = session.execute(select(m.Rule.code, m.Rule.detectors_json).where(
                m.Rule.deleted_at.is_(None), m.Rule.detectors_json.is_not(None))).all()
    rules = {}
    for code, text in rows:
        try:
            rules[code] = detectors.parse(text)
        except detectors.DetectorError as exc:
            raise UserError(N_("cli_detectors", "{code}: {exc}.").format(code=code, exc=exc)) \
                from None
    export = open_chat(Path(args.file), tz)
    scanners: dict[str, detectors.Scanner] = {}
    hits, messages = [], 0
    for msg in export.messages():
        if msg.kind != "message":
            continue
        messages += 1
        chat = msg.chat or export.chat_name
        scanner = scanners.get(chat) or scanners.setdefault(chat, detectors.Scanner(rules))
        for hit in scanner.scan(msg.sender_id or msg.sender_name, msg.at, msg.text, msg.media,
                                msg.mentions):
            hits.append((msg, chat, hit))
    if export.errors:
        print(say(N_("cli_detectors", "{n} messages could not be read and were not "
                                      "scanned.").format(n=len(export.errors))), file=sys.stderr)
    if args.json:
        print(json.dumps([{"at": msg.at, "chat": chat, "sender_id": msg.sender_id,
                           "sender": msg.sender_name, "rule": hit.rule, "kind": hit.kind,
                           "matched": hit.matched, "text": msg.text[:200]}
                          for msg, chat, hit in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    for msg, _chat, hit in hits[:SHOWN]:
        when = datetime.fromtimestamp(msg.at, tz).strftime("%Y-%m-%d %H:%M")
        print(f"{when}  {pad(msg.sender_name[:12], 12)} {pad(hit.rule, 20)} "
              f"{pad(hit.kind, 9)} {hit.matched[:20]}  {' '.join(msg.text.split())[:40]}")
    print(say(N_("cli_detectors", "{hits} hits in {messages} messages; nothing was "
                                  "written.").format(hits=len(hits), messages=messages)))
    return EXIT_OK
