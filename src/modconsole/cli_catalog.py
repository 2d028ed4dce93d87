"""`modconsole groups …` and `modconsole tags …`: the team's chat groups and tags for scripts."""

from __future__ import annotations

import argparse
import json

from modconsole.cli_language import say
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError

EXIT_OK = 0


def add_commands(commands) -> None:
    groups = commands.add_parser("groups", help="list, add, rename, cap and archive chat groups")
    what = groups.add_subparsers(dest="groups_command", metavar="action", required=True)
    listing = what.add_parser("list", help="every group with its fill against its cap")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    add = what.add_parser("add", help="create a group")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", default="other",
                     help="funnel, newcomer, training, core, regional, spend_tier or other")
    add.add_argument("--cap", type=int, metavar="N", help="members at which it should split")
    rename = what.add_parser("rename", help="rename a group")
    rename.add_argument("group", metavar="GROUP", help="its name or id")
    rename.add_argument("name", metavar="NEW_NAME")
    cap = what.add_parser("cap", help="set the size at which a group should split")
    cap.add_argument("group", metavar="GROUP", help="its name or id")
    cap.add_argument("cap", type=int, metavar="N")
    archive = what.add_parser("archive", help="take a group out of lists (history stays)")
    archive.add_argument("group", metavar="GROUP", help="its name or id")

    tags = commands.add_parser("tags", help="list, add, rename, merge and delete tags")
    what = tags.add_subparsers(dest="tags_command", metavar="action", required=True)
    listing = what.add_parser("list", help="tag groups and their tags, with member counts")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    add = what.add_parser("add", help="create a tag (GROUP/TAG puts it in a tag group)")
    add.add_argument("tag", metavar="TAG")
    rename = what.add_parser("rename", help="rename a tag")
    rename.add_argument("tag", metavar="TAG", help="its name (GROUP/TAG when ambiguous)")
    rename.add_argument("name", metavar="NEW_NAME")
    merge = what.add_parser("merge", help="give every holder of SOURCE the tag TARGET, then "
                            "delete SOURCE")
    merge.add_argument("source", metavar="SOURCE")
    merge.add_argument("target", metavar="TARGET")
    delete = what.add_parser("delete", help="delete a tag and take it off every member")
    delete.add_argument("tag", metavar="TAG")


def run(args: argparse.Namespace, store) -> int:
    return (_groups if args.command == "groups" else _tags)(args, store)


def _groups(args, store) -> int:
    from modconsole.services import groups

    action = args.groups_command
    if action == "list":
        with store.read() as session:
            found = groups.list_groups(session)
        if args.json:
            print(json.dumps([{"id": g.id, "name": g.name, "kind": g.kind, "cap": g.cap,
                               "members": g.members} for g in found], ensure_ascii=False,
                             indent=2))
        for g in found if not args.json else ():
            print(f"{g.members:>6} / {g.cap:<6} {g.kind:<11} {g.name}")
        return EXIT_OK
    with store.transaction() as session:
        if action == "add":
            group = groups.create_group(session, args.name, args.kind, args.cap)
            print(group.id)
            return EXIT_OK
        group = groups.find_group(session, args.group)
        if action == "archive":
            groups.archive_group(session, group.id)
        elif action == "rename":
            groups.update_group(session, group.id, name=args.name)
        else:
            groups.update_group(session, group.id, cap=args.cap)
    print(say((N_("cli", "Group '{group}' archived.") if action == "archive" else
               N_("cli", "Group '{group}' updated.")).format(group=args.group)))
    return EXIT_OK


def _tags(args, store) -> int:
    from modconsole.services import tags
    from modconsole.services.roster import resolve_tags

    action = args.tags_command
    if action == "list":
        with store.read() as session:
            found = tags.overview(session)
        if args.json:
            print(json.dumps([{"group": g.name, "exclusive": g.exclusive,
                               "tags": [{"id": t.id, "name": t.name, "members": t.members}
                                        for t in g.tags]} for g in found],
                             ensure_ascii=False, indent=2))
        for g in found if not args.json else ():
            print(f"{g.name or '(no group)'}{' (one per member)' if g.exclusive else ''}: "
                  + ", ".join(f"{t.name} {t.members}" for t in g.tags))
        return EXIT_OK
    with store.writing("tagging"), store.transaction() as session:
        if action == "add":
            group_name, _, name = args.tag.rpartition("/")
            group_id = None
            if group_name:
                match = next((g for g in tags.overview(session, with_counts=False)
                              if g.name == group_name and g.id), None)
                if match is None:
                    raise UserError(N_("cli_catalog", "There is no tag group "
                                                      "'{group_name}'.").format(
                                        group_name=group_name))
                group_id = match.id
            print(tags.create_tag(session, name, group_id).id)
            return EXIT_OK
        if action == "rename":
            [tag_id] = resolve_tags(session, [args.tag])
            tags.rename_tag(session, tag_id, args.name)
            print(say(N_("cli", "Tag '{tag}' is now '{name}'.").format(
                          tag=args.tag, name=args.name)))
        elif action == "merge":
            source, target = resolve_tags(session, [args.source, args.target])
            change = tags.merge_tags(session, source, target)
            print(say(N_("cli", "Merged '{source}' into '{target}' on {members} members.").format(
                          source=args.source, target=args.target, members=change.members)))
        else:
            [tag_id] = resolve_tags(session, [args.tag])
            change = tags.delete_tag(session, tag_id)
            print(say(N_("cli", "Deleted '{tag}' from {members} members.").format(
                          tag=args.tag, members=change.members)))
    return EXIT_OK
