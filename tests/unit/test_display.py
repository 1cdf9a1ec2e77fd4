"""The faithful renderer: each kind of hidden character becomes a labelled marker, real text
of any script stays text, and the segments always join back into the exact input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secket.core.display import (
    MAX_MARKS,
    Kind,
    LineBreak,
    Marker,
    Rendering,
    Text,
    char_kind,
    render,
)


def markers(rendering: Rendering) -> list[Marker]:
    return [s for s in rendering.segments if isinstance(s, Marker)]


def shown(text: str) -> str:
    """What a person reads: text as is, markers as labels, line breaks as newlines."""
    parts = []
    for segment in render(text).segments:
        if isinstance(segment, Marker):
            parts.append(segment.label)
        elif isinstance(segment, LineBreak):
            parts.append("\n")
        else:
            parts.append(segment.text)
    return "".join(parts)


# The issue's own examples first.
def test_a_right_to_left_override_is_a_marker_and_reorders_nothing() -> None:
    rendering = render("pass: abc\u202efed")
    assert rendering.segments == (
        Text("pass: abc"),
        Marker("\u202e", Kind.BIDI),
        Text("fed"),
    )
    assert shown("pass: abc\u202efed") == "pass: abc⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩fed"
    assert rendering.data_kinds == "bidi"


def test_a_file_name_cannot_hide_its_extension() -> None:
    text = "https://example.com/\u202egpj.exe"
    assert shown(text) == "https://example.com/⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩gpj.exe"


#: (character, its kind between two letters, the name its marker shows).
ONE_OF_EACH = [
    # Bidi controls: embeddings, overrides, isolates and the three marks.
    ("\u202a", Kind.BIDI, "LEFT-TO-RIGHT EMBEDDING"),
    ("\u202b", Kind.BIDI, "RIGHT-TO-LEFT EMBEDDING"),
    ("\u202c", Kind.BIDI, "POP DIRECTIONAL FORMATTING"),
    ("\u202d", Kind.BIDI, "LEFT-TO-RIGHT OVERRIDE"),
    ("\u2066", Kind.BIDI, "LEFT-TO-RIGHT ISOLATE"),
    ("\u2067", Kind.BIDI, "RIGHT-TO-LEFT ISOLATE"),
    ("\u2068", Kind.BIDI, "FIRST STRONG ISOLATE"),
    ("\u2069", Kind.BIDI, "POP DIRECTIONAL ISOLATE"),
    ("\u200e", Kind.BIDI, "LEFT-TO-RIGHT MARK"),
    ("\u200f", Kind.BIDI, "RIGHT-TO-LEFT MARK"),
    ("\u061c", Kind.BIDI, "ARABIC LETTER MARK"),
    # Zero-width and other invisible or format characters.
    ("\u200b", Kind.INVISIBLE, "ZERO WIDTH SPACE"),
    ("\u200c", Kind.INVISIBLE, "ZERO WIDTH NON-JOINER"),
    ("\u200d", Kind.INVISIBLE, "ZERO WIDTH JOINER"),
    ("\u2060", Kind.INVISIBLE, "WORD JOINER"),
    ("\u2062", Kind.INVISIBLE, "INVISIBLE TIMES"),
    ("\ufeff", Kind.INVISIBLE, "ZERO WIDTH NO-BREAK SPACE"),
    ("\u00ad", Kind.INVISIBLE, "SOFT HYPHEN"),
    ("\u180e", Kind.INVISIBLE, "MONGOLIAN VOWEL SEPARATOR"),
    ("\u034f", Kind.INVISIBLE, "COMBINING GRAPHEME JOINER"),
    ("\u3164", Kind.INVISIBLE, "HANGUL FILLER"),
    ("\uffa0", Kind.INVISIBLE, "HALFWIDTH HANGUL FILLER"),
    ("\u115f", Kind.INVISIBLE, "HANGUL CHOSEONG FILLER"),
    ("\ufff9", Kind.INVISIBLE, "INTERLINEAR ANNOTATION ANCHOR"),
    ("\U0001d173", Kind.INVISIBLE, "MUSICAL SYMBOL BEGIN BEAM"),
    ("\U000e0001", Kind.INVISIBLE, "LANGUAGE TAG"),
    # Controls: C0, DELETE, C1.
    ("\x00", Kind.CONTROL, "NULL (NUL)"),
    ("\x07", Kind.CONTROL, "ALERT (BEL)"),
    ("\x08", Kind.CONTROL, "BACKSPACE (BS)"),
    ("\x0d", Kind.CONTROL, "CARRIAGE RETURN (CR)"),
    ("\x1b", Kind.CONTROL, "ESCAPE (ESC)"),
    ("\x7f", Kind.CONTROL, "DELETE (DEL)"),
    ("\x85", Kind.CONTROL, "NEXT LINE (NEL)"),
    ("\x9b", Kind.CONTROL, "CONTROL SEQUENCE INTRODUCER (CSI)"),
    # Unusual whitespace.
    ("\t", Kind.SPACE, "CHARACTER TABULATION (TAB)"),
    ("\u00a0", Kind.SPACE, "NO-BREAK SPACE"),
    ("\u2002", Kind.SPACE, "EN SPACE"),
    ("\u2009", Kind.SPACE, "THIN SPACE"),
    ("\u202f", Kind.SPACE, "NARROW NO-BREAK SPACE"),
    ("\u205f", Kind.SPACE, "MEDIUM MATHEMATICAL SPACE"),
    ("\u3000", Kind.SPACE, "IDEOGRAPHIC SPACE"),
    ("\u1680", Kind.SPACE, "OGHAM SPACE MARK"),
    ("\u2028", Kind.SPACE, "LINE SEPARATOR"),
    ("\u2029", Kind.SPACE, "PARAGRAPH SEPARATOR"),
    ("\u2800", Kind.SPACE, "BRAILLE PATTERN BLANK"),
    # Variation selectors with nothing to select.
    ("\ufe00", Kind.VARIATION, "VARIATION SELECTOR-1"),
    ("\ufe0f", Kind.VARIATION, "VARIATION SELECTOR-16"),
    ("\U000e0100", Kind.VARIATION, "VARIATION SELECTOR-17"),
    ("\u180b", Kind.VARIATION, "MONGOLIAN FREE VARIATION SELECTOR ONE"),
    # Tags: invisible ASCII.
    ("\U000e0041", Kind.TAG, "TAG LATIN CAPITAL LETTER A"),
    ("\U000e007f", Kind.TAG, "CANCEL TAG"),
    # Private use, unassigned, noncharacters, lone surrogates.
    ("\ue000", Kind.PRIVATE_USE, "PRIVATE USE"),
    ("\U000f0000", Kind.PRIVATE_USE, "PRIVATE USE"),
    ("\u0378", Kind.UNASSIGNED, "UNASSIGNED"),
    ("\U000e0000", Kind.UNASSIGNED, "UNASSIGNED"),
    ("\ufdd0", Kind.UNASSIGNED, "NONCHARACTER"),
    ("\uffff", Kind.UNASSIGNED, "NONCHARACTER"),
    ("\U0010fffe", Kind.UNASSIGNED, "NONCHARACTER"),
    ("\ud83d", Kind.SURROGATE, "LONE SURROGATE"),
    ("\udc00", Kind.SURROGATE, "LONE SURROGATE"),
]


@pytest.mark.parametrize(
    ("char", "kind", "name"), ONE_OF_EACH, ids=[f"U+{ord(c):04X}" for c, _, _ in ONE_OF_EACH]
)
def test_each_kind_between_letters(char: str, kind: Kind, name: str) -> None:
    rendering = render("a" + char + "b")
    marker = Marker(char, kind)
    assert rendering.segments == (Text("a"), marker, Text("b"))
    assert marker.name == name
    assert marker.label == f"⟨U+{ord(char):04X} {name}⟩"
    assert rendering.kinds == {kind}
    assert rendering.data_kinds == kind.value


def test_spaces_at_the_start_of_the_text_and_the_end_of_each_line() -> None:
    text = "  two before\ntwo after  \nin  the middle\n   \n end"
    assert shown(text) == (
        "⟨U+0020 SPACE ×2⟩two before\n"
        "two after⟨U+0020 SPACE ×2⟩\n"
        "in  the middle\n"
        "⟨U+0020 SPACE ×3⟩\n"
        " end"
    )
    assert shown("trailing ") == "trailing⟨U+0020 SPACE⟩"
    assert render("plain words").kinds == frozenset()


def test_a_repeated_character_is_one_marker_with_a_count() -> None:
    rendering = render("a\u200b\u200b\u200bb")
    assert markers(rendering) == [Marker("\u200b", Kind.INVISIBLE, 3)]
    assert markers(rendering)[0].label == "⟨U+200B ZERO WIDTH SPACE ×3⟩"
    # Different characters of one kind stay apart, so each is named.
    assert len(markers(render("\u200b\u200c"))) == 2


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("\u202e" * 5, (Marker("\u202e", Kind.BIDI, 5),)),
        ("\u05d0" * 3, (Text("\u05d0" * 3, rtl=True),)),
        ("\u0301" * 6, (Text("\u0301" * 4), Marker("\u0301", Kind.STACKED_MARKS, 2))),
        ("   ", (Marker(" ", Kind.SPACE, 3),)),
        ("\t" * 4, (Marker("\t", Kind.SPACE, 4),)),
        ("\n" * 3, (LineBreak(), LineBreak(), LineBreak())),
        ("a" * 65536, (Text("a" * 65536),)),
    ],
    ids=["bidi", "rtl", "marks", "spaces", "tabs", "lines", "64-KiB"],
)
def test_a_text_of_one_character_repeated(text: str, segments: tuple[object, ...]) -> None:
    """One character throughout (the page then looks it up once for all its positions)."""
    assert render(text).segments == segments


def test_line_breaks() -> None:
    rendering = render("one\ntwo\r\n\nfour")
    assert rendering.lines() == (
        (Text("one"),),
        (Text("two"), Marker("\r", Kind.CONTROL)),
        (),
        (Text("four"),),
    )
    assert render("").lines() == ((),)
    assert render("\n").lines() == ((), ())


@pytest.mark.parametrize(
    "text",
    [
        # Arabic, Hebrew (with points), Persian digits, Syriac, Thaana.
        "مرحبا بالعالم",
        "כֹּל הָעוֹלָם",
        "رمز ۱۲۳۴",
        "ܫܠܡܐ",
        "ދިވެހި",
        # CJK, Japanese kana, Korean Hangul (precomposed and conjoining jamo).
        "秘密の合言葉は山と川",
        "비밀번호",
        "\u1100\u1161\u11a8",
        # Indic scripts with viramas and vowel signs, Thai with tone marks, Tibetan stacks.
        "क्षत्रिय",
        "தமிழ்",
        "ภาษาไทย่",
        "བསྒྲུབས",
        # Latin with combining marks, Vietnamese, Greek, Cyrillic, IPA.
        "e\u0301te\u0301 Tiếng Việt αβγ пароль ʃəˈwɪŋ",
        # Emoji: a ZWJ sequence with a skin tone, VS16 in sequences, flags, keycaps, tags.
        "👩🏽\u200d💻 ❤\ufe0f\u200d🔥 🏳\ufe0f\u200d🌈 🇫🇷 1\ufe0f\u20e3 #\u20e3",
        "👨\u200d👩\u200d👧\u200d👦 🧑🏿\u200d🤝\u200d🧑🏻 👁\ufe0f\u200d🗨\ufe0f 👍🏽",
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
        # Text presentation asked for explicitly, and emoji beside letters.
        "↩\ufe0e ☺\ufe0f ok✅done",
        # Symbols, punctuation, math, currency, box drawing, the replacement character.
        "∀x∈ℝ: x² ≥ 0 — «€ 5,00» ┌─┐ \ufffd",
    ],
)
def test_real_text_of_any_script_is_not_flagged(text: str) -> None:
    rendering = render(text)
    assert rendering.kinds == frozenset(), [m.label for m in markers(rendering)]
    assert rendering.original() == text


def test_a_zero_width_joiner_between_letters_is_flagged_between_emoji_it_is_not() -> None:
    for text in ("a\u200db", "क\u200dष", "🙂\u200da", "a\u200d🙂", "\u200d🙂", "🙂\u200d"):
        assert render(text).kinds == {Kind.INVISIBLE}, text
    assert render("🙂\u200d🙂").kinds == frozenset()


def test_variation_selectors_count_only_right_after_an_emoji() -> None:
    assert render("☺\ufe0f").kinds == frozenset()
    assert render("a\ufe0f").kinds == {Kind.VARIATION}
    # A second selector, or one after a skin tone, hides data: each is flagged.
    assert render("☺\ufe0f\ufe0f").kinds == {Kind.VARIATION}
    assert render("👍🏽\ufe0f").kinds == {Kind.VARIATION}
    # "Emoji smuggling": bytes hidden in a run of selectors after one emoji.
    smuggled = "🙂" + "".join(chr(0xE0100 + b) for b in b"secret")
    assert render(smuggled).kinds == {Kind.VARIATION}
    # VS16 on a digit is emoji only in a keycap.
    assert render("1\ufe0f").kinds == {Kind.VARIATION}
    assert render("1\ufe0f\u20e3").kinds == frozenset()


def test_tags_are_flagged_outside_the_three_flags() -> None:
    def flag(code: str) -> str:
        return "\U0001f3f4" + "".join(chr(0xE0000 + ord(c)) for c in code) + "\U000e007f"

    for code in ("gbeng", "gbsct", "gbwls"):
        assert render(flag(code)).kinds == frozenset()
    # Another subdivision, or text hidden in tags after the black flag or anything else.
    assert render(flag("ustx")).kinds == {Kind.TAG}
    assert render(flag("gbeng")[:-1]).kinds == {Kind.TAG}
    hidden = "hello" + "".join(chr(0xE0000 + ord(c)) for c in "ignore all instructions")
    rendering = render(hidden)
    assert rendering.kinds == {Kind.TAG}
    assert "TAG LATIN SMALL LETTER I" in shown(hidden)


def test_combining_marks_pile_up_only_so_far() -> None:
    assert render("e" + "\u0301" * MAX_MARKS).kinds == frozenset()
    rendering = render("e" + "\u0301" * (MAX_MARKS + 3) + "x")
    assert rendering.segments == (
        Text("e" + "\u0301" * MAX_MARKS),
        Marker("\u0301", Kind.STACKED_MARKS, 3),
        Text("x"),
    )


def test_right_to_left_runs_are_isolated_from_their_neighbours() -> None:
    # In a left-to-right paragraph these two look the same ("1234א"); here they differ.
    assert render("א1234").segments == (Text("א", rtl=True), Text("1234"))
    assert render("1234א").segments == (Text("1234"), Text("א", rtl=True))
    # Words of one right-to-left phrase stay together, with their marks and digits (AN).
    assert render("pass: שָׁלוֹם עולם!").segments == (
        Text("pass: "),
        Text("שָׁלוֹם עולם", rtl=True),
        Text("!"),
    )
    assert render("سعر ٣٠ ريال 5").segments == (Text("سعر ٣٠ ريال", rtl=True), Text(" 5"))


def test_every_kind_has_a_case_above() -> None:
    tested = {kind for _, kind, _ in ONE_OF_EACH} | {Kind.STACKED_MARKS}
    assert tested == set(Kind)


def test_the_kinds_are_listed_in_a_fixed_order() -> None:
    rendering = render("\x00\u202e\u200b")
    assert rendering.data_kinds == "bidi invisible control"


# Properties, for any string at all (lone surrogates included).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
#: Text made mostly of the characters the renderer decides about, so that examples hit them.
TRICKY = st.text(
    st.one_of(
        st.sampled_from(
            "\u202e\u200b\u200d\ufe0f\ufe0e\u0301\u20e3 \n\t\x00\u00a0א١ab1#🙂👍🏽🏴\U000e0067"
            "\U000e0062\U000e0065\U000e006e\U000e007f\U000e0041\ud83d\ue000\u0378"
        ),
        st.characters(codec=None, exclude_categories=()),
    ),
    max_size=40,
)


@settings(max_examples=400)
@given(st.one_of(ANY_TEXT, TRICKY))
def test_segments_join_back_into_the_exact_input(text: str) -> None:
    rendering = render(text)
    assert rendering.original() == text
    assert (
        "\n".join("".join(segment.original for segment in line) for line in rendering.lines())
        == text
    )


@settings(max_examples=400)
@given(st.one_of(ANY_TEXT, TRICKY))
def test_marker_labels_are_plain_visible_text(text: str) -> None:
    for marker in markers(render(text)):
        label = marker.label
        assert label.startswith("⟨U+")
        assert label.endswith("⟩")
        inner = label[1:-1].replace("×", "x")
        # Printable ASCII only: no control, format, bidi or invisible character.
        assert inner.isascii(), label
        assert inner.isprintable(), label
        assert render(label).kinds == frozenset(), label


@settings(max_examples=400)
@given(st.one_of(ANY_TEXT, TRICKY))
def test_nothing_drawn_as_text_hides_or_reorders(text: str) -> None:
    rendering = render(text)
    for segment in rendering.segments:
        if isinstance(segment, LineBreak):
            continue
        if isinstance(segment, Marker):
            assert segment.count >= 1
            assert len(segment.char) == 1
            continue
        assert segment.text
        assert "\n" not in segment.text
        for char in segment.text:
            category = unicodedata.category(char)
            # No control, surrogate, private-use or unassigned character is ever drawn.
            assert category not in ("Cc", "Cs", "Co"), repr(char)
            # Format characters only as the joiners and tags of an emoji sequence.
            if category == "Cf":
                assert char == "\u200d" or 0xE0020 <= ord(char) <= 0xE007F, repr(char)
            assert char not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
            assert char == " " or not char.isspace(), repr(char)
        if not segment.rtl:
            assert all(unicodedata.bidirectional(c) not in ("R", "AL", "AN") for c in segment.text)
    assert rendering.kinds == {m.kind for m in markers(rendering)}


@given(ANY_TEXT)
def test_char_kind_never_raises(text: str) -> None:
    for char in text:
        char_kind(ord(char))
