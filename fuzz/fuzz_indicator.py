"""atheris target: ``parse_indicator_value`` and ``evaluate`` on arbitrary text."""

import atheris

with atheris.instrument_imports(include=["budgetacct"]):
    from budgetacct.model.indicators import evaluate, parse_indicator_value

from _common import run


def target(text: str) -> None:
    value = parse_indicator_value(text)
    assert parse_indicator_value(str(value)) == value, (text, str(value))
    half = len(text) // 2
    evaluate(text[:half], text[half:])


if __name__ == "__main__":
    run(target)
