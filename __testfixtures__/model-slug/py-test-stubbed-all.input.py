import json

import pytest
from click.testing import CliRunner

from chatcli.cli import cli


def test_verbosity_option(httpx_mock):
    httpx_mock.add_response(
        method="POST",
        url="https://api.openai.com/v1/responses",
        json={
            "id": "resp_1",
            "object": "response",
            "model": "gpt-5",
            "output": [{"type": "message", "content": [{"type": "output_text", "text": "hi"}]}],
        },
    )
    result = CliRunner().invoke(cli, ["-m", "gpt-5", "-o", "verbosity", "high", "Say hi"])
    assert result.exit_code == 0
    body = json.loads(httpx_mock.get_request().content)
    assert body["model"] == "gpt-5"


@pytest.mark.parametrize(
    "model_id,detail_values",
    (
        ("gpt-4o", "low, high, auto"),
        ("gpt-5.4", "low, high, original, auto"),
    ),
)
def test_image_detail_help(model_id, detail_values):
    result = CliRunner().invoke(cli, ["models", "--options", "-q", model_id])
    assert detail_values in result.output


def test_set_default_model(user_dir):
    cli_config.set_default_model("gpt-4o")
    assert cli_config.get_default_model() == "gpt-4o"
