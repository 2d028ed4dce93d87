"""`modconsole templates …`: list, render, import and export the phrase book."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from modconsole.cli_language import say
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError

EXIT_OK = 0


def add_commands(commands) -> None:
    templates = commands.add_parser("templates", help="the phrase book of reply templates")
    what = templates.add_subparsers(dest="templates_command", metavar="action", required=True)
    listing = what.add_parser("list", help="every template you can use or edit")
    listing.add_argument("--json", action="store_true", help="print JSON objects")
    render = what.add_parser("render", help="print a template filled in for a member or case")
    render.add_argument("template", metavar="CODE_OR_ID")
    render.add_argument("--member", metavar="ID", help="member id or platform id")
    render.add_argument("--case", metavar="ID")
    render.add_argument("--activity", metavar="ID")
    render.add_argument("--var", action="append", default=[], metavar="KEY=VALUE",
                        help="a placeholder value (repeat); overrides the looked-up one")
    render.add_argument("--lang", choices=["zh_CN", "en"],
                        help="which language variant (default: from $LANG)")
    importing = what.add_parser("import", help="merge a .json or .csv export by template id")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--theirs", action="store_true",
                           help="settle conflicts (both sides edited) with the file's version")
    exporting = what.add_parser("export", help="write the phrase book to .json or .csv")
    exporting.add_argument("out", metavar="FILE")
    exporting.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _variables(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(N_("cli_templates", "--var {pair!r} is not KEY=VALUE.").format(
                                pair=pair))
        values[key.strip()] = value
    return values


def _default_lang() -> str:
    return "zh_CN" if os.environ.get("LANG", "").startswith("zh") else "en"


def run(args: argparse.Namespace, store) -> int:
    from modconsole.services import phrasebook_files, replies

    action = args.templates_command
    if action == "list":
        with store.transaction() as session:
            templates = replies.list_templates(session)
        if args.json:
            print(json.dumps([t.as_json() for t in templates], ensure_ascii=False, indent=2))
        else:
            for t in templates:
                draft = "  (draft)" if t.status != "approved" else ""
                print(f"/{t.code:<14} {t.lang:<6} {t.category:<11} {t.title}{draft}")
        return EXIT_OK
    if action == "render":
        return _render(args, store)
    if action == "export":
        out = Path(args.out)
        if out.exists() and not args.force:
            raise UserError(N_("cli_templates", "{out} already exists; pass --force to "
                                                "replace it.").format(out=out))
        with store.transaction() as session:
            count = phrasebook_files.export_library(session, out)
        print(say(N_("cli", "{count} templates written to {out}.").format(count=count, out=out)))
        return EXIT_OK
    with store.transaction() as session:
        report = phrasebook_files.import_library(session, Path(args.file),
                                                 take_theirs=args.theirs)
    print(say(N_("cli", "{added} added, {updated} updated, {unchanged} unchanged, "
                        "{kept_ours} kept (ours is newer), {taken_theirs} conflicts "
                        "settled with the file's version.").format(
                  added=report.added, updated=report.updated, unchanged=report.unchanged,
                  kept_ours=report.kept_ours, taken_theirs=report.taken_theirs)))
    for c in report.conflicts:
        print(say(N_("cli", "conflict: /{code} ({lang}) {id} was edited here and in the "
                            "file; left as it is here (pass --theirs to take the file's "
                            "version).").format(code=c.code, lang=c.lang, id=c.id)))
    return EXIT_OK


def _render(args, store) -> int:
    from modconsole.domain.placeholders import TemplateError, render_strict
    from modconsole.services import replies
    from modconsole.services.reply_context import ReplyContext, context_values
    from modconsole.services.roster import resolve_member_ids

    lang = args.lang or _default_lang()
    with store.transaction() as session:
        template = replies.find_template(session, args.template, lang)
        if args.lang and template.lang != args.lang:
            raise UserError(N_("cli_templates", "/{code} has no {lang} variant.").format(
                                code=template.code, lang=args.lang))
        members = tuple(resolve_member_ids(session, [args.member])) if args.member else ()
        context = ReplyContext(members, args.case, args.activity)
        (values,) = context_values(session, context, template.lang, _variables(args.var))
        try:
            text = render_strict(template.body, values)
        except TemplateError as exc:
            raise UserError(N_("cli_templates", "/{code} ({lang}): {exc}").format(
                                code=template.code, lang=template.lang, exc=exc)) from None
        replies.record_use(session, template.id, member_ids=members, case_id=args.case)
    print(text)
    return EXIT_OK
