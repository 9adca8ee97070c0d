import pytest

from notes.cli import cli
from notes.errors import OutputCapError
from notes.llm import ChatOpenAI


@pytest.mark.parametrize(
    "args,expected",
    (
        (["-m", "gpt-5", "-o", "reasoning_effort", "minimal"], {"model": "gpt-5", "options": {"reasoning_effort": "minimal"}}),
    ),
)
def test_save_template(run, args, expected):
    assert run(["--save", "t"] + args).template == expected


def test_selection_is_tracked(run, analytics):
    run(["--pick-default"])
    analytics.event.assert_called_once_with("auto_model_selection", model="gpt-4o")


def test_cap_error_names_the_model():
    assert "gpt-4o" in str(OutputCapError(message="cut", model="gpt-4o"))


@pytest.mark.skipif("not config.getoption('--live')")
async def test_summary_live(notes):
    llm = ChatOpenAI(model="gpt-4.1")
    assert await llm.summarise(notes)
