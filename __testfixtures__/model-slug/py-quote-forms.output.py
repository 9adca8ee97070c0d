"""Model names for each pipeline stage, as different contributors wrote them."""

from openai import OpenAI

PROVIDER = "openai"
VERSION = "5.4"

INTAKE_MODEL = "gpt-5.5"
ROUTING_MODEL = 'gpt-5.5'
SUMMARY_MODEL = """gpt-5.5"""
OUTLINE_MODEL = '''gpt-5.5'''
EXTRACT_MODEL = r"gpt-5.5"
REDACT_MODEL = R'gpt-5.5'
LEGAL_MODEL_NAME = u"gpt-5.5-pro"
REPORT_MODEL = f"gpt-5.5"
AUDIT_MODEL = rf'gpt-5.5-pro'
POLISH_MODEL = F"""gpt-5.5"""

# These are not plain model strings and stay as they are.
HEADER_MODEL = b"gpt-5.4"
VERSIONED_MODEL = f"gpt-{VERSION}"
QUALIFIED_MODEL = f"{PROVIDER}/gpt-5.4"
JOINED_MODEL = "gpt-5.4" "-pro"
ESCAPED_MODEL = "gpt\x2d5.4"

client = OpenAI()


def run_stage(stage_model: str, text: str) -> str:
    return client.responses.create(model=stage_model, input=text).output_text
