"""The template renderer: whitelist substitution only, linear, never executes anything."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modconsole.domain import placeholders
from modconsole.domain.placeholders import (
    MAX_BODY_CHARS,
    PLACEHOLDERS,
    Limit,
    ProblemKind,
    TemplateError,
    parse,
    render,
    render_strict,
)

VALUES = {"nickname": "小明", "group": "读书会", "rule": "禁止广告", "points": "30"}


def test_substitutes_names_and_fallbacks():
    out = render("欢迎 {nickname} 加入{group|本群}，{moderator|管理员}在此。", VALUES)
    assert out.text == "欢迎 小明 加入读书会，管理员在此。"
    assert out.missing == ()
    assert out.problems == ()


def test_missing_value_without_fallback_is_reported_and_left_visible():
    out = render("至 {until} 解除，{until}", VALUES)
    assert out.text == "至 {until} 解除，{until}"
    assert out.missing == ("until",)


def test_doubled_braces_are_literal():
    assert render("{{nickname}} is {nickname} {{}}", VALUES).text == "{nickname} is 小明 {}"


@pytest.mark.parametrize("body, kind", [
    ("{nickname.__class__}", ProblemKind.MALFORMED),
    ("{0}", ProblemKind.MALFORMED),
    ("{nickname!r}", ProblemKind.MALFORMED),
    ("{nickname:>999999}", ProblemKind.MALFORMED),
    ("{nickname[0]}", ProblemKind.MALFORMED),
    ("{}", ProblemKind.MALFORMED),
    ("{nickame}", ProblemKind.UNKNOWN),
    ("hello {", ProblemKind.UNBALANCED),
    ("hello }", ProblemKind.UNBALANCED),
    ("{nick{name}", ProblemKind.UNBALANCED),
])
def test_hostile_bodies_render_literally_with_a_problem(body, kind):
    out = render(body, VALUES)
    assert kind in {p.kind for p in out.problems}
    assert "小明" not in out.text or body == "{nick{name}"  # nothing evaluated
    assert "<class" not in out.text and " " * 1000 not in out.text


def test_unknown_name_suggests_the_close_one():
    (problem,) = parse("{nickame}").problems
    assert problem.suggestion == "nickname"
    assert "did you mean {nickname}" in str(problem.describe())


def test_values_are_not_parsed_again():
    out = render("{nickname}", {"nickname": "{rule} {{x}} {0.__class__}"})
    assert out.text == "{rule} {{x}} {0.__class__}"


class _CountingBrace:
    """Stands in for the scanner's brace pattern and counts the characters it scans."""

    def __init__(self, pattern):
        self._pattern = pattern
        self.calls = 0
        self.scanned = 0

    def search(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        found = self._pattern.search(text, pos, endpos)
        self.calls += 1
        self.scanned += (found.end() if found else endpos) - pos
        return found


@pytest.fixture
def brace_counter(monkeypatch):
    counter = _CountingBrace(placeholders._BRACE)
    monkeypatch.setattr(placeholders, "_BRACE", counter)
    return counter


def test_a_megabyte_body_is_refused_before_it_is_read(brace_counter):
    body = "{a" * 500_000
    with pytest.raises(TemplateError, match="limit is 20,000"):
        render(body, VALUES)
    assert brace_counter.calls == 0


@pytest.mark.parametrize("worst", [
    "{a" * (MAX_BODY_CHARS // 2), "{" * MAX_BODY_CHARS, "{{" + "}" * (MAX_BODY_CHARS - 2),
    ("{" + "a" * 150) * (MAX_BODY_CHARS // 151), ("{a|" + "x" * 190 + "}") * 100,
])
def test_worst_case_bodies_are_scanned_a_bounded_number_of_times(brace_counter, worst):
    """Linear parsing, counted: each character is looked at a few times, never MAX_SLOT times."""
    parse(worst)
    assert brace_counter.calls <= 2 * len(worst) + 1
    assert brace_counter.scanned <= 3 * len(worst) + 1


def test_strict_rendering_for_scripts():
    assert render_strict("{nickname}{until|}", VALUES) == "小明"
    with pytest.raises(TemplateError, match=r"No value for \{until\}"):
        render_strict("至 {until}", VALUES)
    with pytest.raises(TemplateError, match="unknown placeholder"):
        render_strict("{nickame|x}", VALUES)


def test_limits_count_characters_and_utf8_bytes():
    out = render("禁言{nickname}", VALUES)  # 4 characters, 12 bytes
    assert (out.chars, out.bytes) == (4, 12)
    assert Limit(chars=4, bytes=12).exceeded_by(out) == []
    assert Limit(chars=3, bytes=11).exceeded_by(out) == [("chars", 4, 3), ("bytes", 12, 11)]


names = st.sampled_from(PLACEHOLDERS)
# Each piece is (body text, what it should render to given VALUES-like `values`).
pieces = st.one_of(
    st.text(alphabet="abc 你好|.!:0_@", min_size=1, max_size=8).map(lambda t: (t, lambda v: t)),
    st.sampled_from([("{{", lambda v: "{"), ("}}", lambda v: "}")]),
    names.map(lambda n: ("{" + n + "}", lambda v: v.get(n) or "{" + n + "}")),
    st.tuples(names, st.text(alphabet="xy 默认.:!", max_size=4)).map(
        lambda t: ("{" + t[0] + "|" + t[1] + "}", lambda v: v.get(t[0]) or t[1])),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=12),
       st.dictionaries(names, st.text(alphabet="值{}.:x", max_size=6), max_size=5))
def test_well_formed_bodies_render_piece_by_piece(body_pieces, values):
    body = "".join(text for text, _ in body_pieces)
    out = render(body, values)
    assert out.problems == ()
    assert out.text == "".join(expected(values) for _, expected in body_pieces)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_keeps_plain_text(body):
    out = render(body, VALUES)
    if "{" not in body and "}" not in body:
        assert out.text == body and out.problems == ()
