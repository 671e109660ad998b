"""``profile_attributes``: the model's attribute ruler, applied from a table of token keys.

Why: spaCy's ``attribute_ruler`` (tag -> POS and morphology, lemma exceptions) runs a Matcher
of some 180 one-token patterns over every token; on a profile that is 7-8 % of the whole
parse. Almost every pattern looks at one token's tag, lower-case form, dependency or
whitespace, so the result for a token is a function of those few values: it is worked out
once per distinct key and then looked up. Patterns that span tokens still go through a Matcher
(of those few patterns only). The rules are the model's own, read from its ruler, and they are
applied in the ruler's order (a later rule wins), so the annotations are the same; a ruler
with a pattern this table cannot evaluate (another model's) is left in place, untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["AttributeTable", "use_attribute_table"]

# Pattern keys the table evaluates, and the token attribute each reads.
_KEYS: dict[str, int] = {
    "TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "NORM": NORM, "DEP": DEP, "POS": POS,
    "IS_SPACE": IS_SPACE,
}
_Test = Callable[[Any], bool]


def _value_test(spec: Any) -> _Test | None:
    """A test of one attribute's value, as the Matcher reads ``spec``; None if unsupported."""
    if isinstance(spec, (str, bool)):
        return lambda value: value == spec
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((op, arg),) = spec.items()
    if op == "IN" and isinstance(arg, list):
        members = frozenset(arg)
        return lambda value: value in members
    if op == "NOT_IN" and isinstance(arg, list):
        excluded = frozenset(arg)
        return lambda value: value not in excluded
    if op == "REGEX" and isinstance(arg, str):
        pattern = re.compile(arg)
        return lambda value: bool(pattern.search(value))
    return None


def _token_test(token_spec: dict[str, Any], keys: list[str]) -> _Test | None:
    """A test of a token's key tuple (values in ``keys`` order) against one token pattern."""
    tests = []
    for name, spec in token_spec.items():
        test = _value_test(spec)
        if name not in _KEYS or test is None:
            return None
        if name == "TEXT":
            name = "ORTH"
        if name not in keys:
            keys.append(name)
        tests.append((keys.index(name), test))  # (keys only grows: the position stays)
    if len(tests) == 1:
        ((at, only),) = tests
        return lambda values: only(values[at])
    return lambda values: all(test(values[at]) for at, test in tests)


def _words_of(patterns: list[list[dict[str, Any]]]) -> frozenset[str] | None:
    """The lower-case words a rule's one-token patterns all require, or None (any word)."""
    words: set[str] = set()
    for (token_spec,) in patterns:
        spec = token_spec.get("LOWER")
        if isinstance(spec, str):
            words.add(spec)
        elif isinstance(spec, dict) and set(spec) == {"IN"} and isinstance(spec["IN"], list):
            words.update(spec["IN"])
        else:
            return None
    return frozenset(words)


class AttributeTable:
    """Applies an AttributeRuler's rules per distinct token key (see the module docstring).

    Build with :meth:`from_ruler`, which returns None when a rule cannot be read as a table.
    """

    def __init__(self, ruler: AttributeRuler, single: list[tuple[int, list[_Test]]],
                 keys: list[str], spanning: list[int],
                 lowers: list[frozenset[str] | None] | None = None) -> None:
        self.ruler = ruler
        self.single = single
        self.keys = keys
        self.attr_ids = [_KEYS[k] for k in keys]
        self.matcher = Matcher(ruler.vocab)
        for rule in spanning:
            self.matcher.add(str(rule), ruler.matcher.get(str(rule))[1])
        self.cache: dict[tuple[int, ...], tuple[tuple[int, ...], dict]] = {}
        # Most rules name the words they apply to ("LOWER": "'s"): on a new key only the rules
        # for its word, and those for any word, are tried (in rule order, as before).
        self.lower_at = keys.index("LOWER") if "LOWER" in keys else -1
        self.any_word: list[int] = []
        self.by_word: dict[str, list[int]] = {}
        for position, words in enumerate(lowers or [None] * len(single)):
            if words is None:
                self.any_word.append(position)
            for word in words or ():
                self.by_word.setdefault(word, []).append(position)

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> AttributeTable | None:
        keys: list[str] = []
        single: list[tuple[int, list[_Test]]] = []
        lowers: list[frozenset[str] | None] = []
        spanning: list[int] = []
        for rule in range(len(ruler.attrs)):
            on_match, patterns = ruler.matcher.get(str(rule))
            if on_match is not None:
                return None
            if all(len(p) == 1 for p in patterns) and ruler.indices[rule] in (0, -1):
                tests = [_token_test(p[0], keys) for p in patterns]
                if any(t is None for t in tests):
                    return None
                single.append((rule, tests))  # type: ignore[arg-type]
                lowers.append(_words_of(patterns))
            else:
                spanning.append(rule)
        return cls(ruler, single, keys, spanning, lowers)

    def _entry(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], dict]:
        """The rules matching a token key, and their attributes merged in rule order."""
        entry = self.cache.get(key)
        if entry is None:
            strings = self.ruler.vocab.strings
            values = [bool(v) if name.startswith("IS_") else strings[v]
                      for name, v in zip(self.keys, key, strict=True)]
            word = values[self.lower_at] if self.lower_at >= 0 else None
            tried = sorted(self.any_word + self.by_word.get(word, [])) if isinstance(
                word, str) else range(len(self.single))
            rules = tuple(self.single[i][0] for i in tried
                          if any(t(values) for t in self.single[i][1]))
            entry = (rules, self._merge(rules))
            self.cache[key] = entry
        return entry

    def _merge(self, rules: Iterable[int]) -> dict:
        merged: dict = {}
        for rule in rules:
            merged.update(self.ruler.attrs[rule])
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        spanning: dict[int, list[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            rule = int(self.ruler.vocab.strings[match_id])
            position = range(start, end)[self.ruler.indices[rule]]
            spanning.setdefault(position, []).append(rule)
        rows = doc.to_array(self.attr_ids).reshape(len(doc), -1).tolist()
        for i, row in enumerate(rows):
            rules, attrs = self._entry(tuple(row))
            if i in spanning:
                attrs = self._merge(sorted(set(rules) | set(spanning[i])))
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc


@Language.factory("profile_attributes")
def _make_table(nlp: Language, name: str) -> AttributeTable:
    table = AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler"))
    assert table is not None  # use_attribute_table adds this pipe only when there is one
    return table


def use_attribute_table(nlp: Language) -> None:
    """Run the model's attribute ruler as a table, in its place; any other ruler stays as is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or AttributeTable.from_ruler(ruler) is None:
        return
    nlp.add_pipe("profile_attributes", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
