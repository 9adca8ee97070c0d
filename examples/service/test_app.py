from unittest.mock import patch

from service.app import answer, Ticket


def test_answer_uses_default_model():
    with patch("service.app.client") as client:
        client.responses.create.return_value.output_text = "Reset your password from the login page."
        answer(Ticket(subject="Login", body="I cannot log in"))
        assert client.responses.create.call_args.kwargs["model"] == "gpt-5.4"
