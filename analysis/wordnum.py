"""Small English number words ("twenty-five", "thirty one") to integers."""

from __future__ import annotations

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}


def parse_number(text: str) -> int | None:
    """ "25" -> 25, "twenty-five" -> 25, "a" -> 1, "dozen" -> 12; None when not a number."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    if text in ("a", "an"):
        return 1
    if text == "dozen":
        return 12
    words = text.replace("-", " ").split()
    if not words:
        return None
    total = 0
    for word in words:
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        else:
            return None
    return total
